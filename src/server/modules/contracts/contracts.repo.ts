import { sql, type RawBuilder } from 'kysely';
import type { Row, Tx } from '../../records/types.ts';
import { Money } from '../../../shared/money.ts';

// The SQL of the contracts module's own tables (instalments, terms, renewal tasks); no rules here.

export interface InstalmentRow {
  id: number;
  contract_id: number;
  sequence: number;
  due_date: string;
  amount: string;
  paid_amount: string;
  status: string;
  note: string | null;
  invoiced_quantity: string;
}

/** The planned total of a contract's instalments. */
export async function planSum(db: Tx, contractId: number): Promise<InstanceType<typeof Money>> {
  const { rows } = await sql<{ s: string | null }>`SELECT sum(amount)::text AS s FROM contract_instalments WHERE contract_id = ${contractId}`.execute(db);
  return new Money(rows[0]?.s ?? '0');
}

export async function selectInstalments(db: Tx, contractId: number): Promise<InstalmentRow[]> {
  const { rows } = await sql<InstalmentRow>`
    SELECT id, contract_id, sequence, due_date, amount::text AS amount, paid_amount::text AS paid_amount, status, note,
           invoiced_quantity::text AS invoiced_quantity
    FROM contract_instalments WHERE contract_id = ${contractId} ORDER BY sequence`.execute(db);
  return rows.map((r) => ({ ...r, id: Number(r.id), contract_id: Number(r.contract_id) }));
}

export interface InstalmentWrite {
  id?: number;
  sequence: number;
  due_date: string;
  amount: string;
  status: string;
  note: string | null;
}

/** Deletes the instalments not kept, updates the kept ones, inserts the new ones. */
export async function writeInstalments(db: Tx, contractId: number, removeIds: number[], rows: InstalmentWrite[]): Promise<void> {
  if (removeIds.length) await sql`DELETE FROM contract_instalments WHERE contract_id = ${contractId} AND id = ANY(${removeIds}::bigint[])`.execute(db);
  for (const r of rows) {
    if (r.id) {
      await sql`UPDATE contract_instalments SET sequence = ${r.sequence}, due_date = ${r.due_date}, amount = ${r.amount}, status = ${r.status},
                note = ${r.note}, updated_at = now() WHERE id = ${r.id} AND contract_id = ${contractId}`.execute(db);
    } else {
      await sql`INSERT INTO contract_instalments (contract_id, sequence, due_date, amount, status, note)
                VALUES (${contractId}, ${r.sequence}, ${r.due_date}, ${r.amount}, ${r.status}, ${r.note})`.execute(db);
    }
  }
}

/** Instalments by id whose contract passes `visible` (a condition on the alias `contracts`), with the contract's account and currency. */
export async function instalmentsWithContract(db: Tx, ids: number[], visible: RawBuilder<boolean>): Promise<(InstalmentRow & { account_id: number | null; currency: string | null })[]> {
  if (!ids.length) return [];
  const { rows } = await sql<InstalmentRow & { account_id: number | null; currency: string | null }>`
    SELECT i.id, i.contract_id, i.sequence, i.due_date, i.amount::text AS amount, i.paid_amount::text AS paid_amount, i.status, i.note,
           i.invoiced_quantity::text AS invoiced_quantity, contracts.account_id, contracts.currency
    FROM contract_instalments i JOIN contracts ON contracts.id = i.contract_id
    WHERE i.id = ANY(${ids}::bigint[]) AND ${visible}`.execute(db);
  return rows.map((r) => ({ ...r, id: Number(r.id), contract_id: Number(r.contract_id), account_id: r.account_id === null ? null : Number(r.account_id) }));
}

/** Locks instalments by id (payment allocations, invoices) and answers them. */
export async function lockInstalments(db: Tx, ids: number[]): Promise<InstalmentRow[]> {
  if (!ids.length) return [];
  const { rows } = await sql<InstalmentRow>`
    SELECT id, contract_id, sequence, due_date, amount::text AS amount, paid_amount::text AS paid_amount, status, note, invoiced_quantity::text AS invoiced_quantity
    FROM contract_instalments WHERE id = ANY(${ids}::bigint[]) ORDER BY id FOR UPDATE`.execute(db);
  return rows.map((r) => ({ ...r, id: Number(r.id), contract_id: Number(r.contract_id) }));
}

export async function setPaid(db: Tx, id: number, paid: string, status: string): Promise<void> {
  await sql`UPDATE contract_instalments SET paid_amount = ${paid}, status = ${status}, updated_at = now() WHERE id = ${id}`.execute(db);
}

export async function setInvoiced(db: Tx, id: number, quantity: string): Promise<void> {
  await sql`UPDATE contract_instalments SET invoiced_quantity = ${quantity}, updated_at = now() WHERE id = ${id}`.execute(db);
}

