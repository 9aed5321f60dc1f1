import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { recordVisibility, visibilityOf, type Actor } from '../../core/access.ts';
import { readableKeys, redactPayload, visibleOwners } from '../../core/redact.ts';
import { getObject, objectNames } from '../../records/registry.ts';
import type { Row } from '../../records/types.ts';

/**
 * Audit entries about records list only when the actor may read the record now (a deleted
 * one, or an entry about no single record such as an import, only for actors who see every
 * record of the object). Entries about users, roles and settings are the administrators' log.
 */
export function auditRecordVisible(actor: Actor, alias: string): RawBuilder<boolean> {
  const conds: RawBuilder<boolean>[] = [];
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  for (const name of objectNames()) {
    const def = getObject(name);
    const v = visibilityOf(actor, name);
    if (v === 'all' || !def.ownerField) continue;
    const vis = recordVisibility(actor, def, 'r');
    conds.push(sql<boolean>`(${col('object')} <> ${name}
      OR EXISTS (SELECT 1 FROM ${sql.table(name)} r WHERE r.id = ${col('record_id')} AND ${vis}))`);
  }
  return conds.length ? (sql.join(conds, sql` AND `) as RawBuilder<boolean>) : sql<boolean>`true`;
}

const KEY_LISTS = ['fields', 'filled', 'columns'];
const ROWS = ['before', 'primary_before'];

function isObject(v: unknown): v is Row {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * An entry's `changes` without what the actor may not read: field diffs `{field: [old, new]}`
 * and before-images lose hidden fields, lists of field names and export filters lose hidden
 * names, and a merged duplicate the actor could not have seen keeps only its id.
 */
function redactChanges(actor: Actor, object: string, changes: Row, hiddenDuplicate: (d: Row) => boolean): Row {
  const out: Row = redactPayload(actor, object, changes);
  for (const k of ROWS) if (isObject(out[k])) out[k] = redactPayload(actor, object, out[k]);
  for (const k of KEY_LISTS) if (Array.isArray(out[k])) out[k] = readableKeys(actor, object, out[k].filter((x: unknown) => typeof x === 'string'));
  if (Array.isArray(out.filters)) out.filters = out.filters.filter((f: unknown) => isObject(f) && readableKeys(actor, object, [String(f.field)]).length);
  if (Array.isArray(out.duplicates)) {
    out.duplicates = out.duplicates.map((d: unknown) => (!isObject(d) ? d : hiddenDuplicate(d) ? { id: d.id } : redactPayload(actor, object, d)));
  }
  return out;
}

/** The page of audit rows as the actor may see them (one query per object for merged duplicates' owners). */
export async function redactAuditRows(db: Kysely<DB>, actor: Actor, rows: Row[]): Promise<Row[]> {
  const records = new Set(objectNames());
  const ownerOf = (object: string, d: Row) => {
    const f = getObject(object).ownerField;
    return f ? ((d[f] as number | null | undefined) ?? null) : null;
  };
  const wanted = new Map<string, (number | null)[]>();
  for (const r of rows) {
    if (!records.has(r.object) || !isObject(r.changes) || !Array.isArray(r.changes.duplicates)) continue;
    const list = wanted.get(r.object) ?? [];
    for (const d of r.changes.duplicates) if (isObject(d)) list.push(ownerOf(r.object, d));
    wanted.set(r.object, list);
  }
  const seen = new Map<string, Set<number | null>>();
  for (const [object, ids] of wanted) seen.set(object, await visibleOwners(db, actor, object, ids));
  return rows.map((r) => {
    if (!records.has(r.object) || !isObject(r.changes)) return r;
    const def = getObject(r.object);
    const hidden = (d: Row) => Boolean(def.ownerField) && visibilityOf(actor, r.object) !== 'all' && !seen.get(r.object)?.has(ownerOf(r.object, d));
    return { ...r, changes: redactChanges(actor, r.object, r.changes, hidden) };
  });
}
