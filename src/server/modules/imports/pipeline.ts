import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { canWriteField, type Actor } from '../../core/access.ts';
import type { RecordEvent } from '../../core/events.ts';
import { AppError, invalid, type FieldIssue } from '../../http/errors.ts';
import type { ResolvedField } from '../../records/fields.ts';
import { coerceText, fieldIndex, validateRecord } from '../../records/validate.ts';
import { DEFAULT_CURRENCY, moneyIssues } from '../../records/money.ts';
import { searchColumns } from '../../records/search-sql.ts';
import type { ObjectDef, Row, Tx } from '../../records/types.ts';
import { asText, tableColumns, type TableColumns } from '../../db/bulk-insert.ts';
import type { SheetRow } from './readers.ts';
import { dupKeys } from './match.ts';
import { createKey, newNameCache, resolveCreated, type NameCache } from './import-creates.ts';
import { getObject } from '../../records/registry.ts';
import { hasBeforeWrite } from '../../records/hooks.ts';
import { linkFields, linkNameFields, resolveLinks, type LinkField, type RowLinks } from './import-links.ts';
import type { DateOrder } from '../../records/typed-formats.ts';

export type DuplicateMode = 'skip' | 'update' | 'create';

export interface ImportPlan {
  def: ObjectDef;
  fields: ResolvedField[];
  actor: Actor;
  /** Column index → field key. */
  columns: { index: number; key: string }[];
  /** Column index → link field key, for the columns naming a linked record (`owner_name`…; not a contact's account_name). */
  linkNames?: { index: number; key: string }[];
  /** The link and user fields the import may write (their ids are checked, their names resolved). */
  links?: LinkField[];
  duplicateMode: DuplicateMode;
  /** Day/month order of the file's numeric dates (readers: dateOrderOf). */
  dateOrder?: DateOrder;
  /** The organisation currency: amounts of a record without a currency of its own are checked against it (records/money.ts). */
  orgCurrency?: string;
}

export interface PreparedRow {
  line: number;
  values: Row;
  /** The cell of the object's `import.createMissingLink` column (a contact's company). */
  createName: string | null;
  /** Optional cells left out of the row because their value is not valid (the row is imported without them). */
  warnings?: ImportWarning[];
  /** The record createName finds or creates, set by resolveBatch. */
  createId?: number;
  /** Duplicate keys (match.ts), set by completeRow. */
  keys?: string[];
  /**
   * Column values of the insert as text (`asText` of bulk-insert.ts: search tokens joined into
   * one string...), derived columns and search document included, account_id not yet; set by
   * completeRow. A batch waits for the previous one to be written, so its rows live long
   * enough to reach V8's old generation: one string per column keeps them small.
   */
  insert?: Row;
  /** Duplicate mode `update`: the values an update of a matched record writes. */
  update?: Row;
  /** Link ids and names to check or resolve (only when there is something to check). */
  links?: RowLinks;
  /** Link field → id, resolved from the row's names by resolveBatch. */
  resolved?: Row;
}

/** A row skipped as a duplicate, with the record it matched (null when that one is not visible). */
export interface SkippedRow {
  line: number;
  recordId: number | null;
  title: string | null;
  reason: string;
}

export interface ImportWarning {
  line: number;
  field: string;
  reason: string;
  /** The issue's stable code (records/validate.ts), for the web app to word it. */
  code?: string;
}

/** A rejected row: the reason in English, and the field issues behind it when there are some. */
export interface RowError {
  line: number;
  reason: string;
  issues?: FieldIssue[];
}

export interface BatchResult {
  created: number;
  updated: number;
  skipped: number;
  errors: RowError[];
  skippedRows: SkippedRow[];
  /** Record events of the batch (one `imported` for its new records, one `updated` per update), written to the outbox with it. */
  events: RecordEvent[];
}

/** State an import keeps across its batches. Nothing in it grows with the number of rows. */
export interface ImportState {
  created: NameCache;
  columns: Map<string, TableColumns>;
}

/** The import's table columns, read once before the first row (completeRow needs them). */
export async function loadColumns(db: Tx, state: ImportState, def: ObjectDef): Promise<void> {
  await columnsFor(db, state, def.name);
  const creates = def.import?.createMissingLink;
  if (creates) await columnsFor(db, state, createTarget(def)!);
}

/** The table of the records an import of `def` may create from a name column, if any. */
export function createTarget(def: ObjectDef): string | undefined {
  const creates = def.import?.createMissingLink;
  return creates ? def.fields.find((f) => f.key === creates.field)?.link : undefined;
}

export function newImportState(): ImportState {
  return { created: newNameCache(), columns: new Map() };
}

const unknownField = (header: string, key: string) =>
  new AppError('validation_failed', `Unknown field ${key}`, [{ field: `mapping.${header}`, message: `Unknown field ${key}`, code: 'unknown_field' }]);

