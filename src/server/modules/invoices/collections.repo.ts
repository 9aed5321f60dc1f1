import { sql } from 'kysely';
import type { Row, Tx } from '../../records/types.ts';

// The SQL of collection work on invoices: actions with promises to pay, overdue invoices and
// broken promises for the daily job.

export interface CollectionAction {
  id: number;
  invoice_id: number;
  action_date: string;
  kind: string;
  note: string | null;
  promise_to_pay_date: string | null;
  promised_amount: string | null;
  created_by: number | null;
  created_at: Date;
}

const STILL_DUE = sql`i.status IN ('issued', 'partially_paid') AND i.amount_due > 0`;

export async function listActions(db: Tx, invoiceId: number): Promise<CollectionAction[]> {
  const { rows } = await sql<CollectionAction>`SELECT id, invoice_id, action_date, kind, note, promise_to_pay_date, promised_amount, created_by, created_at
    FROM invoice_collection_actions WHERE invoice_id = ${invoiceId} ORDER BY action_date DESC, id DESC LIMIT 500`.execute(db);
  return rows;
}

export async function insertAction(trx: Tx, a: Omit<CollectionAction, 'id' | 'created_at'>): Promise<CollectionAction> {
  const { rows } = await sql<CollectionAction>`INSERT INTO invoice_collection_actions (invoice_id, action_date, kind, note, promise_to_pay_date, promised_amount, created_by)
    VALUES (${a.invoice_id}, ${a.action_date}, ${a.kind}, ${a.note}, ${a.promise_to_pay_date}, ${a.promised_amount}, ${a.created_by})
    RETURNING id, invoice_id, action_date, kind, note, promise_to_pay_date, promised_amount, created_by, created_at`.execute(trx);
  return rows[0]!;
}

/** The latest promise to pay on an invoice still due whose date has passed (null: none broken). */
export async function brokenPromiseOf(db: Tx, invoice: Row, on = sql`current_date`): Promise<{ date: string; amount: string | null } | null> {
  if (!invoice?.id) return null;
  const { rows } = await sql<{ date: string; amount: string | null }>`
    SELECT c.promise_to_pay_date AS date, c.promised_amount::text AS amount FROM invoice_collection_actions c JOIN invoices i ON i.id = c.invoice_id
    WHERE c.invoice_id = ${invoice.id} AND c.promise_to_pay_date IS NOT NULL AND c.promise_to_pay_date < ${on} AND ${STILL_DUE}
      AND NOT EXISTS (SELECT 1 FROM invoice_collection_actions n WHERE n.invoice_id = c.invoice_id AND n.promise_to_pay_date >= ${on})
    ORDER BY c.promise_to_pay_date DESC, c.id DESC LIMIT 1`.execute(db);
  return rows[0] ?? null;
}

/**
 * Overdue invoices whose owner has not been reminded of their current bucket (1: 1–30 days,
 * 2: 31–60, 3: 61–90, 4: over 90), locked so two processes never remind twice.
 */
export async function lockOverdue(trx: Tx, on: string, limit: number): Promise<{ id: number; owner_id: number | null; number: string; bucket: number }[]> {
  const { rows } = await sql<{ id: number; owner_id: number | null; number: string; bucket: number }>`
    SELECT i.id, i.owner_id, i.number, b.bucket FROM invoices i
    CROSS JOIN LATERAL (SELECT CASE WHEN ${on}::date - i.due_date > 90 THEN 4 WHEN ${on}::date - i.due_date > 60 THEN 3
      WHEN ${on}::date - i.due_date > 30 THEN 2 ELSE 1 END AS bucket) b
    WHERE i.kind = 'invoice' AND ${STILL_DUE} AND i.due_date < ${on}::date AND i.reminded_bucket < b.bucket
    ORDER BY i.id LIMIT ${limit} FOR UPDATE OF i SKIP LOCKED`.execute(trx);
  return rows;
}

export async function markReminded(trx: Tx, id: number, bucket: number): Promise<void> {
  await sql`UPDATE invoices SET reminded_bucket = ${bucket} WHERE id = ${id}`.execute(trx);
}

/** Promises whose date passed on invoices still due, not yet reported, locked. */
export async function lockBrokenPromises(trx: Tx, on: string, limit: number): Promise<{ id: number; invoice_id: number; owner_id: number | null; number: string; promise_to_pay_date: string }[]> {
  const { rows } = await sql<{ id: number; invoice_id: number; owner_id: number | null; number: string; promise_to_pay_date: string }>`
    SELECT c.id, c.invoice_id, i.owner_id, i.number, c.promise_to_pay_date FROM invoice_collection_actions c JOIN invoices i ON i.id = c.invoice_id
    WHERE c.promise_to_pay_date IS NOT NULL AND c.broken_notified_at IS NULL AND c.promise_to_pay_date < ${on}::date AND ${STILL_DUE}
    ORDER BY c.id LIMIT ${limit} FOR UPDATE OF c SKIP LOCKED`.execute(trx);
  return rows;
}

export async function markBrokenNotified(trx: Tx, id: number): Promise<void> {
  await sql`UPDATE invoice_collection_actions SET broken_notified_at = now() WHERE id = ${id}`.execute(trx);
}
