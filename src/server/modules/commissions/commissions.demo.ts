import type { DemoContext, DemoCounts } from '../../seed/context.ts';
import { createRule } from './rules.service.ts';
import { generateStatement } from './generate.service.ts';

// The demo's part (guanxi seed demo): one marginal rule on invoiced amounts for the demo team
// and a draft statement per rep for the demo quarter. Run after the sales modules' steps, the
// statements hold whatever invoices they seeded; without any, the rule and empty drafts remain.
export async function commissionsDemo(ctx: DemoContext): Promise<DemoCounts> {
  await createRule(ctx.db, ctx.admin, {
    name: 'Team plan 3 % / 5 % above 100k', basis: 'invoiced', tier_mode: 'marginal', team_ids: [ctx.teamId], clawback_days: 90,
    tiers: [{ from: '0', rate: '3' }, { from: '100000', rate: '5' }],
  });
  const date = ctx.now.toISOString().slice(0, 10);
  for (const rep of ctx.reps) await generateStatement(ctx.db, ctx.manager, { user_id: rep.id, period_kind: 'quarter', period_date: date });
  return { 'commission rules': 1, 'commission statements': ctx.reps.length };
}
