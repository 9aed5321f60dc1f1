import { sql, type RawBuilder } from 'kysely';
import type { Row, Tx } from '../records/types.ts';

export interface ColumnInfo {
  column_name: string;
  data_type: string;
  udt_name: string;
  is_nullable: string;
  column_default: string | null;
}

/** A table's columns by name, as `tableColumns` reads them. */
export type TableColumns = Map<string, ColumnInfo>;

const SEP = '\u0001';

/**
 * The columns of a table in the current schema. Callers writing many batches (the import)
 * read this once and pass it to `bulkInsertSql`: the schema cannot be cached globally, since
 * tests and benchmarks run several schemas in one process.
 */
export async function tableColumns(db: Tx, table: string): Promise<TableColumns> {
  const { rows } = await sql<ColumnInfo>`SELECT column_name, data_type, udt_name, is_nullable, column_default FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = ${table}`.execute(db);
  return new Map(rows.map((r) => [r.column_name, r]));
}

/** A value in the text form `bulkInsertSql` sends (arrays joined with U+0001, objects as JSON). */
export function asText(v: unknown, c: ColumnInfo): string | null {
  if (v === null || v === undefined) return null;
  if (c.data_type === 'ARRAY') return (v as unknown[]).join(SEP);
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/**
 * The statement inserting many rows with one array parameter per column (INSERT … SELECT
 * FROM unnest), which PostgreSQL and PGlite parse and plan once, instead of thousands of
 * VALUES parameters. Missing values take the column's default when it has one. Usable as
 * a data-modifying CTE (`WITH ins AS (…) …`). With `asText`, the rows hold values already in
 * the form `asText` gives.
 */
export function bulkInsertSql(info: TableColumns, table: string, rows: Row[], returning: string[], opts: { asText?: boolean } = {}): RawBuilder<Row> {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const r of rows) for (const k in r) if (!seen.has(k)) {
    seen.add(k);
    keys.push(k);
  }
  const cols = keys.map((k) => {
    const c = info.get(k);
    if (!c) throw new Error(`bulkInsert: no column ${table}.${k}`);
    return c;
  });
  const params = cols.map((c) => {
    const values = new Array<string | null>(rows.length);
    if (opts.asText) for (let i = 0; i < rows.length; i++) values[i] = rows[i]![c.column_name] ?? null;
    else for (let i = 0; i < rows.length; i++) values[i] = asText(rows[i]![c.column_name], c);
    return sql`${sql.val(values)}::text[]`;
  });
  const aliases = cols.map((_, i) => sql.raw(`c${i}`));
  const exprs = cols.map((c, i) => {
    const v = sql.raw(`x.c${i}`);
    const typed = c.data_type === 'ARRAY'
      ? sql`string_to_array(${v}, chr(1))::${sql.raw(c.udt_name.replace(/^_/, ''))}[]`
      : sql`${v}::${sql.raw(c.udt_name)}`;
    return c.column_default ? sql`coalesce(${typed}, ${sql.raw(c.column_default)})` : typed;
  });
  return sql<Row>`INSERT INTO ${sql.table(table)} (${sql.join(keys.map((k) => sql.ref(k)))})
    SELECT ${sql.join(exprs)} FROM unnest(${sql.join(params)}) AS x(${sql.join(aliases)})
    RETURNING ${sql.join(returning.map((r) => sql.ref(r)))}`;
}

/** Inserts many rows in one statement (see `bulkInsertSql`); returns the `returning` columns. */
export async function bulkInsert(db: Tx, table: string, rows: Row[], returning: string[], info?: TableColumns): Promise<Row[]> {
  if (!rows.length) return [];
  const { rows: out } = await bulkInsertSql(info ?? (await tableColumns(db, table)), table, rows, returning).execute(db);
  return out;
}
