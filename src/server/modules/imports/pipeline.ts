import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/tx.ts';
import type { Actor } from '../../core/access.ts';
import { AppError, type FieldIssue } from '../../http/errors.ts';
import type { ResolvedField } from '../../records/fields.ts';
import { coerceText, fieldIndex, validateRecord } from '../../records/validate.ts';
import { searchColumns } from '../../records/search-sql.ts';
import { updateSet } from '../../records/service.ts';
import type { ObjectDef, Row, Tx } from '../../records/types.ts';
import { writeAudit } from '../../core/audit.ts';
import { phoneKey } from '../../text/search-text.ts';
import { ACCOUNT_NAME } from './mapping.ts';
import { getObject } from '../../records/registry.ts';
import { asText, bulkInsertSql, tableColumns, type TableColumns } from '../../db/bulk-insert.ts';
import type { SheetRow } from './readers.ts';
import type { DateOrder } from '../../records/typed-formats.ts';

export type DuplicateMode = 'skip' | 'update' | 'create';

export interface ImportPlan {
  def: ObjectDef;
  fields: ResolvedField[];
  actor: Actor;
  /** Column index → field key. */
  columns: { index: number; key: string }[];
  duplicateMode: DuplicateMode;
  /** Day/month order of the file's numeric dates (readers: dateOrderOf). */
  dateOrder?: DateOrder;
}

export interface PreparedRow {
  line: number;
  values: Row;
  accountName: string | null;
  /** Optional cells left out of the row because their value is not valid (the row is imported without them). */
  warnings?: ImportWarning[];
  /** The account of accountName, set by resolveBatchAccounts. */
  accountId?: number;
  /** Duplicate keys ('e:' + lower-case email, 'p:' + phone key), set by completeRow. */
  keys?: string[];
  /**
   * Column values of the insert as text (`asText` of bulk-insert.ts: search tokens joined into
   * one string...), derived columns and search document included, account_id not yet; set by
   * completeRow. A batch waits for the previous one to be written, so its rows live long
   * enough to reach V8's old generation: one string per column keeps them small.
   */
  insert?: Row;
}

export interface ImportWarning {
  line: number;
  field: string;
  reason: string;
}

export interface BatchResult {
  created: number;
  updated: number;
  skipped: number;
  errors: { line: number; reason: string }[];
}

/** Accounts cached across the batches of one import (by lower-case name, and names by id). */
export interface AccountCache {
  byName: Map<string, { id: number; name: string }>;
  nameById: Map<number, string>;
}

/** State an import keeps across its batches. Nothing in it grows with the number of rows. */
export interface ImportState {
  accounts: AccountCache;
  columns: Map<string, TableColumns>;
}

/** The import's table columns, read once before the first row (completeRow needs them). */
export async function loadColumns(db: Tx, state: ImportState, table: string): Promise<void> {
  await columnsFor(db, state, table);
  await columnsFor(db, state, 'accounts');
}

// Distinct company names are far fewer than rows; past this many the cache starts again
// (a few more lookups) rather than grow with a file of unique names.
const ACCOUNT_CACHE_MAX = 100_000;

export function newImportState(): ImportState {
  return { accounts: { byName: new Map(), nameById: new Map() }, columns: new Map() };
}

export function planColumns(headers: string[], mapping: Record<string, string | null>, fields: ResolvedField[], object: string): { index: number; key: string }[] {
  const keys = new Set(fields.filter((f) => !f.system).map((f) => f.key));
  if (object === 'contacts') keys.add(ACCOUNT_NAME);
  const out: { index: number; key: string }[] = [];
  for (const [header, key] of Object.entries(mapping)) {
    if (!key) continue;
    const index = headers.indexOf(header);
    if (index < 0) throw new AppError('validation_failed', `No column named ${header}`, [{ field: `mapping.${header}`, message: 'No such column' }]);
    if (!keys.has(key)) throw new AppError('validation_failed', `Unknown field ${key}`, [{ field: `mapping.${header}`, message: `Unknown field ${key}` }]);
    if (out.some((c) => c.key === key)) throw new AppError('validation_failed', `Two columns map to ${key}`, [{ field: `mapping.${header}`, message: 'Field used twice' }]);
    out.push({ index, key });
  }
  if (!out.length) throw new AppError('validation_failed', 'Map at least one column', [{ field: 'mapping', message: 'Nothing mapped' }]);
  return out;
}

