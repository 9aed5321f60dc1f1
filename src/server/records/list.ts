import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../db/schema.ts';
import { invalid } from '../http/errors.ts';
import { requireDo, type Actor } from '../core/access.ts';
import { refVisibilityKey, refVisible } from './refs.ts';
import { visibleFields, type ResolvedField } from './fields.ts';
import { pageOf } from './page.ts';
import { afterCursor, fieldExpr, keysetParts, orderBy, parseSort, sortKeyText } from './query.ts';
import { moneySql } from './money.ts';
import { getObject } from './registry.ts';
import { ID_FIELD, whereFor, type ListParams } from './service.ts';
import type { ObjectDef, Row } from './types.ts';

/**
 * A list page reads its rows in one of two forms, the same records either way:
 * - `objects`: typed columns the driver parses, turned into API objects in Node. Cheapest for
 *   PostgreSQL, whose server is the busier side of a list request: pg parses text columns
 *   quickly, and the server's own JSON writing costs it more than it saves Node.
 * - `json`: the database writes each row's JSON (one text column a row), which the HTTP
 *   answer splices in unparsed. Cheapest for PGlite, whose rows are parsed in JavaScript in the
 *   same thread as the engine (a first page 6.2 → 4.2 ms at 200k contacts).
 */
interface RowForm<T> {
  /** The select list after `id AS _id, <sort key> AS _sort`. */
  columns: RawBuilder<unknown>;
  read: (row: Row) => T;
}

interface Page<T> {
  data: T[];
  next_cursor: string | null;
}

async function readPage<T>(db: Kysely<DB>, def: ObjectDef, actor: Actor, p: ListParams, form: (fields: ResolvedField[]) => RowForm<T>): Promise<Page<T>> {
  // Every list goes through here (REST, export, related lists): a role that may not list gets 403.
  requireDo(actor, def, 'list');
  const fields = await visibleFields(db, def, actor);
  const limit = Math.min(Math.max(p.limit ?? 50, 1), 200);
  const sort = p.sortBy ?? parseSort(p.sort, [...fields, ID_FIELD], def);
  const t = def.name;
  const where = await whereFor(db, def, fields, actor, p);
  const { columns, read } = form(chosenFields(fields, p.columns, def.currencyField));
  // The LIMIT is a literal: a prepared statement's generic plan would assume a parameter's
  // LIMIT reads 10% of the table and give up the index order.
  const select = (cond: RawBuilder<boolean>, order: RawBuilder<unknown>, n: number) =>
    sql<Row>`SELECT ${sql.ref(`${t}.id`)} AS _id, ${sortKeyText(t, sort)} AS _sort, ${columns} FROM ${sql.table(t)}
    WHERE ${where} AND ${cond} ORDER BY ${order} LIMIT ${sql.lit(n)}`.execute(db);
  let rows: Row[];
  if (sort.indexed) {
    // Values, then NULLs: each part follows the sort field's index; the second runs only
    // when the first does not fill the page.
    rows = [];
    for (const part of keysetParts(t, sort, p.cursor)) {
      rows.push(...(await select(part.where, part.order, limit + 1 - rows.length)).rows);
      if (rows.length > limit) break;
    }
  } else {
    rows = (await select(p.cursor ? afterCursor(t, sort, p.cursor) : sql<boolean>`true`, orderBy(t, sort), limit + 1)).rows;
  }
  const page = pageOf(rows, limit, (last) => [last._sort, last._id as number]);
  return { data: page.data.map(read), next_cursor: page.next_cursor };
}

/** A page of visible records as API objects (`columns` picks fields; refs of the links shown). */
export function listRecords(db: Kysely<DB>, def: ObjectDef, actor: Actor, p: ListParams): Promise<Page<Row>> {
  return readPage(db, def, actor, p, (fields) => objectForm(db, def, fields, actor));
}

/** The list answer `{ data, next_cursor }` as JSON text, its rows written the cheaper way for the database. */
export async function listJson(db: Kysely<DB>, def: ObjectDef, actor: Actor, p: ListParams, engineWritesJson: boolean): Promise<string> {
  if (!engineWritesJson) return JSON.stringify(await listRecords(db, def, actor, p));
  const page = await readPage(db, def, actor, p, (fields) => jsonForm(db, def, fields, actor));
  return `{"data":[${page.data.join(',')}],"next_cursor":${JSON.stringify(page.next_cursor)}}`;
}

// Per visible-field list, the subsets lists asked for (a UI asks for the same few again and again).
const subsets = new WeakMap<ResolvedField[], Map<string, ResolvedField[]>>();

/**
 * The visible fields named by `columns`; one the actor cannot see is refused like an unknown one.
 * A money column brings the record's currency field along (when the actor may read it): without
 * it a USD or TWD amount was shown in the organisation's currency.
 */
