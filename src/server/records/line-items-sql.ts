import { sql } from 'kysely';
import type { Actor } from '../core/access.ts';
import { recordVisibility } from '../core/access.ts';
import type { ObjectDef, Row, Tx } from './types.ts';
import type { LineDraftRow } from './line-items-input.ts';
import { SOURCE_COLUMNS, sourceColumns } from './line-price-source.ts';

// The SQL of the line-items service (records/line-items.ts): the lines table is named by the
// parent's `lines.table`, so statements are built with sql.table, never from client text.

/** A stored line as the database returns it (numeric columns as exact text). */
export interface LineRow extends LineDraftRow {
  id: number;
  parent_id: number;
  position: number;
  net: string;
  tax: string;
  gross: string;
  created_at: Date;
  updated_at: Date;
}

export type NewLine = Omit<LineRow, 'id' | 'parent_id' | 'created_at' | 'updated_at'>;

const LINE_COLUMNS = ['position', 'product_id', 'sku', 'description', 'quantity', 'unit', 'unit_price', 'discount_percent', 'tax_rate', 'net', 'tax', 'gross'] as const;

export async function selectLines(db: Tx, table: string, parentId: number): Promise<LineRow[]> {
  const { rows } = await sql<LineRow>`SELECT * FROM ${sql.table(table)} WHERE parent_id = ${parentId} ORDER BY position, id`.execute(db);
  return rows;
}

/** Replaces the parent's lines: one DELETE, one multi-row INSERT; `withSource`: the table has the price-source columns (LineItemsDef.priceSource). */
export async function replaceLines(trx: Tx, table: string, parentId: number, lines: NewLine[], withSource = false): Promise<LineRow[]> {
  await sql`DELETE FROM ${sql.table(table)} WHERE parent_id = ${parentId}`.execute(trx);
  if (!lines.length) return [];
  const columns: string[] = [...LINE_COLUMNS, ...(withSource ? SOURCE_COLUMNS : [])];
  const values = lines.map((l) => {
    const all: Record<string, unknown> = { ...l, ...(withSource ? sourceColumns(l.source) : {}) };
    return sql`(${sql.join([parentId, ...columns.map((c) => all[c])])})`;
  });
  const { rows } = await sql<LineRow>`
    INSERT INTO ${sql.table(table)} (parent_id, ${sql.join(columns.map((c) => sql.ref(c)))})
    VALUES ${sql.join(values)} RETURNING *`.execute(trx);
  return rows.sort((a, b) => a.position - b.position);
}

/** Writes the parent's computed columns (totals) and answers the updated row (its version raised by the trigger). */
export async function writeParentTotals(trx: Tx, def: ObjectDef, parentId: number, set: Row): Promise<Row> {
  const assignments = Object.entries({ ...set, updated_at: new Date() }).map(([k, v]) => sql`${sql.ref(k)} = ${v}`);
  const { rows } = await sql<Row>`UPDATE ${sql.table(def.name)} SET ${sql.join(assignments)} WHERE id = ${parentId} RETURNING *`.execute(trx);
  return rows[0]!;
}

/** Rows of the product object with these ids that the actor may see. */
export async function visibleProducts(db: Tx, productDef: ObjectDef, actor: Actor, ids: number[]): Promise<Row[]> {
  if (!ids.length) return [];
  const t = productDef.name;
  const vis = recordVisibility(actor, productDef, t);
  const { rows } = await sql<Row>`SELECT * FROM ${sql.table(t)} WHERE id IN (${sql.join(ids)}) AND ${vis}`.execute(db);
  return rows;
}
