import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { titleSortColumns } from './sort-key.ts';
import type { DB } from '../db/schema.ts';
import type { FilterClause } from '../../shared/fields.ts';
import { AppError, forbidden, invalid, notFound } from '../http/errors.ts';
import { canReadField, mayDeleteRow, requireDo, requireSomeDelete, recordVisibility, type Actor } from '../core/access.ts';
import { redactPayload } from '../core/redact.ts';
import { diff, writeAudit } from '../core/audit.ts';
import { deliverSoon, writeEvents, type RecordEvent } from '../core/events.ts';
import { allFields, ID_FIELD, visibleFields, type ResolvedField } from './fields.ts';
export { ID_FIELD } from './fields.ts';
import { filterCondition, type SortSpec } from './query.ts';
import { conditionSql } from './conditions.ts';
import { likeEscape } from '../db/like.ts';
import { hiddenSearchRegex, searchColumns, searchCondition } from './search-sql.ts';
import { relatedValuesOf } from './search-related.ts';
import { reindexDependants } from '../modules/search/dependants.ts';
import { validateRecord } from './validate.ts';
import { assertVersion, expectedVersion } from './versions.ts';
import { loadRefs } from './refs.ts';
import { checkLinks } from './links.ts';
import { applyDeleteRules } from './delete-rules.ts';
import type { ObjectDef, Row, Tx } from './types.ts';
import { afterWrite, beforeWrite } from './hooks.ts';
import { checkMoney, orgCurrency, presentMoney, recordCurrency } from './money.ts';
import { assignNewPositions } from './board-position.ts';

export interface ListParams {
  limit?: number;
  cursor?: string;
  sort?: string;
  filters?: FilterClause[];
  q?: string;
  /** Comma-separated field keys a list answers with (id always); all visible fields when absent. */
  columns?: string;
  /** Set by the engine, never from a query string: an order that is not a field's (a board's card positions). */
  sortBy?: SortSpec;
  /** A condition tree (`POST /{object}/query`, `?where=`), compiled by records/conditions.ts beside the flat filters. */
  where?: unknown;
}

// Columns only the server reads: derived keys, and contacts.name_order, which installs made
// before migration 002 dropped it still have (unused, but merges recorded then carry it).
const INTERNAL = new Set(['custom', 'search_text', 'search_tokens', 'phone_key', 'mobile_key', 'name_key', 'name_order', 'sort_key']);

/** A DB row as the API shows it: standard fields, custom fields flattened, hidden ones removed. */
export function toApi(def: ObjectDef, fields: ResolvedField[], row: Row, actor: Actor): Row {
  const out: Row = { id: row.id };
  const custom = (row.custom ?? {}) as Row;
  for (const f of fields) out[f.key] = f.custom ? (custom[f.key] ?? null) : (row[f.key] ?? null);
  for (const [k, v] of Object.entries(row)) if (!(k in out) && !INTERNAL.has(k) && !k.startsWith('_')) out[k] = v;
  return redactPayload(actor, def.name, out);
}

/** WHERE conditions for visibility, filters, the condition tree and q; shared by list, count, totals, boards and export. */
export async function whereFor(db: Kysely<DB>, def: ObjectDef, fields: ResolvedField[], actor: Actor, p: ListParams): Promise<RawBuilder<boolean>> {
  const t = def.name;
  const conds = [recordVisibility(actor, def, t)];
  for (const c of p.filters ?? []) {
    const f = fields.find((x) => x.key === c.field) ?? (c.field === 'id' ? ID_FIELD : undefined);
    if (!f || !f.filterable || !canReadField(actor, def.name, c.field)) throw invalid([{ field: `filter[${c.field}]`, message: `Cannot filter by ${c.field}`, code: 'not_filterable' }]);
    conds.push(filterCondition(t, f, c, actor));
  }
  if (p.where !== undefined) conds.push(await conditionSql(db, def, p.where, actor));
  if (p.q?.trim()) {
    const s = def.search ? searchCondition(t, p.q, hiddenSearchRegex(actor, def)) : sql<boolean>`${sql.ref(`${t}.${def.titleField}`)} ILIKE ${'%' + likeEscape(p.q.trim()) + '%'}`;
    if (s) conds.push(s);
  }
  return sql.join(conds, sql` AND `) as RawBuilder<boolean>;
}


export const COUNT_CAP = 1000;

