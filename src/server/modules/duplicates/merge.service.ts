import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { canWriteField, requireDo, requireSomeDelete, recordVisibility, type Actor } from '../../core/access.ts';
import { forbidden, invalid, notFound } from '../../http/errors.ts';
import { writeAudit } from '../../core/audit.ts';
import { deliverSoon, writeEvents } from '../../core/events.ts';
import { allFields, type ResolvedField } from '../../records/fields.ts';
import { beforeImage, derived, mayDelete, present, updateSet } from '../../records/service.ts';
import { referencesTo } from '../../records/references.ts';
import type { ObjectDef, Row, Tx } from '../../records/types.ts';

const empty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** A reference moved by a merge: which rows (by key column) of which table pointed at which duplicate. */
export interface Moved {
  table: string;
  column: string;
  from: number;
  keys: unknown[];
  keyColumn: string;
  /** Tables pointing at any object: only rows naming this object were moved (Reference.objectColumn). */
  object?: { column: string; value: string };
}

/** What a merge's audit entry keeps: enough for undoMerge to put everything back. */
export interface MergeChanges {
  primary_before: Row;
  duplicates: Row[];
  moved: Moved[];
  /** Keys (standard and custom) the merge filled on the primary; empty there before. */
  filled: string[];
  /** Tags the duplicates added to the primary. */
  tags_added?: string[];
}

/**
 * The rows with these ids the actor may see, locked in id order. Two opposite merges (A←B,
 * B←A) lock the same rows in the same order, so one waits for the other instead of
 * deadlocking; the second then finds a row gone and answers 404 like any missing record.
 */
export async function lockVisible(trx: Tx, def: ObjectDef, actor: Actor, ids: number[]): Promise<Map<number, Row>> {
  const t = def.name;
  const vis = recordVisibility(actor, def, t);
  const { rows } = await sql<Row>`SELECT * FROM ${sql.table(t)} WHERE id = ANY(${sql.val(ids)}::bigint[]) AND ${vis} ORDER BY id FOR UPDATE`.execute(trx);
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  for (const id of ids) if (!byId.has(id)) throw notFound(def.singular);
  return byId;
}

/** A field's value in a row: a column, or a key of the custom jsonb. */
const valueOf = (f: ResolvedField, row: Row) => (f.custom ? row.custom?.[f.key] : row[f.key]);

/**
 * Merges duplicates into the primary: every reference moves to the primary, the primary's
 * empty fields are filled from the duplicates (tags united), the duplicates are deleted.
 * Rights are those of the single writes it stands for: merging a duplicate away deletes it
 * (the `delete` capability or the actor's own record), and only the fields the actor may
 * write are filled. The audit entry keeps what undoMerge needs.
 */