/** The daily job: unpaid instalments past their due date become overdue. */
export async function markOverdue(db: Tx, today: string): Promise<number> {
  const r = await sql`UPDATE contract_instalments SET status = 'overdue', updated_at = now()
    WHERE due_date < ${today}::date AND paid_amount < amount AND status <> 'overdue'`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

/** Active contracts inside their notice window with no renewal task for this period yet, locked (others skip them). */
export async function contractsInNotice(db: Tx, today: string, limit: number): Promise<Row[]> {
  const { rows } = await sql<Row>`
    SELECT c.id, c.number, c.name, c.owner_id, c.account_id, c.contact_id, c.end_date, u.locale
    FROM contracts c LEFT JOIN users u ON u.id = c.owner_id
    WHERE c.status = 'active' AND c.owner_id IS NOT NULL AND c.end_date IS NOT NULL AND c.end_date >= ${today}::date
      AND c.end_date - coalesce(c.notice_days, 30) <= ${today}::date
      AND NOT EXISTS (SELECT 1 FROM contract_renewal_tasks r WHERE r.contract_id = c.id AND r.period_end = c.end_date)
    ORDER BY c.end_date, c.id LIMIT ${limit} FOR UPDATE OF c SKIP LOCKED`.execute(db);
  return rows;
}

/** Claims a period's renewal task; false when it was claimed already. */
export async function claimRenewal(db: Tx, contractId: number, periodEnd: string): Promise<boolean> {
  const { rows } = await sql`INSERT INTO contract_renewal_tasks (contract_id, period_end) VALUES (${contractId}, ${periodEnd})
    ON CONFLICT DO NOTHING RETURNING contract_id`.execute(db);
  return rows.length > 0;
}

export async function setRenewalTask(db: Tx, contractId: number, periodEnd: string, taskId: number): Promise<void> {
  await sql`UPDATE contract_renewal_tasks SET task_id = ${taskId} WHERE contract_id = ${contractId} AND period_end = ${periodEnd}`.execute(db);
}

/**
 * Active contracts past their end date, locked: `auto` true → those renewing automatically (with a
 * term to renew by), false → those that expire.
 */
export async function contractsPastEnd(db: Tx, today: string, auto: boolean, limit: number): Promise<Row[]> {
  const renews = sql<boolean>`(auto_renew AND coalesce(renewal_term_months, 0) > 0)`;
  const { rows } = await sql<Row>`
    SELECT * FROM contracts WHERE status = 'active' AND end_date < ${today}::date AND ${auto ? renews : sql`NOT ${renews}`}
    ORDER BY end_date, id LIMIT ${limit} FOR UPDATE SKIP LOCKED`.execute(db);
  return rows;
}

export async function extendTerm(db: Tx, c: Row, newEnd: string): Promise<Row> {
  await sql`INSERT INTO contract_terms (contract_id, start_date, end_date, new_end_date) VALUES (${c.id}, ${c.start_date}, ${c.end_date}, ${newEnd})`.execute(db);
  const { rows } = await sql<Row>`UPDATE contracts SET end_date = ${newEnd}, updated_at = now() WHERE id = ${c.id} RETURNING *`.execute(db);
  return rows[0]!;
}

export async function setExpired(db: Tx, id: number): Promise<Row> {
  const { rows } = await sql<Row>`UPDATE contracts SET status = 'expired', updated_at = now() WHERE id = ${id} RETURNING *`.execute(db);
  return rows[0]!;
}

export async function selectTerms(db: Tx, contractId: number): Promise<{ start_date: string | null; end_date: string; new_end_date: string; renewed_at: Date }[]> {
  const { rows } = await sql<{ start_date: string | null; end_date: string; new_end_date: string; renewed_at: Date }>`
    SELECT start_date, end_date, new_end_date, renewed_at FROM contract_terms WHERE contract_id = ${contractId} ORDER BY id`.execute(db);
  return rows;
}

/** Instalments of the contract that took payments or were invoiced (a delete would orphan them). */
export async function moneyMoved(db: Tx, contractId: number): Promise<boolean> {
  const { rows } = await sql`SELECT 1 FROM contract_instalments WHERE contract_id = ${contractId} AND (paid_amount <> 0 OR invoiced_quantity <> 0) LIMIT 1`.execute(db);
  return rows.length > 0;
}

/** Instalments of visible contracts due in [from, to] and not paid (the home widget). */
export async function instalmentsDue(db: Tx, from: string, to: string, visible: RawBuilder<boolean>, limit: number): Promise<Row[]> {
  const { rows } = await sql<Row>`
    SELECT i.id, i.contract_id, i.sequence, i.due_date, contracts.number FROM contract_instalments i JOIN contracts ON contracts.id = i.contract_id
    WHERE i.due_date BETWEEN ${from}::date AND ${to}::date AND i.paid_amount < i.amount AND ${visible}
    ORDER BY i.due_date, i.id LIMIT ${limit}`.execute(db);
  return rows;
}
