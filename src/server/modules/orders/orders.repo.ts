import { sql, type RawBuilder } from 'kysely';
import { orgCurrencySql } from '../../records/money.ts';
import { minorDigits } from '../../../shared/money.ts';
import { orgRateSql, orgTotal } from '../../records/totals.ts';
import type { Row, Tx } from '../../records/types.ts';

// The SQL of the orders module (its own tables only). Quantities and amounts travel as exact
// decimal text; rules live in orders.service.ts.

export interface OrderLineRow {
  id: number;
  parent_id: number;
  position: number;
  product_id: number | null;
  sku: string | null;
  description: string;
  unit: string | null;
  quantity: string;
  unit_price: string;
  discount_percent: string;
  tax_rate: string;
  gross: string;
  quantity_fulfilled: string;
  quantity_returned: string;
  quantity_invoiced: string;
}

/** An order's lines in position order, locked for the action's transaction. */
export async function lockLines(trx: Tx, orderId: number): Promise<OrderLineRow[]> {
  const { rows } = await sql<OrderLineRow>`SELECT * FROM order_lines WHERE parent_id = ${orderId} ORDER BY position, id FOR UPDATE`.execute(trx);
  return rows;
}

export async function readLines(db: Tx, orderId: number): Promise<OrderLineRow[]> {
  const { rows } = await sql<OrderLineRow>`SELECT * FROM order_lines WHERE parent_id = ${orderId} ORDER BY position, id`.execute(db);
  return rows;
}

export type QuantityColumn = 'quantity_fulfilled' | 'quantity_returned' | 'quantity_invoiced';

/** Adds `by` (exact text, may be negative) to one quantity column of one line. */
export async function addToLine(trx: Tx, lineId: number, column: QuantityColumn, by: string): Promise<void> {
  await sql`UPDATE order_lines SET ${sql.ref(column)} = ${sql.ref(column)} + ${by}::numeric, updated_at = now() WHERE id = ${lineId}`.execute(trx);
}

/** Writes the order's status columns (never client input) and answers the row. */
export async function setOrder(trx: Tx, id: number, set: { status?: string; credit_status?: string | null; quote_id?: number }): Promise<Row> {
  const assignments = Object.entries(set).map(([k, v]) => sql`${sql.ref(k)} = ${v}`);
  assignments.push(sql`updated_at = now()`);
  const { rows } = await sql<Row>`UPDATE orders SET ${sql.join(assignments)} WHERE id = ${id} RETURNING *`.execute(trx);
  return rows[0]!;
}

/** An order's status, locked (the billing source's invoiced() runs in the invoice's transaction). */
export async function statusOf(db: Tx, id: number): Promise<string | null> {
  const { rows } = await sql<{ status: string }>`SELECT status FROM orders WHERE id = ${id} FOR UPDATE`.execute(db);
  return rows[0]?.status ?? null;
}

/** The live (not cancelled) order made from a quote, if any. */
export async function liveOrderOfQuote(db: Tx, quoteId: number): Promise<number | null> {
  const { rows } = await sql<{ id: number }>`SELECT id FROM orders WHERE quote_id = ${quoteId} AND status <> 'cancelled' LIMIT 1`.execute(db);
  return rows[0]?.id ?? null;
}

export async function insertReturn(trx: Tx, orderId: number, reason: string, actorId: number, lines: { line_id: number; quantity: string }[]): Promise<number> {
  const { rows } = await sql<{ id: number }>`INSERT INTO order_returns (order_id, reason, created_by) VALUES (${orderId}, ${reason}, ${actorId}) RETURNING id`.execute(trx);
  const id = rows[0]!.id;
  const values = lines.map((l) => sql`(${id}, ${l.line_id}, ${l.quantity}::numeric)`);
  await sql`INSERT INTO order_return_lines (return_id, line_id, quantity) VALUES ${sql.join(values)}`.execute(trx);
  return id;
}

export interface ReturnRow { id: number; reason: string; created_by: number | null; created_at: Date; lines: { line_id: number; quantity: string }[] }

export async function listReturns(db: Tx, orderId: number): Promise<ReturnRow[]> {
  const { rows } = await sql<ReturnRow>`
    SELECT r.id, r.reason, r.created_by, r.created_at,
      coalesce((SELECT json_agg(json_build_object('line_id', rl.line_id, 'quantity', rl.quantity::text) ORDER BY rl.line_id)
        FROM order_return_lines rl WHERE rl.return_id = r.id), '[]'::json) AS lines
    FROM order_returns r WHERE r.order_id = ${orderId} ORDER BY r.id LIMIT 500`.execute(db);
  return rows;
}

/** Statuses whose remaining amount is owed by the account: confirmed and not yet fully invoiced. */
export const OPEN_STATUSES = ['confirmed', 'partially_fulfilled', 'fulfilled'] as const;

/**
 * What orders still commit an account to, in the organisation currency: per line, the gross of
 * the quantity not yet invoiced nor returned; each order converted at the latest rate on or
 * before its order date (the rate is frozen with the order), rounded to the organisation's
 * minor unit, summed by the database. A currency without a rate refuses (`no_exchange_rate`).
 */
export async function remainingGross(db: Tx, which: { accountId: number } | { orderId: number }): Promise<string> {
  const cur = sql<string>`coalesce(nullif(o.currency, ''), ${orgCurrencySql})`;
  const where: RawBuilder<boolean> = 'orderId' in which
    ? sql<boolean>`o.id = ${which.orderId}`
    : sql<boolean>`o.account_id = ${which.accountId} AND o.status IN (${sql.join(OPEN_STATUSES.map((s) => sql.lit(s)))})`;
  // A line with nothing left is no amount (NULL), so its currency needs no rate.
  const { total, org } = await orgTotal(db, sql`SELECT ${cur} AS cur, nullif((SELECT coalesce(sum(CASE WHEN l.quantity > 0
        THEN l.gross * greatest(l.quantity - l.quantity_returned - l.quantity_invoiced, 0) / l.quantity ELSE 0 END), 0)
      FROM order_lines l WHERE l.parent_id = o.id), 0) AS v, ${orgRateSql(cur, sql`o.order_date`)} AS rate
    FROM orders o WHERE ${where}`);
  return total ?? (0).toFixed(minorDigits(org));
}