export async function countRecords(db: Kysely<DB>, def: ObjectDef, actor: Actor, p: ListParams) {
  requireDo(actor, def, 'list');
  const fields = await visibleFields(db, def, actor);
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM ${sql.table(def.name)} WHERE ${await whereFor(db, def, fields, actor, p)} LIMIT ${COUNT_CAP + 1}) x`.execute(db);
  const n = rows[0]?.n ?? 0;
  return { count: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
}

/** The row (these columns) with this id if the actor may see it, else not_found (never reveals that a hidden row exists). */
async function visibleRow(db: Tx, def: ObjectDef, actor: Actor, id: number, columns: RawBuilder<unknown>, lock: boolean): Promise<Row> {
  if (!Number.isInteger(id) || id <= 0) throw notFound(def.singular);
  const t = def.name;
  const vis = recordVisibility(actor, def, t);
  const { rows } = await sql<Row>`SELECT ${columns} FROM ${sql.table(t)} WHERE id = ${id} AND ${vis} ${lock ? sql`FOR UPDATE` : sql``}`.execute(db);
  if (!rows[0]) throw notFound(def.singular);
  return rows[0];
}

/** Loads a row the actor may see, or throws not_found. */
export async function loadVisible(db: Tx, def: ObjectDef, actor: Actor, id: number, lock = false): Promise<Row> {
  return visibleRow(db, def, actor, id, sql`*`, lock);
}

/** Throws not_found unless the actor may see the record (reads only its id). */
export async function assertVisible(db: Tx, def: ObjectDef, actor: Actor, id: number): Promise<void> {
  await visibleRow(db, def, actor, id, sql`id`, false);
}

export async function getRecord(db: Kysely<DB>, def: ObjectDef, actor: Actor, id: number): Promise<Row> {
  requireDo(actor, def, 'read');
  const row = await loadVisible(db, def, actor, id);
  return present(db, def, actor, row);
}

export async function present(db: Tx, def: ObjectDef, actor: Actor, row: Row): Promise<Row> {
  const fields = await visibleFields(db as Kysely<DB>, def, actor);
  const refs = await loadRefs(db, actor, fields, [row]);
  const extra = def.expand ? await def.expand(db, row, actor) : {};
  const out = toApi(def, fields, { ...row, ...extra, refs: refs(row) }, actor);
  presentMoney(def, fields, out, recordCurrency(def, row, await orgCurrency(db)));
  return out;
}

/** Splits validated values into table columns and the custom jsonb. */
function split(fields: ResolvedField[], values: Row, existingCustom: Row = {}): { columns: Row; custom: Row | undefined } {
  const columns: Row = {};
  let custom: Row | undefined;
  for (const [k, v] of Object.entries(values)) {
    const f = fields.find((x) => x.key === k)!;
    if (f.custom) {
      custom ??= { ...existingCustom };
      if (v === null) delete custom[k];
      else custom[k] = v;
    } else columns[k] = v;
  }
  return { columns, custom };
}

/** Derived columns (search document, normalised keys) recomputed from the full row. */
export async function derived(db: Tx, def: ObjectDef, full: Row): Promise<Row> {
  const own = { ...(def.derive?.(full) ?? {}), ...titleSortColumns(def, full) };
  if (!def.search) return own;
  const fields = await allFields(db as Kysely<DB>, def);
  const related = await relatedValuesOf(db, def, [full]);
  return { ...own, ...searchColumns(def, full, related(full), fields) };
}

function jsonColumns(row: Row): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) out[k] = k === 'custom' ? JSON.stringify(v) : v;
  return out;
}

export interface WriteOptions {
  /** Extra keys the object's hooks read from the input (e.g. a contact's `accounts`). */
  allowExtra?: readonly string[];
}

export async function createRecord(db: Kysely<DB>, def: ObjectDef, actor: Actor, input: unknown, opts: WriteOptions = {}): Promise<Row> {
  const row = await db.transaction().execute((trx) => createRecordIn(trx, def, actor, input, opts));
  deliverSoon();
  return present(db, def, actor, row);
}

/**
 * createRecord inside the caller's transaction, for a write that makes several records at once
 * (a public form: contact, account and task commit together or not at all). Answers the stored
 * row; the caller calls deliverSoon() after its commit.
 */
export async function createRecordIn(trx: Tx, def: ObjectDef, actor: Actor, input: unknown, opts: WriteOptions = {}): Promise<Row> {
  requireDo(actor, def, 'create');
  const fields = await allFields(trx as Kysely<DB>, def);
  const values = validateRecord(fields, input, 'create', actor, def.name, opts.allowExtra);
  await checkMoney(trx, def, fields, values, null);
  await checkLinks(trx, actor, fields, values, null);
  // An owner not given defaults to the actor; assignment rules may still decide it (`assign`).
  const assign = Boolean(def.ownerField && values[def.ownerField] === undefined);
  if (assign) values[def.ownerField!] = actor.id;
  await beforeWrite({ trx: trx as Transaction<DB>, actor, def }, [{ values, existing: null, assign }]);
  const { columns, custom } = split(fields, values);
  const base: Row = { ...columns, custom: custom ?? {}, created_by: actor.id };
  await assignNewPositions(trx, def, [base]);
  const full = { ...base, ...(await derived(trx, def, base)) };
  const { rows } = await sql<Row>`INSERT INTO ${sql.table(def.name)} ${insertValues(jsonColumns(full))} RETURNING *`.execute(trx);
  const created = rows[0]!;
  await afterWrite({ trx: trx as Transaction<DB>, actor, def }, [{ row: created, existing: null, input: input as Row, values }]);
  await writeAudit(trx, { actorId: actor.id, action: 'create', object: def.name, recordId: created.id, changes: diff(null, values) });
  await writeEvents(trx, [{ type: 'created', object: def.name, id: created.id, actorId: actor.id }]);
  return created;
}

export interface UpdateOptions extends WriteOptions {
  /** The version the client read (If-Match header); a `version` key in the body does the same. */
  ifMatch?: number;
  /**
   * Columns the engine sets itself in the same UPDATE (a card's board position), computed in
   * the write's transaction from the locked row: never client input, never in the audit diff.
   */
  systemColumns?: (trx: Tx, existing: Row) => Promise<Row>;
  /** The write extensions decide the owner (POST /{object}/assign: assignment rules); audited like any change. */
  assign?: boolean;
}

export async function updateRecord(db: Kysely<DB>, def: ObjectDef, actor: Actor, id: number, input: unknown, opts: UpdateOptions = {}): Promise<Row> {
  requireDo(actor, def, 'update');
  const fields = await allFields(db, def);
  const { values: body, expected } = expectedVersion(input, opts.ifMatch);
  const values = validateRecord(fields, body, 'update', actor, def.name, opts.allowExtra);
  const events: RecordEvent[] = [];
  const row = await db.transaction().execute(async (trx) => {
    const existing = await loadVisible(trx, def, actor, id, true);
    if (expected !== undefined) await assertVersion(trx, def, actor, existing, expected);
    await checkMoney(trx, def, fields, values, existing);
    await checkLinks(trx, actor, fields, values, existing);
    await beforeWrite({ trx, actor, def }, [{ values, existing, assign: opts.assign }]);
    const { columns, custom } = split(fields, values, existing.custom);
    const merged = { ...existing, ...columns, ...(custom ? { custom } : {}) };
    const system = opts.systemColumns ? await opts.systemColumns(trx, existing) : {};
    const set = { ...columns, ...(custom ? { custom } : {}), ...(await derived(trx, def, merged)), ...system, updated_at: new Date() };
    const { rows } = await sql<Row>`UPDATE ${sql.table(def.name)} SET ${updateSet(jsonColumns(set))} WHERE id = ${id} RETURNING *`.execute(trx);
    const updated = rows[0]!;
    await afterWrite({ trx, actor, def }, [{ row: updated, existing, input: input as Row, values }]);
    await reindexDependants(trx, def.name, updated, existing);
    const before = { ...existing, ...(existing.custom ?? {}) };
    const changes = diff(before, values);
    if (Object.keys(changes).length) await writeAudit(trx, { actorId: actor.id, action: 'update', object: def.name, recordId: id, changes });
    events.push({ type: 'updated', object: def.name, id, actorId: actor.id, changes });
    await writeEvents(trx, events);
    return updated;
  });
  deliverSoon();
  return present(db, def, actor, row);
}

export async function deleteRecord(db: Kysely<DB>, def: ObjectDef, actor: Actor, id: number): Promise<void> {
  requireSomeDelete(actor, def);
  await db.transaction().execute(async (trx) => {
    const existing = await loadVisible(trx, def, actor, id, true);
    if (!mayDelete(actor, def, existing)) throw forbidden('You may delete only your own records');
    await def.beforeDelete?.({ trx, actor, def }, existing);
    await applyDeleteRules(trx, def, [id]);
    await sql`DELETE FROM ${sql.table(def.name)} WHERE id = ${id}`.execute(trx);
    await writeAudit(trx, { actorId: actor.id, action: 'delete', object: def.name, recordId: id, changes: { before: beforeImage(existing) } });
    await writeEvents(trx, [{ type: 'deleted', object: def.name, id, actorId: actor.id }]);
  });
  deliverSoon();
}

/** The delete right on one row (core/access.ts mayDeleteRow). Merges use it too. */
export function mayDelete(actor: Actor, def: ObjectDef, row: Row): boolean {
  return mayDeleteRow(actor, def, row);
}

/** A row without derived columns, as kept in the audit log (enough to restore it). */
export function beforeImage(row: Row): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) if (k !== 'search_text' && k !== 'search_tokens') out[k] = v instanceof Date ? v.toISOString() : v;
  return out;
}

export function insertValues(row: Row) {
  const keys = Object.keys(row);
  return sql`(${sql.join(keys.map((k) => sql.ref(k)))}) VALUES (${sql.join(keys.map((k) => row[k]))})`;
}

export function updateSet(row: Row) {
  return sql.join(Object.keys(row).map((k) => sql`${sql.ref(k)} = ${row[k]}`));
}

export function assertExists(found: unknown, field: string): void {
  if (!found) throw new AppError('validation_failed', 'Some fields are not valid', [{ field, message: 'No such record', code: 'invalid_link' }]);
}
