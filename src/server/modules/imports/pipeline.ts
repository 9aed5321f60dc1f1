import { sql } from 'kysely';
import type { Actor } from '../../core/access.ts';
import { AppError, type FieldIssue } from '../../http/errors.ts';
import type { ResolvedField } from '../../records/fields.ts';
import { coerceText, fieldIndex, validateRecord } from '../../records/validate.ts';
import { searchColumns } from '../../records/search-sql.ts';
import { insertValues, updateSet } from '../../records/service.ts';
import type { ObjectDef, Row, Tx } from '../../records/types.ts';
import { writeAudit } from '../../core/audit.ts';
import { phoneKey } from '../../text/search-text.ts';
import { ACCOUNT_NAME } from './mapping.ts';
import { getObject } from '../../records/registry.ts';
import { bulkInsert } from '../../db/bulk-insert.ts';
import type { SheetRow } from './readers.ts';

export type DuplicateMode = 'skip' | 'update' | 'create';

export interface ImportPlan {
  def: ObjectDef;
  fields: ResolvedField[];
  actor: Actor;
  /** Column index → field key. */
  columns: { index: number; key: string }[];
  duplicateMode: DuplicateMode;
}

export interface PreparedRow {
  line: number;
  values: Row;
  accountName: string | null;
}

export interface BatchResult {
  created: number;
  updated: number;
  skipped: number;
  errors: { line: number; reason: string }[];
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

/** Turns a sheet row into validated values, or the reason it is rejected. */
export function prepareRow(plan: ImportPlan, row: SheetRow): PreparedRow | { line: number; reason: string } {
  const byKey = fieldIndex(plan.fields);
  const input: Row = {};
  let accountName: string | null = null;
  for (const c of plan.columns) {
    const raw = row.cells[c.index] ?? '';
    if (c.key === ACCOUNT_NAME) {
      accountName = raw.trim() || null;
      continue;
    }
    const v = coerceText(byKey.get(c.key)!, raw);
    if (v !== undefined) input[c.key] = v;
  }
  try {
    const values = validateRecord(plan.fields, input, 'create', plan.actor, plan.def.name);
    return { line: row.line, values, accountName };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const details = (e.details as FieldIssue[] | undefined) ?? [];
    return { line: row.line, reason: details.length ? details.map((d) => `${d.field}: ${d.message}`).join('; ') : e.message };
  }
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

/** Finds existing records sharing an email or phone with the batch: one query per batch. */
async function existingByKey(trx: Tx, def: ObjectDef, rows: PreparedRow[]): Promise<Map<string, number>> {
  const emails = new Set<string>();
  const phones = new Set<string>();
  for (const r of rows) for (const k of dupKeys(r.values)) (k.startsWith('e:') ? emails : phones).add(k.slice(2));
  const map = new Map<string, number>();
  if (!emails.size && !phones.size) return map;
  const phoneCols = def.name === 'contacts' ? sql`phone_key, mobile_key` : sql`phone_key, NULL AS mobile_key`;
  const phoneCond = def.name === 'contacts'
    ? sql`phone_key = ANY(${sql.val([...phones])}::text[]) OR mobile_key = ANY(${sql.val([...phones])}::text[])`
    : sql`phone_key = ANY(${sql.val([...phones])}::text[])`;
  const { rows: found } = await sql<Row>`SELECT id, lower(email) AS email, ${phoneCols} FROM ${sql.table(def.name)}
    WHERE lower(email) = ANY(${sql.val([...emails])}::text[]) OR ${phoneCond}`.execute(trx);
  for (const f of found) {
    if (f.email) map.set(`e:${f.email}`, f.id);
    if (f.phone_key) map.set(`p:${f.phone_key}`, f.id);
    if (f.mobile_key) map.set(`p:${f.mobile_key}`, f.id);
  }
  return map;
}

/** Account ids for company names, creating the missing accounts; cached across batches. */
async function resolveAccounts(trx: Tx, plan: ImportPlan, names: string[], cache: Map<string, { id: number; name: string }>) {
  const missing = [...new Set(names.map((n) => n.toLowerCase()))].filter((n) => !cache.has(n));
  if (missing.length) {
    const { rows } = await sql<{ id: number; name: string }>`SELECT DISTINCT ON (lower(name)) id, name FROM accounts
      WHERE lower(name) = ANY(${sql.val(missing)}::text[]) ORDER BY lower(name), id`.execute(trx);
    for (const r of rows) cache.set(r.name.toLowerCase(), r);
  }
  const accountsDef = getObject('accounts');
  for (const name of names) {
    if (cache.has(name.toLowerCase())) continue;
    const base = { name, owner_id: plan.actor.id, created_by: plan.actor.id, custom: '{}' };
    const { rows } = await sql<{ id: number; name: string }>`INSERT INTO accounts ${insertValues({ ...base, ...searchColumns(accountsDef, base, {}) })} RETURNING id, name`.execute(trx);
    cache.set(name.toLowerCase(), rows[0]!);
  }
}

function toColumns(plan: ImportPlan, values: Row): Row {
  const columns: Row = {};
  const custom: Row = {};
  const byKey = fieldIndex(plan.fields);
  for (const [k, v] of Object.entries(values)) {
    if (byKey.get(k)?.custom) custom[k] = v;
    else columns[k] = v;
  }
  return { ...columns, custom };
}

/** Writes one batch of prepared rows (inside the caller's transaction). */
export async function writeBatch(trx: Tx, plan: ImportPlan, rows: PreparedRow[], accountCache: Map<string, { id: number; name: string }>, importId: number): Promise<BatchResult> {
  const { def, actor } = plan;
  const result: BatchResult = { created: 0, updated: 0, skipped: 0, errors: [] };
  const names = rows.map((r) => r.accountName).filter((n): n is string => Boolean(n));
  if (names.length) await resolveAccounts(trx, plan, names, accountCache);
  const existing = plan.duplicateMode === 'create' ? new Map<string, number>() : await existingByKey(trx, def, rows);
  const inBatch = new Map<string, Row>();
  const inserts: Row[] = [];
  const updates = new Map<number, Row>();
  for (const r of rows) {
    const values: Row = { ...r.values };
    if (r.accountName) values.account_id = accountCache.get(r.accountName.toLowerCase())!.id;
    if (def.ownerField && values[def.ownerField] === undefined) values[def.ownerField] = actor.id;
    const keys = plan.duplicateMode === 'create' ? [] : dupKeys(values);
    const dbId = keys.map((k) => existing.get(k)).find((id) => id !== undefined);
    const pending = keys.map((k) => inBatch.get(k)).find(Boolean);
    if (dbId !== undefined || pending) {
      if (plan.duplicateMode === 'skip') {
        result.skipped++;
        continue;
      }
      if (pending) Object.assign(pending, values);
      else updates.set(dbId!, { ...(updates.get(dbId!) ?? {}), ...values });
      continue;
    }
    inserts.push(values);
    for (const k of keys) inBatch.set(k, values);
  }
  const accountNames = new Map([...accountCache.values()].map((a) => [a.id, a.name]));
  const full = (values: Row) => {
    const cols = toColumns(plan, values);
    return { ...cols, ...(def.derive?.(cols) ?? {}), ...searchColumns(def, cols, { accountName: accountNames.get(values.account_id) ?? null }), custom: JSON.stringify(cols.custom) };
  };
  if (inserts.length) {
    const prepared: Row[] = inserts.map((v) => ({ ...full(v), created_by: actor.id }));
    const created = await bulkInsert(trx, def.name, prepared, def.name === 'contacts' ? ['id', 'account_id'] : ['id']);
    result.created = created.length;
    if (def.name === 'contacts') {
      const links = created.filter((c) => c.account_id);
      if (links.length) {
        await sql`INSERT INTO account_contacts (account_id, contact_id, is_primary)
          SELECT * FROM unnest(${sql.val(links.map((l) => l.account_id))}::bigint[], ${sql.val(links.map((l) => l.id))}::bigint[], ${sql.val(links.map(() => true))}::boolean[])
          ON CONFLICT DO NOTHING`.execute(trx);
      }
    }
    await writeAudit(trx, { actorId: actor.id, action: 'import', object: def.name, recordId: null, changes: { import_id: importId, created_ids: created.map((c) => c.id) } });
  }
  for (const [id, values] of updates) {
    const { rows: cur } = await sql<Row>`SELECT * FROM ${sql.table(def.name)} WHERE id = ${id} FOR UPDATE`.execute(trx);
    if (!cur[0]) continue;
    const cols = toColumns(plan, values);
    const merged: Row = { ...cur[0], ...cols, custom: { ...(cur[0].custom ?? {}), ...cols.custom } };
    const set = { ...cols, custom: JSON.stringify(merged.custom), ...(def.derive?.(merged) ?? {}), ...searchColumns(def, merged, { accountName: accountNames.get(merged.account_id) ?? null }), updated_at: new Date() };
    await sql`UPDATE ${sql.table(def.name)} SET ${updateSet(set)} WHERE id = ${id}`.execute(trx);
    await writeAudit(trx, { actorId: actor.id, action: 'update', object: def.name, recordId: id, changes: { import_id: importId, fields: Object.keys(values) } });
    result.updated++;
  }
  return result;
}

