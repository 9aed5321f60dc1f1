import { sql } from 'kysely';
import type { Row, Tx } from '../records/types.ts';

interface ColumnInfo {
  column_name: string;
  data_type: string;
  udt_name: string;
  is_nullable: string;
  column_default: string | null;
}

const SEP = '\u0001';
const columnCache = new Map<string, Map<string, ColumnInfo>>();

async function columnsOf(db: Tx, table: string): Promise<Map<string, ColumnInfo>> {
  const { rows: [schema] } = await sql<{ s: string }>`SELECT current_schema() AS s`.execute(db);
  const key = `${schema?.s}.${table}`;
  let cols = columnCache.get(key);
  if (!cols) {
    const { rows } = await sql<ColumnInfo>`SELECT column_name, data_type, udt_name, is_nullable, column_default FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = ${table}`.execute(db);
    cols = new Map(rows.map((r) => [r.column_name, r]));
    columnCache.set(key, cols);
  }
  return cols;
}

function asText(v: unknown, c: ColumnInfo): string | null {
  if (v === null || v === undefined) return null;
  if (c.data_type === 'ARRAY') return (v as unknown[]).join(SEP);
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/**
 * Inserts many rows with one array parameter per column (INSERT … SELECT FROM unnest), which
 * PostgreSQL and PGlite parse and plan once, instead of thousands of VALUES parameters.
 * Missing values take the column's default when it has one.
 */
export async function bulkInsert(db: Tx, table: string, rows: Row[], returning: string[]): Promise<Row[]> {
  if (!rows.length) return [];
  const info = await columnsOf(db, table);
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cols = keys.map((k) => {
    const c = info.get(k);
    if (!c) throw new Error(`bulkInsert: no column ${table}.${k}`);
    return c;
  });
  const params = cols.map((c) => sql`${sql.val(rows.map((r) => asText(r[c.column_name], c)))}::text[]`);
  const aliases = cols.map((_, i) => sql.raw(`c${i}`));
  const exprs = cols.map((c, i) => {
    const v = sql.raw(`x.c${i}`);
    const typed = c.data_type === 'ARRAY'
      ? sql`string_to_array(${v}, chr(1))::${sql.raw(c.udt_name.replace(/^_/, ''))}[]`
      : sql`${v}::${sql.raw(c.udt_name)}`;
    return c.column_default ? sql`coalesce(${typed}, ${sql.raw(c.column_default)})` : typed;
  });
  const { rows: out } = await sql<Row>`INSERT INTO ${sql.table(table)} (${sql.join(keys.map((k) => sql.ref(k)))})
    SELECT ${sql.join(exprs)} FROM unnest(${sql.join(params)}) AS x(${sql.join(aliases)})
    RETURNING ${sql.join(returning.map((r) => sql.ref(r)))}`.execute(db);
  return out;
}
