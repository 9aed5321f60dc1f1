import { sql } from 'kysely';
import type { Actor } from '../../core/access.ts';
import type { DemoContext, DemoCounts } from '../../seed/context.ts';
import { day, daysBefore, happenedAt } from '../../seed/clock.ts';
import { Money } from '../../../shared/money.ts';
import { recordPayment } from './allocations.service.ts';

// The demo's incoming money: bank transfers, Alipay and WeChat Pay recorded by the invoices'
// owners (POST /payments/record: the payment and its allocation in one step), so amounts due
// follow from the allocations. Invoices not yet due or at most 30 days late are mostly paid
// (every second one in full, every third in part); older ones stay open or partly paid, so the
// ageing report has something in every bucket. The carried-over invoice stays unpaid.

const METHODS = ['bank_transfer', 'alipay', 'wechat_pay'] as const;

interface Open { id: number; owner_id: number; gross_total: string; issue_date: string; late: number }

export async function paymentsDemo(ctx: DemoContext): Promise<DemoCounts> {
  const team = new Map<number, Actor>([...ctx.reps, ctx.manager].map((a) => [a.id, a]));
  const open = (await sql<Open>`SELECT id::int AS id, owner_id::int AS owner_id, gross_total::text AS gross_total, to_char(issue_date, 'YYYY-MM-DD') AS issue_date,
      (${day(ctx.now)}::date - due_date)::int AS late FROM invoices WHERE status = 'issued' AND kind = 'invoice' AND source_object = 'orders' ORDER BY id`.execute(ctx.db)).rows;
  let payments = 0;
  for (const [i, inv] of open.entries()) {
    const owner = team.get(inv.owner_id);
    if (!owner) continue;
    const share = inv.late <= 30 ? (i % 2 === 0 ? '1' : i % 3 === 0 ? '0.4' : null) : i % 3 === 0 ? '0.5' : null;
    if (!share) continue;
    const issued = new Date(`${inv.issue_date}T09:00:00Z`);
    const received = daysBefore(issued, -Math.min(10, Math.max(0, Math.floor((ctx.now.getTime() - issued.getTime()) / 86_400_000) - 1)));
    const amount = new Money(inv.gross_total).times(share).toFixed(2);
    await happenedAt(ctx.db, received, () => recordPayment(ctx.db, owner, {
      invoice_id: inv.id, amount, method: METHODS[i % METHODS.length]!, received_on: day(received), reference: `DEMO-${inv.id}`,
    }), (r) => [{ table: 'payments', id: Number(r.id), columns: ['created_at', 'updated_at'] }]);
    payments++;
  }
  return { payments };
}