/**
 * Turns a sheet row into validated values, or the reason it is rejected. Text is normalised
 * before validation (coerceText). A row is rejected when a required field is missing or bad,
 * or when a mapped cell holds U+FFFD (bytes the file's encoding could not decode: storing it
 * would keep garbage); a bad optional cell is left out and reported as a warning.
 */
export function prepareRow(plan: ImportPlan, row: SheetRow): PreparedRow | { line: number; reason: string } {
  const byKey = fieldIndex(plan.fields);
  const input: Row = {};
  let accountName: string | null = null;
  const undecodable: string[] = [];
  for (const c of plan.columns) {
    const raw = row.cells[c.index] ?? '';
    if (raw.includes('\uFFFD')) undecodable.push(c.key);
    if (c.key === ACCOUNT_NAME) {
      accountName = raw.trim() || null;
      continue;
    }
    const v = coerceText(byKey.get(c.key)!, raw, { dateOrder: plan.dateOrder });
    if (v !== undefined) input[c.key] = v;
  }
  if (undecodable.length) {
    return { line: row.line, reason: `${undecodable.join(', ')}: characters that cannot be decoded (is the file's encoding right?)` };
  }
  const warnings: ImportWarning[] = [];
  for (;;) {
    try {
      const values = validateRecord(plan.fields, input, 'create', plan.actor, plan.def.name);
      if (plan.def.ownerField && values[plan.def.ownerField] === undefined) values[plan.def.ownerField] = plan.actor.id;
      return warnings.length ? { line: row.line, values, accountName, warnings } : { line: row.line, values, accountName };
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const details = (e.details as FieldIssue[] | undefined) ?? [];
      // Optional cells with a bad value are dropped and validated again; anything else rejects the row.
      const optional = e.code === 'validation_failed' && details.length > 0 && details.every((d) => d.code !== 'required' && input[d.field] !== undefined && !byKey.get(d.field)?.required);
      if (!optional) return { line: row.line, reason: details.length ? details.map((d) => `${d.field}: ${d.message}`).join('; ') : e.message };
      for (const d of details) {
        warnings.push({ line: row.line, field: d.field, reason: `${d.message} (${String(row.cells[plan.columns.find((c) => c.key === d.field)!.index] ?? '').trim().slice(0, 100)})` });
        delete input[d.field];
      }
    }
  }
}

/**
 * Computes what the write needs and does not depend on the database: duplicate keys, table
 * columns, derived columns and the search document. runImport calls it while the previous
 * batch is being written, so this CPU work overlaps the database's.
 */
export function completeRow(plan: ImportPlan, state: ImportState, r: PreparedRow): PreparedRow {
  r.keys = plan.duplicateMode === 'create' ? [] : dupKeys(r.values);
  r.insert = insertColumns(plan, state, r.values, r.accountName);
  // Only duplicate mode `update` merges values again; the others need the columns alone.
  if (plan.duplicateMode !== 'update') r.values = {};
  return r;
}

function insertColumns(plan: ImportPlan, state: ImportState, values: Row, accountName: string | null): Row {
  const { def } = plan;
  const info = state.columns.get(def.name)!;
  const cols = toColumns(plan, values);
  // The account's name as the row spells it: the account found may differ in case only,
  // which the normalised search document does not see.
  const row: Row = { ...cols, ...(def.derive?.(cols) ?? {}), ...searchColumns(def, cols, { accountName }), created_by: plan.actor.id };
  for (const k in row) {
    const c = info.get(k);
    if (!c) throw new Error(`import: no column ${def.name}.${k}`);
    row[k] = asText(row[k], c);
  }
  return row;
}

