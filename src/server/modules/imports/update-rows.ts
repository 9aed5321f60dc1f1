import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { recordVisibility, type Actor } from '../../core/access.ts';
import { diff, writeAudit } from '../../core/audit.ts';
import type { RecordEvent } from '../../core/events.ts';
import { derived, updateSet } from '../../records/service.ts';
import type { ResolvedField } from '../../records/fields.ts';
import { fieldIndex } from '../../records/validate.ts';
import { reindexDependants } from '../search/dependants.ts';
import type { ObjectDef, Row, Tx } from '../../records/types.ts';
import { afterWrite, beforeWrite } from '../../records/hooks.ts';

// Duplicate mode `update` writes a matched record the way the record engine's update does
// (records/service.ts updateRecord): the object's beforeWrite / afterWrite hooks (a contact's
// account link in account_contacts), derived columns and search document, updated_at, and an
// audit entry with each changed field's old → new value. The import's own rules on top: only
// values the file holds are written (an empty cell keeps the stored value), and the owner
// is kept unless the file maps the owner column.

/**
 * Updates record `id` with `values` (validated, field rules applied) if the actor may still see
 * it; answers the event to publish after commit, or null when the record is gone or hidden.
 */
export async function updateMatched(trx: Tx, def: ObjectDef, fields: ResolvedField[], actor: Actor, id: number, values: Row): Promise<RecordEvent | null> {
  const t = def.name;
  const vis = recordVisibility(actor, def, t);
  const { rows } = await sql<Row>`SELECT * FROM ${sql.table(t)} WHERE id = ${id} AND ${vis} FOR UPDATE`.execute(trx);
  const existing = rows[0];
  if (!existing) return null;
  const ctx = { trx: trx as Transaction<DB>, actor, def };
  await beforeWrite(ctx, [{ values, existing }]);
  const byKey = fieldIndex(fields);
  const columns: Row = {};
  let custom: Row | undefined;
  for (const [k, v] of Object.entries(values)) {
    if (byKey.get(k)?.custom) {
      const c: Row = (custom ??= { ...(existing.custom ?? {}) });
      if (v === null) delete c[k];
      else c[k] = v;
    } else columns[k] = v;
  }
  const merged = { ...existing, ...columns, ...(custom ? { custom } : {}) };
  const set = { ...columns, ...(custom ? { custom: JSON.stringify(custom) } : {}), ...(await derived(trx, def, merged)), updated_at: new Date() };
  const { rows: out } = await sql<Row>`UPDATE ${sql.table(t)} SET ${updateSet(set)} WHERE id = ${id} RETURNING *`.execute(trx);
  await afterWrite(ctx, [{ row: out[0]!, existing, input: {} }]);
  await reindexDependants(trx, t, out[0]!, existing);
  const changes = diff({ ...existing, ...(existing.custom ?? {}) }, values);
  if (Object.keys(changes).length) await writeAudit(trx, { actorId: actor.id, action: 'update', object: t, recordId: id, changes });
  return { type: 'updated', object: t, id, actorId: actor.id, changes };
}
