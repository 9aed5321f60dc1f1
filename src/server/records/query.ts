import { sql, type RawBuilder } from 'kysely';
import { SORT_KEY } from './sort-key.ts';
import type { ResolvedField } from './fields.ts';
import type { ObjectDef } from './types.ts';
import { FILTER_OPS, type FilterClause, type FilterOp } from '../../shared/fields.ts';
import { AppError, invalid } from '../http/errors.ts';
import type { Actor } from '../core/access.ts';
import { coerceText, fieldSchema } from './validate.ts';
import { likeEscape } from '../db/like.ts';
import { relativeDateValue } from '../../shared/relative-dates.ts';
import { splitBetween } from '../../shared/condition-ops.ts';
import { findObject } from './registry.ts';

/** The SQL expression of a field's value: a column, or a typed read of the custom jsonb. */
export function fieldExpr(table: string, f: ResolvedField): RawBuilder<unknown> {
  if (!f.custom) return sql.ref(`${table}.${f.key}`);
  const text = sql`(${sql.ref(`${table}.custom`)} ->> ${sql.lit(f.key)})`;
  switch (f.type) {
    case 'number':
    case 'money':
      return sql`${text}::numeric`;
    // ISO dates compare correctly as text, and a text expression can be indexed (a cast to date is not immutable).
    case 'date':
      return text;
    case 'boolean':
      return sql`${text}::boolean`;
    case 'link':
      return sql`${text}::bigint`;
    case 'multiselect':
      return sql`(${sql.ref(`${table}.custom`)} -> ${sql.lit(f.key)})`;
    default:
      return text;
  }
}

const FILTER_KEY = /^filter\[([a-z0-9_]+)\](?:\[([a-z]+)\])?$/;

/** Reads `filter[field]=v` and `filter[field][op]=v` from a query string object. */
export function parseFilters(query: Record<string, unknown>): FilterClause[] {
  const out: FilterClause[] = [];
  for (const [k, v] of Object.entries(query)) {
    const m = FILTER_KEY.exec(k);
    if (!m) continue;
    const op = (m[2] ?? 'eq') as FilterOp;
    if (!FILTER_OPS.includes(op)) throw invalid([{ field: k, message: `Unknown operator ${op}`, code: 'unknown_operator' }]);
    for (const value of Array.isArray(v) ? v : [v]) out.push({ field: m[1]!, op, value: String(value) });
  }
  return out;
}

function typedValue(f: ResolvedField, raw: string, actor: Actor, now: Date): unknown {
  if ((f.type === 'user' || f.key === 'owner_id') && raw === 'me') return actor.id;
  // `today-90d`, `now-24h`…: resolved at each run (shared/relative-dates.ts), so a stored rule stays relative.
  if (f.type === 'date' || f.type === 'datetime') raw = relativeDateValue(raw, f.type, now) ?? raw;
  if (f.type === 'datetime') {
    const d = new Date(raw);
    // JavaScript dates reach year 275760 and below year 0, which PostgreSQL cannot read back
    // from an ISO string: a filter stays within years 1 to 9999, like a date field.
    const year = d.getUTCFullYear();
    if (Number.isNaN(d.getTime()) || year < 1 || year > 9999) throw invalid([{ field: f.key, message: 'Must be a date-time between years 1 and 9999', code: 'invalid_datetime' }]);
    return d.toISOString();
  }
  const v = coerceText(f, raw);
  const single = f.type === 'multiselect' || f.type === 'tags' ? (Array.isArray(v) ? v[0] : v) : v;
  const base = f.type === 'multiselect' || f.type === 'tags' ? { ...f, type: 'text' as const, options: undefined } : f;
  const r = fieldSchema(base).safeParse(single ?? null);
  if (!r.success) throw invalid([{ field: f.key, message: r.error.issues[0]?.message ?? 'Invalid filter value', code: 'invalid_filter_value' }]);
  // Ids (link, user, id) beyond 2^53 lose digits in JavaScript and overflow bigint: no record has one.
  if ((f.type === 'link' || f.type === 'user' || f.key === 'id') && typeof r.data === 'number' && !Number.isSafeInteger(r.data)) {
    throw invalid([{ field: f.key, message: 'Not a record id', code: 'invalid_id' }]);
  }
  return r.data;
}