/**
 * The file's columns for the record's fields, and those naming linked records. A field the
 * actor may not see is refused as an unknown one; one they may only read is refused as such.
 */
export function planColumns(headers: string[], mapping: Record<string, string | null>, fields: ResolvedField[], def: ObjectDef, actor?: Actor): Pick<ImportPlan, 'columns' | 'linkNames' | 'links'> {
  const keys = new Map(fields.filter((f) => !f.system).map((f) => [f.key, f]));
  const object = def.name;
  const creates = def.import?.createMissingLink;
  const names = linkNameFields(fields, def);
  const out: { index: number; key: string }[] = [];
  const linkNames: { index: number; key: string }[] = [];
  for (const [header, key] of Object.entries(mapping)) {
    if (!key) continue;
    const index = headers.indexOf(header);
    if (index < 0) throw new AppError('validation_failed', `No column named ${header}`, [{ field: `mapping.${header}`, message: 'No such column', code: 'no_such_column' }]);
    const field = keys.get(key) ?? names.get(key) ?? (key === creates?.column ? keys.get(creates.field) : undefined);
    if (!field || (actor && actor.permissions.field_rules?.[object]?.[field.key] === 'hidden')) throw unknownField(header, key);
    if (actor && !canWriteField(actor, object, field.key)) {
      throw new AppError('forbidden', `You may not change the field ${field.key}`, [{ field: `mapping.${header}`, message: 'Not writable for your role', code: 'not_writable' }]);
    }
    if (out.some((c) => c.key === key) || linkNames.some((c) => c.key === names.get(key)?.key)) throw new AppError('validation_failed', `Two columns map to ${key}`, [{ field: `mapping.${header}`, message: 'Field used twice', code: 'mapped_twice' }]);
    if (names.has(key)) linkNames.push({ index, key: field.key });
    else out.push({ index, key });
  }
  if (!out.length) throw new AppError('validation_failed', 'Map at least one column', [{ field: 'mapping', message: 'Nothing mapped', code: 'nothing_mapped' }]);
  return { columns: out, linkNames, links: linkFields(fields, linkNames) };
}

/**
 * Turns a sheet row into validated values, or the reason it is rejected. Text is normalised
 * before validation (coerceText). A row is rejected when a required field is missing or bad,
 * or when a mapped cell holds U+FFFD (bytes the file's encoding could not decode: storing it
 * would keep garbage); a bad optional cell is left out and reported as a warning.
 */
export function prepareRow(plan: ImportPlan, row: SheetRow): PreparedRow | RowError {
  const byKey = fieldIndex(plan.fields);
  const input: Row = {};
  let createName: string | null = null;
  const undecodable: string[] = [];
  for (const c of plan.columns) {
    const raw = row.cells[c.index] ?? '';
    if (raw.includes('\uFFFD')) undecodable.push(c.key);
    if (c.key === plan.def.import?.createMissingLink?.column) {
      createName = raw.trim() || null;
      continue;
    }
    const v = coerceText(byKey.get(c.key)!, raw, { dateOrder: plan.dateOrder });
    if (v !== undefined) input[c.key] = v;
  }
  if (undecodable.length) {
    const message = "characters that cannot be decoded (is the file's encoding right?)";
    return { line: row.line, reason: `${undecodable.join(', ')}: ${message}`, issues: undecodable.map((field) => ({ field, code: 'undecodable', message })) };
  }
  const warnings: ImportWarning[] = [];
  for (;;) {
    try {
      const values = validateRecord(plan.fields, input, 'create', plan.actor, plan.def.name);
      const money = moneyIssues(plan.def, plan.fields, values, null, plan.orgCurrency ?? DEFAULT_CURRENCY);
      if (money.length) throw invalid(money);
      if (plan.def.ownerField && values[plan.def.ownerField] === undefined) values[plan.def.ownerField] = plan.actor.id;
      return warnings.length ? { line: row.line, values, createName, warnings } : { line: row.line, values, createName };
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const details = (e.details as FieldIssue[] | undefined) ?? [];
      // Optional cells with a bad value are dropped and validated again; anything else rejects the row.
      const optional = e.code === 'validation_failed' && details.length > 0 && details.every((d) => d.code !== 'required' && input[d.field] !== undefined && !byKey.get(d.field)?.required);
      if (!optional) return { line: row.line, reason: details.length ? details.map((d) => `${d.field}: ${d.message}`).join('; ') : e.message, ...(details.length ? { issues: details } : {}) };
      for (const d of details) {
        warnings.push({ line: row.line, field: d.field, reason: `${d.message} (${String(row.cells[plan.columns.find((c) => c.key === d.field)!.index] ?? '').trim().slice(0, 100)})`, ...(d.code ? { code: d.code } : {}) });
        delete input[d.field];
      }
    }
  }
}