export async function mergeRecords(db: Kysely<DB>, def: ObjectDef, actor: Actor, primaryId: number, duplicateIds: number[]): Promise<Row> {
  // A merge updates the primary and deletes the duplicates: both actions are needed.
  requireDo(actor, def, 'update');
  requireSomeDelete(actor, def);
  const dupIds = [...new Set(duplicateIds)].filter((id) => id !== primaryId);
  if (!dupIds.length) throw invalid([{ field: 'duplicate_ids', message: 'Name at least one other record', code: 'required' }]);
  const writable = (await allFields(db, def)).filter((f) => !f.system && f.key !== 'tags' && canWriteField(actor, def.name, f.key));
  const mayTag = def.fields.some((f) => f.key === 'tags') && canWriteField(actor, def.name, 'tags');
  const row = await db.transaction().execute(async (trx) => {
    const locked = await lockVisible(trx, def, actor, [primaryId, ...dupIds]);
    const primary = locked.get(primaryId)!;
    const dups = dupIds.map((id) => locked.get(id)!);
    if (dups.some((d) => !mayDelete(actor, def, d))) throw forbidden('Merging a record away deletes it: you may merge away only records you may delete');

    const filledCols: Row = {};
    const custom: Row = { ...(primary.custom ?? {}) };
    const filled: string[] = [];
    for (const f of writable) {
      if (!empty(valueOf(f, primary))) continue;
      const v = dups.map((d) => valueOf(f, d)).find((x) => !empty(x));
      if (v === undefined) continue;
      if (f.custom) custom[f.key] = v;
      else filledCols[f.key] = v;
      filled.push(f.key);
    }
    const tags = new Set<string>(primary.tags ?? []);
    if (mayTag) for (const d of dups) for (const t of d.tags ?? []) tags.add(t);
    const tagsAdded = [...tags].filter((t) => !(primary.tags ?? []).includes(t));

    const moved = await moveReferences(trx, def, primaryId, dupIds);
    await sql`DELETE FROM ${sql.table(def.name)} WHERE id = ANY(${sql.val(dupIds)}::bigint[])`.execute(trx);
    const merged = { ...primary, ...filledCols, custom, ...(mayTag ? { tags: [...tags] } : {}) };
    const set = { ...filledCols, custom: JSON.stringify(custom), ...(mayTag ? { tags: [...tags] } : {}), ...(await derived(trx, def, merged)), updated_at: new Date() };
    const { rows } = await sql<Row>`UPDATE ${sql.table(def.name)} SET ${updateSet(set)} WHERE id = ${primaryId} RETURNING *`.execute(trx);
    const changes: MergeChanges = { primary_before: beforeImage(primary), duplicates: dups.map(beforeImage), moved, filled, tags_added: tagsAdded };
    await writeAudit(trx, { actorId: actor.id, action: 'merge', object: def.name, recordId: primaryId, changes });
    for (const d of dups) await writeAudit(trx, { actorId: actor.id, action: 'delete', object: def.name, recordId: d.id, changes: { merged_into: primaryId } });
    await writeEvents(trx, [{ type: 'merged', object: def.name, id: primaryId, actorId: actor.id }]);
    return rows[0]!;
  });
  deliverSoon();
  return present(db, def, actor, row);
}

/** Points every registered reference to a duplicate at the primary; returns what moved. */
async function moveReferences(trx: Tx, def: ObjectDef, primaryId: number, dupIds: number[]): Promise<Moved[]> {
  const moved: Moved[] = [];
  for (const ref of referencesTo(def.name)) {
    if (ref.table === def.name) {
      // Self-reference (parent account): never point the primary at itself.
      await sql`UPDATE ${sql.table(ref.table)} SET ${sql.ref(ref.column)} = NULL WHERE id = ${primaryId} AND ${sql.ref(ref.column)} = ANY(${sql.val(dupIds)}::bigint[])`.execute(trx);
    }
    const object = ref.objectColumn ? { column: ref.objectColumn, value: def.name } : undefined;
    const ofObject = (alias?: string) => object ? sql` AND ${sql.ref(alias ? `${alias}.${object.column}` : object.column)} = ${object.value}` : sql``;
    for (const from of dupIds) {
      const keyColumn = ref.uniqueWith ?? 'id';
      if (ref.uniqueWith) {
        await sql`DELETE FROM ${sql.table(ref.table)} d WHERE d.${sql.ref(ref.column)} = ${from}${ofObject('d')} AND EXISTS (
          SELECT 1 FROM ${sql.table(ref.table)} p WHERE p.${sql.ref(ref.column)} = ${primaryId}${ofObject('p')} AND p.${sql.ref(ref.uniqueWith)} = d.${sql.ref(ref.uniqueWith)})`.execute(trx);
      }
      const { rows } = await sql<{ k: unknown }>`UPDATE ${sql.table(ref.table)} SET ${sql.ref(ref.column)} = ${primaryId}
        WHERE ${sql.ref(ref.column)} = ${from}${ofObject()} RETURNING ${sql.ref(keyColumn)} AS k`.execute(trx);
      if (rows.length) moved.push({ table: ref.table, column: ref.column, from, keys: rows.map((r) => r.k), keyColumn, ...(object ? { object } : {}) });
    }
  }
  return moved;
}
