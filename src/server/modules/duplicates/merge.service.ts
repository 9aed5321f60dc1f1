import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { can, type Actor } from '../../core/access.ts';
import { AppError, forbidden, invalid } from '../../http/errors.ts';
import { writeAudit } from '../../core/audit.ts';
import { publish } from '../../core/events.ts';
import { beforeImage, derived, insertValues, loadVisible, present, updateSet } from '../../records/service.ts';
import { referencesTo } from '../../records/references.ts';
import type { ObjectDef, Row } from '../../records/types.ts';

const KEEP = new Set(['id', 'created_at', 'created_by', 'search_text', 'search_tokens', 'phone_key', 'mobile_key', 'custom', 'tags', 'updated_at']);
const empty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

interface Moved {
  table: string;
  column: string;
  /** ctid-free identification: the moved rows' primary keys are not uniform, so we keep the other column's value. */
  from: number;
  keys: unknown[];
  keyColumn: string;
}

/**
 * Merges duplicates into the primary: every reference moves to the primary, the primary's
 * empty fields are filled from the duplicates (tags and custom values united), the
 * duplicates are deleted. The audit row keeps their before-images and what moved, which is
 * what undoMerge replays.
 */
export async function mergeRecords(db: Kysely<DB>, def: ObjectDef, actor: Actor, primaryId: number, duplicateIds: number[]): Promise<Row> {
  if (!can(actor, 'write')) throw forbidden('Your role may not merge records');
  const dupIds = [...new Set(duplicateIds)].filter((id) => id !== primaryId);
  if (!dupIds.length) throw invalid([{ field: 'duplicate_ids', message: 'Name at least one other record' }]);
  const row = await db.transaction().execute(async (trx) => {
    const primary = await loadVisible(trx, def, actor, primaryId, true);
    const dups: Row[] = [];
    for (const id of dupIds) dups.push(await loadVisible(trx, def, actor, id, true));
    const filled: Row = {};
    const custom: Row = { ...(primary.custom ?? {}) };
    const tags = new Set<string>(primary.tags ?? []);
    for (const d of dups) {
      for (const [k, v] of Object.entries(d)) if (!KEEP.has(k) && empty(primary[k]) && empty(filled[k]) && !empty(v)) filled[k] = v;
      for (const [k, v] of Object.entries(d.custom ?? {})) if (empty(custom[k])) custom[k] = v;
      for (const t of d.tags ?? []) tags.add(t);
    }
    const moved: Moved[] = [];
    for (const ref of referencesTo(def.name)) {
      if (ref.table === def.name) {
        // Self-reference (parent account): never point the primary at itself.
        await sql`UPDATE ${sql.table(ref.table)} SET ${sql.ref(ref.column)} = NULL WHERE id = ${primaryId} AND ${sql.ref(ref.column)} = ANY(${sql.val(dupIds)}::bigint[])`.execute(trx);
      }
      for (const from of dupIds) {
        const keyColumn = ref.uniqueWith ?? 'id';
        if (ref.uniqueWith) {
          await sql`DELETE FROM ${sql.table(ref.table)} d WHERE d.${sql.ref(ref.column)} = ${from} AND EXISTS (
            SELECT 1 FROM ${sql.table(ref.table)} p WHERE p.${sql.ref(ref.column)} = ${primaryId} AND p.${sql.ref(ref.uniqueWith)} = d.${sql.ref(ref.uniqueWith)})`.execute(trx);
        }
        const { rows } = await sql<{ k: unknown }>`UPDATE ${sql.table(ref.table)} SET ${sql.ref(ref.column)} = ${primaryId}
          WHERE ${sql.ref(ref.column)} = ${from} RETURNING ${sql.ref(keyColumn)} AS k`.execute(trx);
        if (rows.length) moved.push({ table: ref.table, column: ref.column, from, keys: rows.map((r) => r.k), keyColumn });
      }
    }
    await sql`DELETE FROM ${sql.table(def.name)} WHERE id = ANY(${sql.val(dupIds)}::bigint[])`.execute(trx);
    const merged = { ...primary, ...filled, custom, tags: [...tags] };
    const set = { ...filled, custom: JSON.stringify(custom), tags: [...tags], ...(await derived(trx, def, merged)), updated_at: new Date() };
    const { rows } = await sql<Row>`UPDATE ${sql.table(def.name)} SET ${updateSet(set)} WHERE id = ${primaryId} RETURNING *`.execute(trx);
    await writeAudit(trx, {
      actorId: actor.id,
      action: 'merge',
      object: def.name,
      recordId: primaryId,
      changes: { primary_before: beforeImage(primary), duplicates: dups.map(beforeImage), moved, filled: Object.keys(filled) },
    });
    for (const d of dups) await writeAudit(trx, { actorId: actor.id, action: 'delete', object: def.name, recordId: d.id, changes: { merged_into: primaryId } });
    return rows[0]!;
  });
  publish([{ type: 'merged', object: def.name, id: primaryId, actorId: actor.id }]);
  return present(db, def, actor, row);
}

/** Reverses a merge from its audit row: restores the duplicates, moves their references back, restores the primary. */
export async function undoMerge(db: Kysely<DB>, def: ObjectDef, actor: Actor, auditId: number): Promise<void> {
  if (!can(actor, 'delete')) throw forbidden('Your role may not undo merges');
  await db.transaction().execute(async (trx) => {
    const entry = await trx.selectFrom('audit_log').selectAll().where('id', '=', auditId).executeTakeFirst();
    if (!entry || entry.action !== 'merge' || entry.object !== def.name) throw new AppError('not_found', 'No such merge in the audit log');
    const c = entry.changes as { primary_before: Row; duplicates: Row[]; moved: Moved[]; undone?: boolean };
    if (c.undone) throw new AppError('conflict', 'This merge was already undone');
    await loadVisible(trx, def, actor, entry.record_id!, true);
    for (const d of c.duplicates) {
      const restored = { ...d, custom: JSON.stringify(d.custom ?? {}) };
      await sql`INSERT INTO ${sql.table(def.name)} ${insertValues({ ...restored, ...(await derived(trx, def, d)) })}`.execute(trx);
    }
    for (const m of c.moved) {
      await sql`UPDATE ${sql.table(m.table)} SET ${sql.ref(m.column)} = ${m.from}
        WHERE ${sql.ref(m.column)} = ${entry.record_id} AND ${sql.ref(m.keyColumn)} = ANY(${sql.val(m.keys)}::bigint[])`.execute(trx);
    }
    const p = c.primary_before;
    const { id: _id, ...rest } = p;
    await sql`UPDATE ${sql.table(def.name)} SET ${updateSet({ ...rest, custom: JSON.stringify(p.custom ?? {}), ...(await derived(trx, def, p)) })} WHERE id = ${p.id}`.execute(trx);
    await trx.updateTable('audit_log').set({ changes: JSON.stringify({ ...c, undone: true }) }).where('id', '=', auditId).execute();
    await writeAudit(trx, { actorId: actor.id, action: 'undo_merge', object: def.name, recordId: p.id, changes: { audit_id: auditId, restored: c.duplicates.map((d) => d.id) } });
  });
}