/**
 * One filter clause as SQL, with the operator checked against the field's type: the one clause
 * compiler of flat `filter[...]` parameters and of condition trees (records/conditions.ts).
 * `now` is the moment relative dates (`today-90d`) are resolved against.
 */
export function filterCondition(table: string, f: ResolvedField, c: FilterClause, actor: Actor, now: Date = new Date()): RawBuilder<boolean> {
  const e = fieldExpr(table, f);
  const isArray = f.type === 'tags' || f.type === 'multiselect';
  const isText = ['text', 'longtext', 'email', 'phone', 'url', 'select'].includes(f.type);
  const list = () => c.value.split(',').map((s) => s.trim()).filter(Boolean).map((s) => typedValue(f, s, actor, now));
  if (c.op === 'empty') {
    const empty = isArray
      ? f.custom
        ? sql<boolean>`(${e} IS NULL OR jsonb_array_length(${e}) = 0)`
        : sql<boolean>`cardinality(${e}) = 0`
      : isText
        ? sql<boolean>`(${e} IS NULL OR ${e} = '')`
        : sql<boolean>`${e} IS NULL`;
    return c.value === 'false' ? sql<boolean>`NOT ${empty}` : empty;
  }
  if (isArray) {
    const vals = list().map(String);
    const has = f.custom
      ? sql<boolean>`${e} ?| ${sql.val(vals)}::text[]`
      : sql<boolean>`${e} && ${sql.val(vals)}::text[]`;
    if (c.op === 'eq' || c.op === 'in' || c.op === 'contains') return has;
    if (c.op === 'ne' || c.op === 'nin') return sql<boolean>`NOT coalesce(${has}, false)`;
    throw invalid([{ field: f.key, message: `Operator ${c.op} does not apply to a list field`, code: 'operator_not_applicable' }]);
  }
  switch (c.op) {
    case 'eq':
      // A select's value is one of its options (checked by typedValue, labels mapped to values),
      // and the stored value is exactly that option: plain equality, which the field's index
      // and its statistics serve. Free text compares case-insensitively.
      if (f.type === 'select') return sql<boolean>`${e} = ${typedValue(f, c.value, actor, now)}`;
      if (isText) return sql<boolean>`lower(${e}) = lower(${typedValue(f, c.value, actor, now)})`;
      return sql<boolean>`${e} = ${typedValue(f, c.value, actor, now)}`;
    case 'ne':
      return sql<boolean>`${e} IS DISTINCT FROM ${typedValue(f, c.value, actor, now)}`;
    case 'gt': return sql<boolean>`${e} > ${typedValue(f, c.value, actor, now)}`;
    case 'gte': return sql<boolean>`${e} >= ${typedValue(f, c.value, actor, now)}`;
    case 'lt': return sql<boolean>`${e} < ${typedValue(f, c.value, actor, now)}`;
    case 'lte': return sql<boolean>`${e} <= ${typedValue(f, c.value, actor, now)}`;
    case 'between': {
      const ends = splitBetween(c.value);
      if (!ends) throw invalid([{ field: f.key, message: 'between takes two values: a..b (or a,b)', code: 'between_two_values' }]);
      return sql<boolean>`${e} BETWEEN ${typedValue(f, ends[0], actor, now)} AND ${typedValue(f, ends[1], actor, now)}`;
    }
    case 'in':
      return sql<boolean>`${e} IN (${sql.join(list())})`;
    case 'nin':
      return sql<boolean>`${e} NOT IN (${sql.join(list())})`;
    case 'contains':
    case 'starts':
      if (!isText) throw invalid([{ field: f.key, message: `Operator ${c.op} applies to text fields`, code: 'operator_not_applicable' }]);
      return sql<boolean>`${e} ILIKE ${(c.op === 'contains' ? '%' : '') + likeEscape(c.value) + '%'}`;
    case 'under': {
      // The linked record or any below it, through the tree's closure table (one indexed lookup).
      const closure = f.type === 'link' && f.link ? findObject(f.link)?.tree?.closure : undefined;
      if (!closure) throw invalid([{ field: f.key, message: 'Operator under applies to links to a tree', code: 'operator_not_applicable' }]);
      return sql<boolean>`${e} IN (SELECT ${sql.ref(closure.descendant)} FROM ${sql.table(closure.table)} WHERE ${sql.ref(closure.ancestor)} = ${typedValue(f, c.value, actor, now)})`;
    }
  }
  throw invalid([{ field: f.key, message: `Unknown operator ${c.op}`, code: 'unknown_operator' }]);
}

