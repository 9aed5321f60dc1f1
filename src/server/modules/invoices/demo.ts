import { sql } from 'kysely';
import type { Actor } from '../../core/access.ts';
import type { DemoContext, DemoCounts } from '../../seed/context.ts';
import { day, daysBefore, happenedAt } from '../../seed/clock.ts';
import { getObject } from '../../records/registry.ts';
import { createRecord, updateRecord } from '../../records/service.ts';
import { putLines } from '../../records/line-items.ts';
import { invoiceFromSource } from './invoices.create.ts';
import { issueInvoice } from './invoices.service.ts';
import { addCollection } from './collections.service.ts';

// The demo's receivables: every delivered order invoiced by its owner on the day of delivery
// (POST /invoices/from/orders/{id}, then issue with that date), with terms of 30, 15, 7 or 0
// days so the due dates spread over the ageing buckets, and three unpaid invoices carried over
// from earlier (issued 80, 110 and 125 days ago) so the older buckets are not empty. The payments
// demo then pays some in full and some in part; the oldest overdue one gets a promise to pay.

const TERMS = [30, 15, 7, 0];

interface Delivered { id: number; owner_id: number; account_id: number; updated_at: Date }

export async function invoicesDemo(ctx: DemoContext): Promise<DemoCounts> {
  const def = getObject('invoices');
  const team = new Map<number, Actor>([...ctx.reps, ctx.manager].map((a) => [a.id, a]));
  const orders = (await sql<Delivered>`SELECT id::int AS id, owner_id::int AS owner_id, account_id::int AS account_id, updated_at FROM orders
    WHERE status = 'fulfilled' ORDER BY updated_at, id`.execute(ctx.db)).rows;
  let invoices = 0;
  for (const [i, o] of orders.entries()) {
    const owner = team.get(o.owner_id);
    if (!owner) continue;
    const issued = new Date(o.updated_at);
    await happenedAt(ctx.db, issued, async () => {
      const draft = await invoiceFromSource(ctx.db, owner, 'orders', o.id, {});
      await updateRecord(ctx.db, def, owner, Number(draft.id), { payment_terms_days: TERMS[i % TERMS.length] });
      return issueInvoice(ctx.db, owner, Number(draft.id), { issue_date: day(issued) });
    }, (r) => [{ table: 'invoices', id: Number(r.id), columns: ['created_at', 'updated_at'] }]);
    invoices++;
  }
  // Carried over from earlier: service work billed by hand 80, 110 and 125 days ago, still
  // unpaid (late by about 50, 80 and 95 days), the oldest with a promise to pay.
  const accountId = orders[0]?.account_id ?? ctx.accountIds[0];
  for (const [k, daysAgo] of (accountId ? [125, 110, 80] : []).entries()) {
    const issued = daysBefore(ctx.now, daysAgo);
    const old = await happenedAt(ctx.db, issued, async () => {
      const draft = await createRecord(ctx.db, def, ctx.manager, { account_id: ctx.accountIds[k % ctx.accountIds.length] ?? accountId, subject: '往期现场服务费', payment_terms_days: 30, owner_id: ctx.manager.id });
      await putLines(ctx.db, def, ctx.manager, Number(draft.id), { version: Number(draft.version), lines: [{ description: '现场安装调试（往期）', quantity: String(2 + k), unit_price: '3000.00', tax_rate: '6' }] });
      return issueInvoice(ctx.db, ctx.manager, Number(draft.id), { issue_date: day(issued) });
    }, (r) => [{ table: 'invoices', id: Number(r.id), columns: ['created_at', 'updated_at'] }]);
    invoices++;
    if (k === 0) {
      await addCollection(ctx.db, ctx.manager, Number(old.id), {
        action_date: day(daysBefore(ctx.now, 2)), kind: 'call', note: '财务确认下周安排付款', promise_to_pay_date: day(daysBefore(ctx.now, -7)), promised_amount: String(old.amount_due),
      });
    }
  }
  return { invoices };
}