function chosenFields(fields: ResolvedField[], columns: string | undefined, currencyField?: string): ResolvedField[] {
  if (!columns) return fields;
  let bySpec = subsets.get(fields);
  if (!bySpec) subsets.set(fields, (bySpec = new Map()));
  const hit = bySpec.get(columns);
  if (hit) return hit;
  const keys = new Set(columns.split(',').map((k) => k.trim()).filter(Boolean));
  const unknown = [...keys].filter((k) => k !== 'id' && !fields.some((f) => f.key === k));
  if (unknown.length) throw invalid([{ field: 'columns', message: `Unknown field ${unknown.join(', ')}`, code: 'unknown_field' }]);
  if (currencyField && fields.some((f) => f.type === 'money' && keys.has(f.key))) keys.add(currencyField);
  const chosen = fields.filter((f) => keys.has(f.key));
  if (bySpec.size < 200) bySpec.set(columns, chosen);
  return chosen;
}

interface Link {
  key: string;
  custom: boolean;
  /** users or the linked object's table. */
  target: string;
  titleCol: string;
}

function linksOf(fields: ResolvedField[]): Link[] {
  return fields
    .filter((f) => f.type === 'user' || (f.type === 'link' && f.link))
    .map((f) => {
      const target = f.type === 'user' ? 'users' : f.link!;
      return { key: f.key, custom: f.custom, target, titleCol: target === 'users' ? 'name' : getObject(target).titleField };
    });
}

/** The linked record's id: a column, or a custom link's number in the jsonb (validated on write; anything else links nowhere). */
function linkId(t: string, l: Link): RawBuilder<unknown> {
  const custom = sql.ref(`${t}.custom`);
  return l.custom ? sql`CASE WHEN jsonb_typeof(${custom} -> ${sql.lit(l.key)}) = 'number' THEN (${custom} ->> ${sql.lit(l.key)})::bigint END` : sql.ref(`${t}.${l.key}`);
}

/** A select list without parameters (identifiers and literals only) is compiled once. */
function compiledOnce<T>(db: Kysely<DB>, expr: RawBuilder<T>): RawBuilder<T> {
  const compiled = expr.compile(db);
  return compiled.parameters.length ? expr : sql.raw<T>(compiled.sql);
}

const linkTargets = new WeakMap<ResolvedField[], string[]>();
type FormCache<T> = WeakMap<ResolvedField[], Map<string, RowForm<T>>>;

/**
 * Forms are cached per visible-field list (cached per role's field rules in fields.ts) and per
 * ref visibility (the same for every actor who sees every linked object; per actor otherwise,
 * since a linked record's title shows only when the actor may read it): per request only the lookup.
 */
function cachedForm<T>(cache: FormCache<T>, fields: ResolvedField[], actor: Actor, make: () => RowForm<T>): RowForm<T> {
  let byActor = cache.get(fields);
  if (!byActor) cache.set(fields, (byActor = new Map()));
  let targets = linkTargets.get(fields);
  if (!targets) linkTargets.set(fields, (targets = [...new Set(linksOf(fields).map((l) => l.target))]));
  const key = refVisibilityKey(actor, targets);
  let form = byActor.get(key);
  if (!form) {
    if (byActor.size >= 500) byActor.clear();
    byActor.set(key, (form = make()));
  }
  return form;
}

const objectForms: FormCache<Row> = new WeakMap();

/**
 * Typed columns: id, the visible standard columns, custom (when a custom field is shown), and
 * the titles of linked records as scalar subqueries evaluated for the page's rows only.
 */
