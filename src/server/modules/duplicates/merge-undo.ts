import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { canWriteField, requireDo, type Actor } from '../../core/access.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import { writeAudit } from '../../core/audit.ts';
import { allFields, type ResolvedField } from '../../records/fields.ts';
import { derived, insertValues, mayDelete, updateSet } from '../../records/service.ts';
import type { ObjectDef, Row, Tx } from '../../records/types.ts';
import { lockVisible, type MergeChanges } from './merge.service.ts';

/**
 * Reverses a merge from its audit entry: restores the duplicates, moves their references
 * back and clears what the merge filled on the primary (edits made since are kept). It needs
 * the rights the merge needed (write, the delete right over each duplicate, write on the
 * fields it reverts). The audit log is append-only: the undo is a new `undo_merge` entry,
 * and that entry is what marks the merge as undone.
 */
export async function undoMerge(db: Kysely<DB>, def: ObjectDef, actor: Actor, auditId: number): Promise<void> {
  // The undo re-creates the merged-away records and reverts the primary.
  requireDo(actor, def, 'update');
  requireDo(actor, def, 'create');
  const fields = await allFields(db, def);
  await db.transaction().execute(async (trx) => {
    const entry = await trx.selectFrom('audit_log').selectAll().where('id', '=', auditId).executeTakeFirst();
    if (!entry || entry.action !== 'merge' || entry.object !== def.name || !entry.record_id) throw new AppError('not_found', 'No such merge in the audit log');
    const c = entry.changes as MergeChanges & { undone?: boolean };
    // Locking the primary serialises two undos of one merge: the second sees the first's entry.
    const primary = (await lockVisible(trx, def, actor, [entry.record_id])).get(entry.record_id)!;
    const { rows: undone } = await sql`SELECT 1 FROM audit_log WHERE action = 'undo_merge' AND object = ${def.name}
      AND record_id = ${entry.record_id} AND changes ->> 'audit_id' = ${String(auditId)}`.execute(trx);
    if (c.undone || undone.length) throw new AppError('conflict', 'This merge was already undone');
    if (c.duplicates.some((d) => !mayDelete(actor, def, d))) throw forbidden('You may undo only merges of records you may delete');
    const legacy = c.tags_added === undefined;
    const reverted = [...(c.filled ?? []), ...(c.tags_added?.length ? ['tags'] : [])];
    const locked = reverted.find((k) => !canWriteField(actor, def.name, k));
    if (locked) throw forbidden(`You may not change the field ${locked}`);

    const columns = await columnsOf(trx, def.name);
    for (const d of c.duplicates) {
      // A restored record is a new state of it: a client holding its old version must re-read it.
      const restored = { ...d, custom: JSON.stringify(d.custom ?? {}), version: (Number(d.version) || 1) + 1 };
      await sql`INSERT INTO ${sql.table(def.name)} ${insertValues(fitTo(columns, { ...restored, ...(await derived(trx, def, d)) }, true))}`.execute(trx);
    }
    for (const m of c.moved) {
      const ofObject = m.object ? sql` AND ${sql.ref(m.object.column)} = ${m.object.value}` : sql``;
      await sql`UPDATE ${sql.table(m.table)} SET ${sql.ref(m.column)} = ${m.from}
        WHERE ${sql.ref(m.column)} = ${entry.record_id} AND ${sql.ref(m.keyColumn)} = ANY(${sql.val(m.keys)}::bigint[])${ofObject}`.execute(trx);
    }
    const set = legacy ? fitTo(columns, await legacyRevert(trx, def, c.primary_before), false) : await revert(trx, def, fields, primary, c);
    await sql`UPDATE ${sql.table(def.name)} SET ${updateSet(set)} WHERE id = ${primary.id}`.execute(trx);
    await writeAudit(trx, { actorId: actor.id, action: 'undo_merge', object: def.name, recordId: primary.id, changes: { audit_id: auditId, restored: c.duplicates.map((d) => d.id), reverted } });
  });
}

interface Columns {
  table: string;
  all: Set<string>;
  /** NOT NULL without a default: a row restored without them cannot be written. */
  required: string[];
}

async function columnsOf(trx: Tx, table: string): Promise<Columns> {
  const { rows } = await sql<{ name: string; required: boolean }>`SELECT column_name AS name, (is_nullable = 'NO' AND column_default IS NULL AND is_identity = 'NO') AS required
    FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ${table} AND is_generated = 'NEVER'`.execute(trx);
  return { table, all: new Set(rows.map((r) => r.name)), required: rows.filter((r) => r.required).map((r) => r.name) };
}

/**
 * A before-image fitted to the table as it is now. Images written by older versions name
 * columns since dropped (contacts.name_order, migration 027): those are left out. One that
 * lacks a column the table now requires cannot be restored: the undo is refused (409,
 * reason merge_not_undoable) rather than failing inside the database.
 */
function fitTo(columns: Columns, row: Row, insert: boolean): Row {
  // An insert must name every required column; an update must not set one to null.
  const missing = columns.required.filter((k) => (insert ? row[k] == null : k in row && row[k] === null));
  if (missing.length) {
    throw new AppError('conflict', `This merge was recorded by an older version of Guanxi and cannot be undone: its records lack ${missing.join(', ')}`, { reason: 'merge_not_undoable', missing });
  }
  return Object.fromEntries(Object.entries(row).filter(([k]) => columns.all.has(k)));
}

/** Clears on the current primary exactly what the merge filled, and drops the tags it added. */
async function revert(trx: Tx, def: ObjectDef, fields: ResolvedField[], primary: Row, c: MergeChanges): Promise<Row> {
  const cols: Row = {};
  const custom: Row = { ...(primary.custom ?? {}) };
  for (const key of c.filled) {
    const f = fields.find((x) => x.key === key);
    if (f?.custom) delete custom[key];
    else if (f) cols[key] = c.primary_before[key] ?? null;
  }
  const tags = c.tags_added?.length ? { tags: (primary.tags ?? []).filter((t: string) => !c.tags_added!.includes(t)) } : {};
  const next = { ...primary, ...cols, custom, ...tags };
  return { ...cols, ...tags, custom: JSON.stringify(custom), ...(await derived(trx, def, next)), updated_at: new Date() };
}

/** Entries written before merges recorded what they filled: the primary's before-image comes back whole. */
async function legacyRevert(trx: Tx, def: ObjectDef, p: Row): Promise<Row> {
  const { id: _id, version: _v, ...rest } = p;
  return { ...rest, custom: JSON.stringify(p.custom ?? {}), ...(await derived(trx, def, p)) };
}