/** Every duplicate key of a batch's rows (see BatchWriter: batches sharing one are not written together). */
export function batchKeys(rows: PreparedRow[]): Set<string> {
  const keys = new Set<string>();
  for (const r of rows) for (const k of r.keys ?? dupKeys(r.values)) keys.add(k);
  return keys;
}

function dupKeys(values: Row): string[] {
  const keys: string[] = [];
  if (typeof values.email === 'string' && values.email) keys.push(`e:${values.email.toLowerCase()}`);
  for (const p of [values.phone, values.mobile]) if (typeof p === 'string' && p) {
    const k = phoneKey(p);
    if (k) keys.push(`p:${k}`);
  }
  return keys;
}

async function columnsFor(trx: Tx, state: ImportState, table: string): Promise<TableColumns> {
  let c = state.columns.get(table);
  if (!c) state.columns.set(table, (c = await tableColumns(trx, table)));
  return c;
}

/**
 * Finds existing records sharing an email or phone with the batch: one statement per batch,
 * one index lookup per key kind. (A single WHERE … OR … could only be a bitmap OR, and
 * without statistics on lower(email) the planner chose a full scan: quadratic over an import.)
 */
async function existingByKey(trx: Tx, def: ObjectDef, rows: PreparedRow[]): Promise<Map<string, number>> {
  const emails = new Set<string>();
  const phones = new Set<string>();
  for (const r of rows) for (const k of r.keys ?? dupKeys(r.values)) (k.startsWith('e:') ? emails : phones).add(k.slice(2));
  const map = new Map<string, number>();
  if (!emails.size && !phones.size) return map;
  const table = sql.table(def.name);
  const e = sql.val([...emails]);
  const p = sql.val([...phones]);
  const parts = [];
  if (emails.size) parts.push(sql`SELECT id, 'e:' || lower(email) AS k FROM ${table} WHERE lower(email) = ANY(${e}::text[]) AND email IS NOT NULL`);
  if (phones.size) {
    parts.push(sql`SELECT id, 'p:' || phone_key AS k FROM ${table} WHERE phone_key = ANY(${p}::text[])`);
    if (def.name === 'contacts') parts.push(sql`SELECT id, 'p:' || mobile_key AS k FROM ${table} WHERE mobile_key = ANY(${p}::text[])`);
  }
  const { rows: found } = await sql<{ id: number; k: string }>`${sql.join(parts, sql` UNION ALL `)}`.execute(trx);
  for (const f of found) map.set(f.k, f.id);
  return map;
}

function remember(cache: AccountCache, a: { id: number; name: string }) {
  if (cache.byName.size >= ACCOUNT_CACHE_MAX) {
    cache.byName.clear();
    cache.nameById.clear();
  }
  cache.byName.set(a.name.toLowerCase(), a);
  cache.nameById.set(a.id, a.name);
}

/**
 * Account ids (by lower-case name) for the company names of a batch: from the cache, else
 * found or created in one transaction (one statement each). The answer is the batch's own
 * map, so a cache restarted by a later batch cannot lose an id this batch still needs.
 */
async function resolveAccounts(db: Kysely<DB>, plan: ImportPlan, state: ImportState, names: string[]): Promise<Map<string, number>> {
  const cache = state.accounts;
  const ids = new Map<string, number>();
  const wanted = new Map<string, string>(); // lower-case name → first spelling in the batch
  for (const n of names) {
    const l = n.toLowerCase();
    const hit = cache.byName.get(l);
    if (hit) ids.set(l, hit.id);
    else if (!wanted.has(l)) wanted.set(l, n);
  }
  if (!wanted.size) return ids;
  const found = await inTransaction(db, (trx) => findOrCreateAccounts(trx, plan, state, wanted));
  for (const a of found) {
    remember(cache, a);
    ids.set(a.name.toLowerCase(), a.id);
  }
  return ids;
}

