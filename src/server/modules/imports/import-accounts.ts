import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/tx.ts';
import { visibilityCondition, type Actor } from '../../core/access.ts';
import { bulkInsertSql, type TableColumns } from '../../db/bulk-insert.ts';
import { getObject } from '../../records/registry.ts';
import { searchColumns } from '../../records/search-sql.ts';
import { orgNameKey } from '../../text/identity.ts';
import type { Tx } from '../../records/types.ts';

// The company column of a contacts file (`account_name`): found among the accounts the importer
// may see by normalised name (so 阿里巴巴（中国）有限公司 and 阿里巴巴(中國)有限公司 are one account),
// or created. An account the importer cannot see is treated as absent: a new one is created.

/** Accounts cached across the batches of one import (by name key, and names by id). */
export interface AccountCache {
  byKey: Map<string, { id: number; name: string }>;
  nameById: Map<number, string>;
}

// Distinct company names are far fewer than rows; past this many the cache starts again
// (a few more lookups) rather than grow with a file of unique names.
const ACCOUNT_CACHE_MAX = 100_000;

export function newAccountCache(): AccountCache {
  return { byKey: new Map(), nameById: new Map() };
}

function remember(cache: AccountCache, key: string, a: { id: number; name: string }) {
  if (cache.byKey.size >= ACCOUNT_CACHE_MAX) {
    cache.byKey.clear();
    cache.nameById.clear();
  }
  cache.byKey.set(key, a);
  cache.nameById.set(a.id, a.name);
}

// A company name's key by its spelling: files repeat a few thousand names over many rows.
const keys = new Map<string, string>();

/** orgNameKey, remembered for the spellings seen lately. */
export function accountKey(name: string): string {
  let k = keys.get(name);
  if (k === undefined) {
    if (keys.size >= 10_000) keys.clear();
    keys.set(name, (k = orgNameKey(name)));
  }
  return k;
}

/**
 * Account ids (by name key) for the company names of a batch: from the cache, else found or
 * created in one short transaction (one statement each). Batches resolve their accounts one
 * at a time, so two batches written side by side never create the same account twice. The
 * answer is the batch's own map, so a cache restarted later cannot lose an id it still needs.
 */
export async function resolveAccounts(db: Kysely<DB>, actor: Actor, cache: AccountCache, columns: () => Promise<TableColumns>, names: string[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const wanted = new Map<string, string>(); // name key → first spelling in the batch
  for (const n of names) {
    const k = accountKey(n);
    const hit = cache.byKey.get(k);
    if (hit) ids.set(k, hit.id);
    else if (!wanted.has(k)) wanted.set(k, n);
  }
  if (!wanted.size) return ids;
  const info = await columns();
  const found = await inTransaction(db, (trx) => findOrCreate(trx, actor, info, wanted));
  for (const a of found) {
    remember(cache, a.name_key, { id: a.id, name: a.name });
    ids.set(a.name_key, a.id);
  }
  return ids;
}

async function findOrCreate(trx: Tx, actor: Actor, info: TableColumns, wanted: Map<string, string>) {
  const vis = visibilityCondition(actor, 'accounts', sql.ref('accounts.owner_id'));
  const { rows } = await sql<{ id: number; name: string; name_key: string }>`SELECT DISTINCT ON (name_key) id, name, name_key FROM accounts
    WHERE name_key = ANY(${sql.val([...wanted.keys()])}::text[]) AND ${vis} ORDER BY name_key, id`.execute(trx);
  for (const r of rows) wanted.delete(r.name_key);
  if (!wanted.size) return rows;
  const def = getObject('accounts');
  const inserts = [...wanted.values()].map((name) => {
    const base = { name, owner_id: actor.id, created_by: actor.id, custom: '{}' };
    return { ...base, ...(def.derive?.(base) ?? {}), ...searchColumns(def, base, {}) };
  });
  const { rows: created } = await bulkInsertSql(info, 'accounts', inserts, ['id', 'name', 'name_key']).execute(trx);
  return [...rows, ...(created as { id: number; name: string; name_key: string }[])];
}
