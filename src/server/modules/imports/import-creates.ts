import { sql, type Kysely } from 'kysely';
import { titleSortColumns } from '../../records/sort-key.ts';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/tx.ts';
import { recordVisibility, type Actor } from '../../core/access.ts';
import { bulkInsertSql, type TableColumns } from '../../db/bulk-insert.ts';
import { searchColumns } from '../../records/search-sql.ts';
import { insertBatch } from '../../records/batch-write.ts';
import { assignNumbers } from '../../records/numbering.ts';
import type { ObjectDef, Row, Tx } from '../../records/types.ts';

// A name column that creates missing records (`import.createMissingLink`: a contacts file's
// `account_name`): found among the records the importer may see by the linked object's
// `import.lookup` key (accounts: 阿里巴巴（中国）有限公司 and 阿里巴巴(中國)有限公司 are one
// account), or created through the record engine's batch insert. A record the importer
// cannot see is treated as absent: a new one is created.

/** Records found or created, cached across the batches of one import (by name key, and names by id). */
export interface NameCache {
  byKey: Map<string, { id: number; name: string }>;
  nameById: Map<number, string>;
}

// Distinct company names are far fewer than rows; past this many the cache starts again
// (a few more lookups) rather than grow with a file of unique names.
const ACCOUNT_CACHE_MAX = 100_000;

export function newNameCache(): NameCache {
  return { byKey: new Map(), nameById: new Map() };
}

function remember(cache: NameCache, key: string, a: { id: number; name: string }) {
  if (cache.byKey.size >= ACCOUNT_CACHE_MAX) {
    cache.byKey.clear();
    cache.nameById.clear();
  }
  cache.byKey.set(key, a);
  cache.nameById.set(a.id, a.name);
}

// A name's key by its spelling: files repeat a few thousand names over many rows.
const keys = new Map<string, string>();

/** The linked object's lookup key of a name (its title in lower case without one), remembered for the spellings seen lately. */
export function createKey(def: ObjectDef, name: string): string {
  const id = `${def.name}\u0000${name}`;
  let k = keys.get(id);
  if (k === undefined) {
    if (keys.size >= 10_000) keys.clear();
    keys.set(id, (k = def.import?.lookup ? def.import.lookup.key(name) : name.trim().toLowerCase()));
  }
  return k;
}

/**
 * Account ids (by name key) for the company names of a batch: from the cache, else found or
 * created in one short transaction (one statement each). Batches resolve their accounts one
 * at a time, so two batches written side by side never create the same account twice. The
 * answer is the batch's own map, so a cache restarted later cannot lose an id it still needs.
 */
export async function resolveCreated(db: Kysely<DB>, actor: Actor, def: ObjectDef, cache: NameCache, columns: () => Promise<TableColumns>, names: string[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const wanted = new Map<string, string>(); // name key → first spelling in the batch
  for (const n of names) {
    const k = createKey(def, n);
    const hit = cache.byKey.get(k);
    if (hit) ids.set(k, hit.id);
    else if (!wanted.has(k)) wanted.set(k, n);
  }
  if (!wanted.size) return ids;
  const info = await columns();
  const found = await inTransaction(db, (trx) => findOrCreate(trx, actor, def, info, wanted));
  for (const a of found) {
    remember(cache, a.name_key, { id: a.id, name: a.name });
    ids.set(a.name_key, a.id);
  }
  return ids;
}

async function findOrCreate(trx: Tx, actor: Actor, def: ObjectDef, info: TableColumns, wanted: Map<string, string>) {
  const t = def.name;
  const key = def.import?.lookup ? sql.ref(`${t}.${def.import.lookup.column}`) : sql`lower(${sql.ref(`${t}.${def.titleField}`)})`;
  const vis = recordVisibility(actor, def, t);
  const { rows } = await sql<{ id: number; name: string; name_key: string }>`SELECT DISTINCT ON (${key}) id, ${sql.ref(`${t}.${def.titleField}`)} AS name, ${key} AS name_key
    FROM ${sql.table(t)} WHERE ${key} = ANY(${sql.val([...wanted.keys()])}::text[]) AND ${vis} ORDER BY ${key}, id`.execute(trx);
  for (const r of rows) wanted.delete(r.name_key);
  if (!wanted.size) return rows.map((r) => ({ ...r, id: Number(r.id) }));
  const names = [...wanted];
  const bases = names.map(([, name]) => {
    const base: Row = { [def.titleField]: name, created_by: actor.id, custom: '{}' };
    if (def.ownerField) base[def.ownerField] = actor.id;
    return base;
  });
  await assignNumbers(trx, def, bases);
  const inserts = bases.map((base) => ({ ...base, ...(def.derive?.(base) ?? {}), ...titleSortColumns(def, base), ...searchColumns(def, base, {}) }));
  const { ids } = await insertBatch(trx, def, actor, info, inserts);
  return [...rows.map((r) => ({ ...r, id: Number(r.id) })), ...names.map(([k, name], i) => ({ id: ids[i]!, name, name_key: k }))];
}