async function findOrCreateAccounts(trx: Tx, plan: ImportPlan, state: ImportState, wanted: Map<string, string>): Promise<{ id: number; name: string }[]> {
  const { rows } = await sql<{ id: number; name: string }>`SELECT DISTINCT ON (lower(name)) id, name FROM accounts
    WHERE lower(name) = ANY(${sql.val([...wanted.keys()])}::text[]) ORDER BY lower(name), id`.execute(trx);
  for (const r of rows) wanted.delete(r.name.toLowerCase());
  if (!wanted.size) return rows;
  const accountsDef = getObject('accounts');
  const inserts = [...wanted.values()].map((name) => {
    const base = { name, owner_id: plan.actor.id, created_by: plan.actor.id, custom: '{}' };
    return { ...base, ...searchColumns(accountsDef, base, {}) };
  });
  const { rows: created } = await bulkInsertSql(await columnsFor(trx, state, 'accounts'), 'accounts', inserts, ['id', 'name']).execute(trx);
  return [...rows, ...(created as { id: number; name: string }[])];
}

function toColumns(plan: ImportPlan, values: Row): Row {
  const columns: Row = {};
  const custom: Row = {};
  const byKey = fieldIndex(plan.fields);
  for (const k in values) {
    if (byKey.get(k)?.custom) custom[k] = values[k];
    else columns[k] = values[k];
  }
  columns.custom = custom;
  return columns;
}

/** Names of the accounts with these ids, from the cache or the database. */
async function accountNamesOf(trx: Tx, cache: AccountCache, ids: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  const missing: number[] = [];
  for (const id of ids) {
    const n = cache.nameById.get(id);
    if (n !== undefined) out.set(id, n);
    else missing.push(id);
  }
  if (missing.length) {
    const { rows } = await sql<{ id: number; name: string }>`SELECT id, name FROM accounts WHERE id = ANY(${sql.val(missing)}::bigint[])`.execute(trx);
    for (const r of rows) out.set(r.id, r.name);
  }
  return out;
}

/**
 * Finds or creates the accounts a batch names (cached in `state`). Runs in its own short
 * transaction before the batch is written: batches written side by side then never create
 * the same account twice, as this step runs for one batch at a time.
 */
export async function resolveBatchAccounts(db: Kysely<DB>, plan: ImportPlan, state: ImportState, rows: PreparedRow[]): Promise<void> {
  const names = rows.map((r) => r.accountName).filter((n): n is string => Boolean(n));
  if (!names.length) return;
  const ids = await resolveAccounts(db, plan, state, names);
  for (const r of rows) if (r.accountName) r.accountId = ids.get(r.accountName.toLowerCase())!;
}

/**
 * Writes one batch of prepared rows (inside the caller's transaction), whose accounts
 * `resolveBatchAccounts` has resolved: duplicate check, one INSERT for the new records (with
 * their account links), then, once `ready` (the previous batch's commit) resolves, the audit
 * entry and the updates one by one (duplicate mode `update`). `created` learns the duplicate
 * keys of the records to be created as soon as the duplicate check has decided them.
 */