/**
 * Computes what the write needs and does not depend on the database: duplicate keys, table
 * columns, derived columns and the search document. runImport calls it while the previous
 * batch is being written, so this CPU work overlaps the database's. `cells` are the sheet
 * row's (for the columns naming linked records).
 */
export function completeRow(plan: ImportPlan, state: ImportState, r: PreparedRow, cells: string[] = []): PreparedRow {
  const { def } = plan;
  // A name beside an id decides the link: ids from another database mean nothing here.
  const creates = def.import?.createMissingLink;
  if (r.createName && creates && r.values[creates.field] !== undefined) delete r.values[creates.field];
  const names: Record<string, string> = {};
  for (const n of plan.linkNames ?? []) {
    const v = (cells[n.index] ?? '').trim();
    if (v) {
      names[n.key] = v;
      delete r.values[n.key];
    }
  }
  const hasNames = Object.keys(names).length > 0;
  const ids: Record<string, number> = {};
  let checkIds = false;
  for (const l of plan.links ?? []) {
    const v = r.values[l.key];
    if (typeof v !== 'number') continue;
    ids[l.key] = v;
    // The importer as owner (the default) needs no check.
    if (!(l.target === 'users' && v === plan.actor.id)) checkIds = true;
  }
  if (hasNames || checkIds) r.links = { ids, names };
  r.keys = plan.duplicateMode === 'create' ? [] : dupKeys(def, r.values);
  if (plan.duplicateMode === 'update') r.update = updateValues(plan, r.values);
  // Names are resolved per batch, after which the insert columns are computed.
  if (hasNames) return r;
  r.insert = insertColumns(plan, state, r.values, r.createName);
  // Only duplicate mode `update` merges values again, and an object's before hook reads them.
  if (!keepValues(plan)) r.values = {};
  return r;
}

/** Whether a row keeps its values once its insert columns are computed (else dropped: memory). */
function keepValues(plan: ImportPlan): boolean {
  return plan.duplicateMode === 'update' || hasBeforeWrite(plan.def);
}

/** What an update writes: the file's values, without the owner the import defaults to the importer. */
function updateValues(plan: ImportPlan, values: Row): Row {
  const owner = plan.def.ownerField;
  if (!owner || plan.columns.some((c) => c.key === owner) || plan.linkNames?.some((c) => c.key === owner)) return { ...values };
  const { [owner]: _owner, ...rest } = values;
  return rest;
}

export function insertColumns(plan: ImportPlan, state: ImportState, values: Row, createName: string | null): Row {
  const { def } = plan;
  const info = state.columns.get(def.name)!;
  const cols = toColumns(plan, values);
  // The account's name as the row spells it: the account found may differ in case only,
  // which the normalised search document does not see.
  const row: Row = { ...cols, ...(def.derive?.(cols) ?? {}), ...searchColumns(def, cols, { account_id: createName ? { name: createName } : null }), created_by: plan.actor.id };
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
  for (const r of rows) for (const k of r.keys ?? []) keys.add(k);
  return keys;
}

export async function columnsFor(trx: Tx, state: ImportState, table: string): Promise<TableColumns> {
  let c = state.columns.get(table);
  if (!c) state.columns.set(table, (c = await tableColumns(trx, table)));
  return c;
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

/**
 * Before a batch is written (each batch in turn, in its own short transaction): checks its
 * link ids, resolves the names of linked records, and finds or creates the records its create-link column names (a contact's company)
 * (cached in `state`; batches written side by side then never create one account twice).
 * Answers the rows to write and those rejected, with their reasons.
 */
export async function resolveBatch(db: Kysely<DB>, plan: ImportPlan, state: ImportState, rows: PreparedRow[]): Promise<{ rows: PreparedRow[]; errors: RowError[] }> {
  let kept = rows;
  const errors: RowError[] = [];
  if (plan.links && rows.some((r) => r.links)) {
    const rejected = await resolveLinks(db, plan.actor, plan.links, rows.filter((r) => r.links));
    if (rejected.size) kept = rows.filter((r) => !rejected.has(r.line));
    for (const [line, reason] of rejected) errors.push({ line, reason });
  }
  for (const r of kept) if (r.links?.names && Object.keys(r.links.names).length) {
    Object.assign(r.values, r.resolved ?? {});
    if (r.update) Object.assign(r.update, r.resolved ?? {});
    r.insert = insertColumns(plan, state, r.values, r.createName);
    if (!keepValues(plan)) r.values = {};
  }
  const names = kept.map((r) => r.createName).filter((n): n is string => Boolean(n));
  const target = createTarget(plan.def);
  if (names.length && target) {
    const linked = getObject(target);
    const ids = await resolveCreated(db, plan.actor, linked, state.created, () => columnsFor(db, state, target), names);
    for (const r of kept) if (r.createName) r.createId = ids.get(createKey(linked, r.createName))!;
  }
  return { rows: kept, errors };
}
