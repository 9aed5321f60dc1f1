import { sql } from 'kysely';
import { AppError } from '../http/errors.ts';
import { getObject } from './registry.ts';
import { linksTo } from './references.ts';
import type { ObjectDef, Tx } from './types.ts';

/**
 * What deleting records does to what points at them, declared where the pointing is:
 * each link field's `onDelete` (records/types.ts) says whether its records go too
 * ('cascade', unless still linked through a `keepIfLinked` field), lose the link
 * ('set_null', the default) or refuse the delete ('restrict'); tables that are not record
 * objects (the timeline) register a hook. Runs in the delete's transaction, before the
 * row goes, so a refused delete changes nothing.
 */
export type DeleteHook = (trx: Tx, def: ObjectDef, ids: number[]) => Promise<void>;

const hooks: DeleteHook[] = [];

/** Called for every deleted record, also those a cascade takes. Register once, at import time. */
export function onRecordsDeleted(hook: DeleteHook): void {
  if (!hooks.includes(hook)) hooks.push(hook);
}

const ids = (rows: { id: unknown }[]) => rows.map((r) => Number(r.id));

/** Applies the rules for records of `def` about to be deleted (they are deleted by the caller). */
export async function applyDeleteRules(trx: Tx, def: ObjectDef, deleting: number[], seen = new Set<string>()): Promise<void> {
  const fresh = deleting.filter((id) => !seen.has(`${def.name}:${id}`));
  if (!fresh.length) return;
  for (const id of fresh) seen.add(`${def.name}:${id}`);
  const these = sql.val(fresh);
  for (const { from, field } of linksTo(def.name)) {
    const linking = getObject(from);
    const f = linking.fields.find((x) => x.key === field)!;
    const col = sql.ref(field);
    const table = sql.table(from);
    const rule = f.onDelete ?? 'set_null';
    if (rule === 'restrict') {
      const { rows } = await sql`SELECT 1 FROM ${table} WHERE ${col} = ANY(${these}::bigint[]) LIMIT 1`.execute(trx);
      // Says which object, never which records: they may be ones the caller may not see.
      if (rows.length) throw new AppError('conflict', `Records of ${from} still link to this record; delete or unlink them first`);
      continue;
    }
    if (rule === 'cascade') {
      const kept = (f.keepIfLinked ?? []).map((k) => sql`${sql.ref(k)} IS NULL`);
      const only = kept.length ? sql` AND ${sql.join(kept, sql` AND `)}` : sql``;
      const { rows } = await sql<{ id: unknown }>`SELECT id FROM ${table} WHERE ${col} = ANY(${these}::bigint[])${only} ORDER BY id FOR UPDATE`.execute(trx);
      const going = ids(rows).filter((id) => !seen.has(`${from}:${id}`));
      if (going.length) {
        await applyDeleteRules(trx, linking, going, seen);
        await sql`DELETE FROM ${table} WHERE id = ANY(${sql.val(going)}::bigint[])`.execute(trx);
      }
    }
    await sql`UPDATE ${table} SET ${col} = NULL WHERE ${col} = ANY(${these}::bigint[])`.execute(trx);
  }
  for (const hook of hooks) await hook(trx, def, fresh);
}
