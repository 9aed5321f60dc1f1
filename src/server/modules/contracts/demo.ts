import { sql } from 'kysely';
import type { Actor } from '../../core/access.ts';
import type { DemoContext, DemoCounts } from '../../seed/context.ts';
import { day, daysBefore, happenedAt } from '../../seed/clock.ts';
import { getObject } from '../../records/registry.ts';
import { createRecord } from '../../records/service.ts';
import { generatePlan } from './contracts.plan.ts';

// The demo's contracts: each won renewal becomes a one-year subscription contract of its owner,
// active from the day it was won, its value paid in four quarterly instalments (the receivable
// plan, POST /contracts/{id}/plan/generate), so the first instalments fall due in the quarter.

interface Renewed { id: number; owner_id: number; account_id: number; amount: string; currency: string; name: string; closed_at: Date }

export async function contractsDemo(ctx: DemoContext): Promise<DemoCounts> {
  const def = getObject('contracts');
  const team = new Map<number, Actor>([...ctx.reps, ctx.manager].map((a) => [a.id, a]));
  const won = (await sql<Renewed>`SELECT o.id::int AS id, o.owner_id::int AS owner_id, o.account_id::int AS account_id, o.amount::text AS amount, o.currency, o.name, o.closed_at
    FROM opportunities o JOIN pipelines p ON p.id = o.pipeline_id WHERE p.name = '老客户续约' AND o.stage_category = 'won' AND o.amount > 0 ORDER BY o.closed_at, o.id`.execute(ctx.db)).rows;
  let contracts = 0;
  for (const w of won) {
    const owner = team.get(w.owner_id);
    if (!owner) continue;
    const start = new Date(w.closed_at);
    await happenedAt(ctx.db, start, async () => {
      const c = await createRecord(ctx.db, def, owner, {
        name: w.name.replace(/^续约：/, '年度服务合同：'), account_id: w.account_id, owner_id: owner.id, type: 'subscription', status: 'active',
        start_date: day(start), end_date: day(daysBefore(start, -364)), auto_renew: true, renewal_term_months: 12, notice_days: 30,
        value: w.amount, currency: w.currency, signed_by_customer_at: day(start), signed_by_us_at: day(start),
      });
      await generatePlan(ctx.db, owner, Number(c.id), { count: 4, first_due_date: day(daysBefore(start, -15)), every_months: 3 });
      return c;
    }, (r) => [{ table: 'contracts', id: Number(r.id), columns: ['created_at', 'updated_at'] }]);
    contracts++;
  }
  return { contracts };
}
