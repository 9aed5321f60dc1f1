import { sql } from 'kysely';
import { registerCreditExposure, registerOverdue, registerPaymentTarget } from '../../core/billing.ts';
import { visibilityCondition } from '../../core/access.ts';
import { orgToday } from '../../core/org-time.ts';
import { getObject } from '../../records/registry.ts';
import { currencySql, orgCurrency } from '../../records/money.ts';
import { orgRateSql, orgTotal } from '../../records/totals.ts';
import { minorDigits, parseMoney } from '../../../shared/money.ts';
import type { Tx } from '../../records/types.ts';
import { lockInvoices } from './invoices.repo.ts';
import { recordChange, settled } from './invoices.service.ts';

// What the invoices module tells the rest of the sales modules through core/billing.ts: its part
// of an account's credit exposure (what is still due on issued invoices) and the 'invoice' kind
// of payment target, so modules/payments allocates to invoices without importing this module.

const OPEN = sql`i.kind = 'invoice' AND i.status IN ('issued', 'partially_paid')`;

/** Open amounts due of an account in the organisation currency (rates of today); refuses a currency without a rate. */
export async function unpaidInvoices(db: Tx, accountId: number): Promise<string> {
  const cur = currencySql(getObject('invoices'), 'i');
  const { total, org } = await orgTotal(db, sql`SELECT i.amount_due AS v, ${cur} AS cur, ${orgRateSql(cur)} AS rate FROM invoices i
    WHERE i.account_id = ${accountId} AND ${OPEN} AND i.amount_due > 0`);
  return parseMoney(total ?? 0)!.toFixed(minorDigits(org));
}

/**
 * Whether the account has an invoice more than `days` days past its due date on `on` (a credit
 * check's overdue tolerance; orders may call it through its own seam when one exists).
 */
export async function hasInvoicesOverdue(db: Tx, accountId: number, days: number, on?: string): Promise<boolean> {
  const day = sql`${on ?? (await orgToday(db))}::date`;
  const { rows } = await sql`SELECT 1 FROM invoices i WHERE i.account_id = ${accountId} AND ${OPEN} AND i.amount_due > 0
    AND i.due_date < ${day} - ${Math.max(0, Math.trunc(days))}::int LIMIT 1`.execute(db);
  return rows.length > 0;
}

registerCreditExposure('invoices', unpaidInvoices);
// The orders' credit check holds an account with invoices overdue beyond its tolerance.
registerOverdue('invoices', (db, accountId, days) => hasInvoicesOverdue(db, accountId, days));

registerPaymentTarget({
  kind: 'invoice',
  // Locks the invoices (id order) so concurrent allocations to one invoice wait for each other
  // and each sees what the other took. Only issued invoices take payments: others are open 0.
  async open(db, actor, ids) {
    const vis = visibilityCondition(actor, 'invoices', sql.ref('invoices.owner_id'));
    const visible = new Set((await sql<{ id: number }>`SELECT id FROM invoices WHERE id = ANY(${sql.val(ids)}::bigint[]) AND ${vis}`.execute(db)).rows.map((r) => Number(r.id)));
    const rows = await lockInvoices(db, [...visible]);
    const org = await orgCurrency(db);
    return new Map(rows.map((r) => [Number(r.id), {
      account_id: r.account_id === null ? null : Number(r.account_id),
      currency: r.currency || org,
      open: r.kind === 'invoice' && ['issued', 'partially_paid', 'paid'].includes(r.status) ? parseMoney(r.amount_due)!.toString() : '0',
    }]));
  },
  async allocated(db, totals) {
    const rows = await lockInvoices(db, totals.map((t) => t.id));
    for (const r of rows) {
      const paid = parseMoney(totals.find((t) => t.id === Number(r.id))!.paid)!;
      if (paid.eq(parseMoney(r.amount_paid)!)) continue;
      await recordChange(db, null, r, settled(r, paid, parseMoney(r.amount_credited)!), 'payment_allocated');
    }
  },
});
