import { sql } from 'kysely';
import type { DemoContext, DemoCounts } from '../../seed/context.ts';
import { asOfHistory } from '../opportunities/opportunities.as-of.ts';
import { parsePeriod, quarterOf } from './forecasts.period.ts';
import { takeSnapshot } from './forecasts.snapshots.ts';
import { forecastSums } from './forecasts.sums.ts';

/** Weekly snapshots the demo writes: this week's and the 12 before it (the demo's quarter of deals). */
export const DEMO_SNAPSHOT_WEEKS = 13;

// The forecasts part of `guanxi seed demo`: quotas for the demo reps and their team for the demo
// quarter, and one snapshot per week over the last 13 weeks, each of the quarter that week was in
// and holding the pipeline as it was that week: forecasts' own statement read on the opportunities
// rewound to that day from their history (opportunities.as-of.ts), so the trend moves as the
// deals did. With no opportunities, quotas only.
export async function forecastDemo(ctx: DemoContext): Promise<DemoCounts> {
  const p = parsePeriod(quarterOf(ctx.now));
  const repQuotas = ctx.reps.map((r) => ({ type: 'user', id: r.id, amount: 200_000 + Math.round(ctx.rand() * 20) * 10_000 }));
  const owners = [...repQuotas, { type: 'team', id: ctx.teamId, amount: repQuotas.reduce((a, q) => a + q.amount, 0) }];
  for (const q of owners) {
    await sql`INSERT INTO quotas (owner_type, owner_id, period, period_start, period_end, amount, created_by)
      VALUES (${q.type}, ${q.id}, ${p.key}, ${p.start}::date, ${p.end}::date, ${q.amount}, ${ctx.admin.id})
      ON CONFLICT (owner_type, owner_id, period) DO NOTHING`.execute(ctx.db);
  }
  let snapshots = 0;
  for (let weeksAgo = DEMO_SNAPSHOT_WEEKS - 1; weeksAgo >= 0; weeksAgo--) {
    const at = new Date(ctx.now.getTime() - weeksAgo * 7 * 86_400_000);
    const period = parsePeriod(quarterOf(at));
    const sums = weeksAgo === 0 ? undefined : await asOfHistory(ctx.db, at, (trx) => forecastSums(trx as typeof ctx.db, period, sql<boolean>`true`, {}));
    snapshots += await takeSnapshot(ctx.db, at, period.key, sums);
  }
  return { quotas: owners.length, 'forecast snapshots': snapshots };
}
