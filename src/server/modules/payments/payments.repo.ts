import { sql } from 'kysely';
import type { Row, Tx } from '../../records/types.ts';

// The SQL of the payments module: allocations, the payment's allocated amounts, and the
// unapplied money of an account for its credit exposure.

export interface AllocationRow {
  id: number;
  target_kind: string;
  target_id: number;
  amount: string;
}

export async function selectAllocations(db: Tx, paymentId: number): Promise<AllocationRow[]> {
  const { rows } = await sql<AllocationRow>`SELECT id, target_kind, target_id, amount::text AS amount FROM payment_allocations
    WHERE payment_id = ${paymentId} ORDER BY id`.execute(db);
  return rows.map((r) => ({ ...r, id: Number(r.id), target_id: Number(r.target_id) }));
}

export async function replaceAllocations(trx: Tx, paymentId: number, rows: { target_kind: string; target_id: number; amount: string }[]): Promise<void> {
  await sql`DELETE FROM payment_allocations WHERE payment_id = ${paymentId}`.execute(trx);
  if (!rows.length) return;
  const values = rows.map((r) => sql`(${paymentId}, ${r.target_kind}, ${r.target_id}, ${r.amount})`);
  await sql`INSERT INTO payment_allocations (payment_id, target_kind, target_id, amount) VALUES ${sql.join(values)}`.execute(trx);
}

/** Each target's total allocated over all payments. */
export async function targetTotals(db: Tx, kind: string, ids: number[]): Promise<{ id: number; paid: string }[]> {
  const { rows } = await sql<{ id: number; paid: string }>`
    SELECT t.id, coalesce(sum(a.amount), 0)::text AS paid FROM unnest(${sql.val(ids)}::bigint[]) AS t(id)
    LEFT JOIN payment_allocations a ON a.target_kind = ${kind} AND a.target_id = t.id GROUP BY t.id ORDER BY t.id`.execute(db);
  return rows.map((r) => ({ id: Number(r.id), paid: r.paid }));
}

export async function setPayment(trx: Tx, id: number, set: Row): Promise<Row> {
  const assignments = Object.entries({ ...set, updated_at: new Date() }).map(([k, v]) => sql`${sql.ref(k)} = ${v}`);
  const { rows } = await sql<Row>`UPDATE payments SET ${sql.join(assignments)} WHERE id = ${id} RETURNING *`.execute(trx);
  return rows[0]!;
}

/** Allocations to one target from the payments the actor may see (`visible` over alias p). */
export async function allocationsToTarget(db: Tx, kind: string, id: number, visible: import('kysely').RawBuilder<boolean>) {
  const { rows } = await sql<{ payment_id: number; number: string; received_on: string; method: string; currency: string | null; amount: string }>`
    SELECT p.id AS payment_id, p.number, p.received_on, p.method, p.currency, a.amount::text AS amount
    FROM payment_allocations a JOIN payments p ON p.id = a.payment_id
    WHERE a.target_kind = ${kind} AND a.target_id = ${id} AND ${visible} ORDER BY p.received_on DESC, p.id DESC LIMIT 500`.execute(db);
  return rows.map((r) => ({ ...r, payment_id: Number(r.payment_id) }));
}