export interface SortSpec {
  field: ResolvedField;
  desc: boolean;
  /** NOT NULL columns allow a plain row comparison that follows the index. */
  notNull: boolean;
  /**
   * The sort expression has a btree index `(expr, id)` (custom fields of these types get one
   * when created): a page is then read as two index-ordered parts, the values then the NULLs,
   * instead of one `… OR expr IS NULL` condition that no index serves.
   */
  indexed: boolean;
  /** A derived column ordered by instead of the field (the title's pinyin `sort_key`, records/sort-key.ts). */
  column?: string;
}

/** The expression a sort orders and pages by. */
function sortExpr(table: string, s: SortSpec): RawBuilder<unknown> {
  return s.column ? sql.ref(`${table}.${s.column}`) : fieldExpr(table, s.field);
}

/** Columns every record table has NOT NULL; an object names its others in `def.notNull`. */
const ALWAYS_NOT_NULL = ['id', 'created_at', 'updated_at'];
/** Custom field types whose index expression (custom-fields.routes.ts) is exactly fieldExpr(). */
const INDEXED_CUSTOM = new Set(['text', 'select', 'date', 'number', 'money']);

export function parseSort(sort: string | undefined, fields: ResolvedField[], def: Pick<ObjectDef, 'defaultSort' | 'notNull'> & Partial<Pick<ObjectDef, 'titleField' | 'titleSort'>>): SortSpec {
  const s = sort || def.defaultSort || '-created_at';
  const desc = s.startsWith('-');
  const key = desc ? s.slice(1) : s;
  const f = fields.find((x) => x.key === key);
  if (!f || !f.sortable) throw invalid([{ field: 'sort', message: `Cannot sort by ${key}`, code: 'not_sortable' }]);
  // The title of an object with a pinyin key sorts by it; the key is nullable and indexed with id.
  if (def.titleSort && !f.custom && f.key === def.titleField) return { field: f, desc, notNull: false, indexed: true, column: SORT_KEY };
  return { field: f, desc, notNull: !f.custom && (ALWAYS_NOT_NULL.includes(f.key) || Boolean(def.notNull?.includes(f.key))), indexed: f.custom && INDEXED_CUSTOM.has(f.type) };
}

/** ORDER BY of a whole list: NULLS LAST both ways, id breaking ties. */
export function orderBy(table: string, s: SortSpec): RawBuilder<unknown> {
  const e = sortExpr(table, s);
  const id = sql.ref(`${table}.id`);
  if (s.notNull) return s.desc ? sql`${e} DESC, ${id} DESC` : sql`${e} ASC, ${id} ASC`;
  return s.desc ? sql`${e} DESC NULLS LAST, ${id} DESC` : sql`${e} ASC NULLS LAST, ${id} ASC`;
}

/**
 * The sort value as the cursor carries it: the database's own text form, so no precision is
 * lost on the way through JavaScript (timestamptz has microseconds, a JS Date milliseconds;
 * numeric has more digits than a double).
 */
