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

/** Custom fields filter and sort like columns, so they get an index like columns. */
export async function createFieldIndex(db: Tx, table: string, key: string, numeric: boolean): Promise<void> {
  const expr = numeric ? sql`((custom ->> ${sql.lit(key)})::numeric)` : sql`((custom ->> ${sql.lit(key)}))`;
  await sql`CREATE INDEX IF NOT EXISTS ${sql.id(indexName(table, key))} ON ${sql.table(table)} (${expr}, id)`.execute(db);
}

/** A deleted field leaves nothing behind: its index and its values in every row. */
export async function dropFieldData(db: Tx, table: string, key: string): Promise<void> {
  await sql`DROP INDEX IF EXISTS ${sql.id(indexName(table, key))}`.execute(db);
  await sql`UPDATE ${sql.table(table)} SET custom = custom - ${key}::text WHERE custom ? ${key}`.execute(db);
}
