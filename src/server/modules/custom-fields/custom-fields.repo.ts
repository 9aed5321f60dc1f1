import { sql } from 'kysely';
import type { Tx } from '../../records/types.ts';

/** SQL of custom field definitions and the indexes and values they own in their object's table. */
export function selectFields(db: Tx, object: string | undefined) {
  const q = db.selectFrom('custom_fields').selectAll().orderBy('object').orderBy('position').orderBy('id').limit(1000);
  return (object ? q.where('object', '=', object) : q).execute();
}

export function insertField(db: Tx, values: {
  object: string; key: string; label: string; labels: string; type: string; options: string; required: boolean; link: string | null; position: number; searchable: boolean;
}) {
  return db.insertInto('custom_fields').values(values).returningAll().executeTakeFirstOrThrow();
}

export const selectFieldForUpdate = (db: Tx, id: number) => db.selectFrom('custom_fields').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
export const updateFieldRow = (db: Tx, id: number, set: Record<string, unknown>) => db.updateTable('custom_fields').set(set).where('id', '=', id).returningAll().executeTakeFirst();
export const deleteFieldRow = (db: Tx, id: number) => db.deleteFrom('custom_fields').where('id', '=', id).returningAll().executeTakeFirst();

function indexName(object: string, key: string) {
  return `${object}_${key}_idx`.slice(0, 63);
}

/** The custom field types that get an index. */
const INDEXED = new Set(['text', 'number', 'money', 'date', 'boolean', 'select', 'link']);

/** Custom fields filter and sort like columns, so the indexed types get an index like columns. */
export async function createFieldIndexFor(db: Tx, table: string, key: string, type: string): Promise<void> {
  if (!INDEXED.has(type)) return;
  const expr = type === 'number' || type === 'money' ? sql`((custom ->> ${sql.lit(key)})::numeric)` : sql`((custom ->> ${sql.lit(key)}))`;
  await sql`CREATE INDEX IF NOT EXISTS ${sql.id(indexName(table, key))} ON ${sql.table(table)} (${expr}, id)`.execute(db);
}

/**
 * Creates the index of every defined custom field that lacks it: after a restore (a backup
 * holds rows, not indexes), so a restored database has what the original had. Fields of an
 * object whose table this install lacks (a module not loaded) are left alone.
 */
export async function ensureFieldIndexes(db: Tx): Promise<void> {
  const { rows } = await sql<{ object: string; key: string; type: string }>`SELECT f.object, f.key, f.type FROM custom_fields f
    WHERE EXISTS (SELECT 1 FROM information_schema.tables t WHERE t.table_schema = current_schema() AND t.table_name = f.object) ORDER BY f.id`.execute(db);
  for (const f of rows) await createFieldIndexFor(db, f.object, f.key, f.type);
}

/** A deleted field leaves nothing behind: its index and its values in every row. */
export async function dropFieldData(db: Tx, table: string, key: string): Promise<void> {
  await sql`DROP INDEX IF EXISTS ${sql.id(indexName(table, key))}`.execute(db);
  await sql`UPDATE ${sql.table(table)} SET custom = custom - ${key}::text WHERE custom ? ${key}`.execute(db);
}