export function sortKeyText(table: string, s: SortSpec): RawBuilder<string | null> {
  return sql<string | null>`${sortExpr(table, s)}::text`;
}

/**
 * The SQL type the cursor's text is read back as: the type of fieldExpr() where it is a cast
 * of the custom jsonb, timestamptz for date-time columns; null lets the database infer the
 * column's own type from the comparison (so an index on it still applies).
 */
function cursorType(f: ResolvedField): string | null {
  if (!f.custom) return f.type === 'datetime' ? 'timestamptz' : null;
  switch (f.type) {
    case 'number':
    case 'money':
      return 'numeric';
    case 'boolean':
      return 'boolean';
    case 'link':
      return 'bigint';
    default:
      return null;
  }
}

/** A cursor value as SQL of the sort expression's type. */
function cursorValue(f: ResolvedField, v: unknown): RawBuilder<unknown> {
  const type = cursorType(f);
  const text = v === null || v === undefined ? null : typeof v === 'string' ? v : String(v);
  return type ? sql`CAST(${text} AS ${sql.raw(type)})` : sql`${text}`;
}

export function encodeCursor(value: unknown, id: number): string {
  const v = value instanceof Date ? value.toISOString() : value;
  return Buffer.from(JSON.stringify([v, id])).toString('base64url');
}

export function decodeCursor(cursor: string): [unknown, number] {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && Number.isInteger(parsed[1])) return parsed as [unknown, number];
  } catch {
    /* fall through */
  }
  throw new AppError('validation_failed', 'Invalid cursor', [{ field: 'cursor', message: 'Invalid cursor', code: 'invalid_cursor' }]);
}

/** Keyset condition: rows strictly after the cursor in the sort order (NULLS LAST both ways). */
export function afterCursor(table: string, s: SortSpec, cursor: string): RawBuilder<boolean> {
  const [v, cid] = decodeCursor(cursor);
  const e = sortExpr(table, s);
  const id = sql.ref(`${table}.id`);
  const cmp = s.desc ? sql.raw('<') : sql.raw('>');
  if (v === null) return sql<boolean>`(${e} IS NULL AND ${id} ${cmp} ${cid})`;
  const cv = cursorValue(s.field, v);
  if (s.notNull) return sql<boolean>`(${e}, ${id}) ${cmp} (${cv}, ${cid})`;
  return sql<boolean>`((${e}, ${id}) ${cmp} (${cv}, ${cid}) OR ${e} IS NULL)`;
}

/**
 * The parts of a page for an indexed nullable sort, in order, each a condition and ORDER BY
 * an `(expr, id)` index serves (forwards or backwards): first the rows with a value after the
 * cursor, then the NULL rows after it. The caller reads the next part only while the page is
 * not full.
 */
export function keysetParts(table: string, s: SortSpec, cursor: string | undefined): { where: RawBuilder<boolean>; order: RawBuilder<unknown> }[] {
  const e = sortExpr(table, s);
  const id = sql.ref(`${table}.id`);
  const dir = sql.raw(s.desc ? 'DESC' : 'ASC');
  const cmp = sql.raw(s.desc ? '<' : '>');
  const values = { order: sql`${e} ${dir}, ${id} ${dir}` };
  const nulls = { order: sql`${id} ${dir}` };
  if (!cursor) return [{ ...values, where: sql<boolean>`${e} IS NOT NULL` }, { ...nulls, where: sql<boolean>`${e} IS NULL` }];
  const [v, cid] = decodeCursor(cursor);
  if (v === null) return [{ ...nulls, where: sql<boolean>`(${e} IS NULL AND ${id} ${cmp} ${cid})` }];
  return [{ ...values, where: sql<boolean>`(${e}, ${id}) ${cmp} (${cursorValue(s.field, v)}, ${cid})` }, { ...nulls, where: sql<boolean>`${e} IS NULL` }];
}