function objectForm(db: Kysely<DB>, def: ObjectDef, fields: ResolvedField[], actor: Actor): RowForm<Row> {
  return cachedForm(objectForms, fields, actor, () => {
    const t = def.name;
    const columnKeys = new Set(def.fields.map((f) => f.key));
    const standard = fields.filter((f) => !f.custom && columnKeys.has(f.key));
    const customKeys = fields.filter((f) => f.custom).map((f) => f.key);
    const links = linksOf(fields).map((l) => ({ ...l, alias: `_ref_${l.key}` }));
    const cols: RawBuilder<unknown>[] = [];
    for (const f of standard) {
      const col = sql.ref(`${t}.${f.key}`);
      // Date-times as the text JSON would give a JS Date (toISOString: UTC, milliseconds), so
      // no Date is built and formatted again for every row.
      if (f.type === 'datetime') cols.push(sql`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ${sql.ref(f.key)}`);
      // Amounts as exact text with the record currency's minor digits ("12999.50").
      else if (f.type === 'money') cols.push(sql`${moneySql(def, t, col)} AS ${sql.ref(f.key)}`);
      else cols.push(col);
    }
    if (customKeys.length) cols.push(sql.ref(`${t}.custom`));
    const customMoney = fields.filter((f) => f.custom && f.type === 'money').map((f) => ({ key: f.key, alias: `_money_${f.key}` }));
    for (const m of customMoney) cols.push(sql`${moneySql(def, t, fieldExpr(t, fields.find((f) => f.key === m.key)!))} AS ${sql.ref(m.alias)}`);
    for (const l of links) {
      cols.push(sql`(SELECT r.${sql.ref(l.titleCol)} FROM ${sql.table(l.target)} r WHERE r.id = ${linkId(t, l)} AND ${refVisible(actor, l.target, 'r')}) AS ${sql.ref(l.alias)}`);
    }
    // Every answer object starts as a copy of one template with all its keys, so all rows share
    // one hidden class: objects grown key by key past a dozen properties turn into slow
    // dictionaries, for JSON.stringify too (Object.fromEntries builds the template in fast mode).
    const template: Row = Object.fromEntries([['id', null], ...fields.map((f) => [f.key, null]), ['refs', null]]);
    const standardKeys = standard.map((f) => f.key);
    return {
      columns: cols.length ? compiledOnce(db, sql.join(cols)) : sql`NULL AS _none`,
      read: (row) => {
        const o: Row = { ...template };
        o.id = row._id;
        for (const k of standardKeys) o[k] = row[k];
        if (customKeys.length) {
          const custom = (row.custom ?? {}) as Row;
          for (const k of customKeys) o[k] = custom[k] ?? null;
          for (const m of customMoney) o[m.key] = row[m.alias] ?? null;
        }
        const refs: Row = {};
        for (const l of links) {
          const id = o[l.key];
          const title = row[l.alias];
          if (typeof id === 'number' && title !== null && title !== undefined) refs[l.key] = { id, title };
        }
        o.refs = refs;
        return o;
      },
    };
  });
}

const jsonForms: FormCache<string> = new WeakMap();

/** json_build_object takes at most 100 arguments: larger objects are merged from parts. */
const PAIRS_PER_CALL = 50;

/**
 * The row as the API shows it, written by the database as JSON text: `id`, each field in
 * order (custom ones read from the jsonb), then `refs` — `{ field: { id, title } }` for each
 * linked record that exists and the actor may read. The same as objectForm gives, which the tests check.
 */
function jsonForm(db: Kysely<DB>, def: ObjectDef, fields: ResolvedField[], actor: Actor): RowForm<string> {
  return cachedForm(jsonForms, fields, actor, () => {
    const t = def.name;
    const col = (k: string) => sql.ref(`${t}.${k}`);
    const columnKeys = new Set(def.fields.map((f) => f.key));
    const values: RawBuilder<unknown>[] = [sql`${col('id')} AS id`];
    for (const f of fields) {
      let v: RawBuilder<unknown>;
      if (f.type === 'money' && (f.custom || columnKeys.has(f.key))) v = moneySql(def, t, fieldExpr(t, f));
      else if (f.custom) v = sql`${col('custom')} -> ${sql.lit(f.key)}`;
      else if (!columnKeys.has(f.key)) v = sql`NULL`;
      // Date-times as a JS Date serialises (toISOString: UTC, milliseconds).
      else if (f.type === 'datetime') v = sql`to_char(${col(f.key)} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
      // numeric as a JS number prints (1000, not 1000.00).
      else if (f.type === 'number') v = sql`${col(f.key)}::float8`;
      else v = col(f.key);
      values.push(sql`${v} AS ${sql.ref(f.key)}`);
    }
    const refs = linksOf(fields).map((l) => {
      const title = sql.ref(`r.${l.titleCol}`);
      return [sql.lit(l.key), sql`(SELECT json_build_object('id', r.id, 'title', ${title}) FROM ${sql.table(l.target)} r
        WHERE r.id = ${linkId(t, l)} AND ${title} IS NOT NULL AND ${refVisible(actor, l.target, 'r')})`];
    });
    const parts: RawBuilder<unknown>[] = [];
    for (let i = 0; i < refs.length; i += PAIRS_PER_CALL) parts.push(sql`jsonb_strip_nulls(jsonb_build_object(${sql.join(refs.slice(i, i + PAIRS_PER_CALL).flat())}))`);
    const refsValue =
      refs.length === 0 ? sql`'{}'::json` : refs.length <= PAIRS_PER_CALL ? sql`json_strip_nulls(json_build_object(${sql.join(refs.flat())}))` : sql.join(parts, sql` || `);
    values.push(sql`${refsValue} AS refs`);
    return {
      columns: compiledOnce(db, sql`(SELECT row_to_json(x) FROM (SELECT ${sql.join(values)}) x)::text AS _json`),
      read: (row) => row._json as string,
    };
  });
}
