import { sql } from 'kysely';
import type { Database } from './connect.ts';

/**
 * Everything a migration or a custom field creates in the current schema, as sorted text two
 * installs can be compared by (the schema's own name left out): columns with their types,
 * defaults and nullability, constraints, indexes, triggers and functions. Tests use it to
 * prove an upgraded or restored database equals a fresh install.
 */
export interface SchemaShape {
  columns: string[];
  constraints: string[];
  indexes: string[];
  triggers: string[];
  functions: string[];
}

export async function schemaShape(database: Database): Promise<SchemaShape> {
  const db = database.db;
  const { rows: [{ schema }] } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db) as { rows: { schema: string }[] };
  const strip = (s: string) => s.replaceAll(`"${schema}".`, '').replaceAll(`${schema}.`, '');
  const text = async (q: ReturnType<typeof sql<{ s: string }>>) => (await q.execute(db)).rows.map((r) => strip(r.s)).sort();
  return {
    columns: await text(sql<{ s: string }>`SELECT table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')
        || coalesce(' ' || numeric_precision || ',' || numeric_scale, '') || ' null=' || is_nullable || ' default=' || coalesce(column_default, '-')
        || ' generated=' || is_generated || coalesce(' ' || generation_expression, '') || ' identity=' || is_identity AS s
      FROM information_schema.columns WHERE table_schema = current_schema()`),
    constraints: await text(sql<{ s: string }>`SELECT conrelid::regclass::text || ' ' || conname || ': ' || pg_get_constraintdef(oid) AS s
      FROM pg_constraint WHERE connamespace = current_schema()::regnamespace`),
    indexes: await text(sql<{ s: string }>`SELECT indexdef AS s FROM pg_indexes WHERE schemaname = current_schema()`),
    triggers: await text(sql<{ s: string }>`SELECT pg_get_triggerdef(t.oid) AS s FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      WHERE c.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal`),
    functions: await text(sql<{ s: string }>`SELECT pg_get_functiondef(p.oid) AS s FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace`),
  };
}