export async function writeBatch(trx: Tx, plan: ImportPlan, rows: PreparedRow[], state: ImportState, importId: number, ready: Promise<void> = Promise.resolve(), created?: (keys: Set<string>) => void): Promise<BatchResult> {
  const { def, actor } = plan;
  const result: BatchResult = { created: 0, updated: 0, skipped: 0, errors: [] };
  let createdIds: string | null = null;
  const accounts = state.accounts;
  const existing = plan.duplicateMode === 'create' ? new Map<string, number>() : await existingByKey(trx, def, rows);
  const inBatch = new Map<string, PreparedRow>();
  const inserts: PreparedRow[] = [];
  const updates = new Map<number, Row>();
  for (const r of rows) {
    const keys = plan.duplicateMode === 'create' ? [] : (r.keys ?? dupKeys(r.values));
    let dbId: number | undefined;
    let pending: PreparedRow | undefined;
    for (const k of keys) if ((dbId = existing.get(k)) !== undefined) break;
    for (const k of keys) if ((pending = inBatch.get(k))) break;
    if (dbId !== undefined || pending) {
      if (plan.duplicateMode === 'skip') {
        result.skipped++;
        continue;
      }
      if (pending) {
        // A later row of the same batch completes the pending insert: its columns are recomputed.
        pending.values = { ...pending.values, ...r.values };
        if (r.accountName) {
          pending.accountName = r.accountName;
          pending.accountId = r.accountId;
        }
        pending.insert = undefined;
      } else {
        const values: Row = { ...r.values };
        if (r.accountId !== undefined) values.account_id = r.accountId;
        updates.set(dbId!, { ...(updates.get(dbId!) ?? {}), ...values });
      }
      continue;
    }
    inserts.push(r);
    for (const k of keys) inBatch.set(k, r);
  }
  created?.(batchKeys(inserts));
  if (inserts.length) {
    const prepared = inserts.map((r) => {
      const row = { ...(r.insert ?? insertColumns(plan, state, r.values, r.accountName)) };
      if (r.accountId !== undefined) row.account_id = String(r.accountId);
      return row;
    });
    const insert = bulkInsertSql(await columnsFor(trx, state, def.name), def.name, prepared, def.name === 'contacts' ? ['id', 'account_id'] : ['id'], { asText: true });
    // New contacts and their account links in one statement.
    const links = def.name === 'contacts'
      ? sql`, links AS (INSERT INTO account_contacts (account_id, contact_id, is_primary)
          SELECT account_id, id, true FROM ins WHERE account_id IS NOT NULL ON CONFLICT DO NOTHING)`
      : sql``;
    const { rows: out } = await sql<{ n: number; ids: string }>`WITH ins AS (${insert})${links}
      SELECT count(*)::int AS n, coalesce(jsonb_agg(id), '[]')::text AS ids FROM ins`.execute(trx);
    result.created = out[0]!.n;
    createdIds = out[0]!.ids;
  }
  // The audit entry (and any update) after the batch before this one has committed: the audit
  // log lists an import's batches in file order.
  await ready;
  if (createdIds) {
    await sql`INSERT INTO audit_log (actor_id, action, object, record_id, changes)
      VALUES (${actor.id}, 'import', ${def.name}, NULL, jsonb_build_object('import_id', ${importId}::bigint, 'created_ids', ${createdIds}::jsonb))`.execute(trx);
  }
  if (updates.size) {
    const names = new Map<number, string>();
    for (const [id, values] of updates) {
      const { rows: cur } = await sql<Row>`SELECT * FROM ${sql.table(def.name)} WHERE id = ${id} FOR UPDATE`.execute(trx);
      if (!cur[0]) continue;
      const cols = toColumns(plan, values);
      const merged: Row = { ...cur[0], ...cols, custom: { ...(cur[0].custom ?? {}), ...cols.custom } };
      if (merged.account_id != null && !names.has(merged.account_id)) {
        for (const [k, v] of await accountNamesOf(trx, accounts, [merged.account_id])) names.set(k, v);
      }
      const set = { ...cols, custom: JSON.stringify(merged.custom), ...(def.derive?.(merged) ?? {}), ...searchColumns(def, merged, { accountName: names.get(merged.account_id) ?? null }), updated_at: new Date() };
      await sql`UPDATE ${sql.table(def.name)} SET ${updateSet(set)} WHERE id = ${id}`.execute(trx);
      await writeAudit(trx, { actorId: actor.id, action: 'update', object: def.name, recordId: id, changes: { import_id: importId, fields: Object.keys(values) } });
      result.updated++;
    }
  }
  return result;
}
