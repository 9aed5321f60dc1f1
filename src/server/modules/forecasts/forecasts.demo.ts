import { sql } from 'kysely';
import type { DemoContext, DemoCounts } from '../../seed/context.ts';
import { parsePeriod, quarterOf } from './forecasts.period.ts';
import { takeSnapshot } from './forecasts.snapshots.ts';

// The forecasts part of `guanxi seed demo`: quotas for the demo reps and their team for the demo
// quarter, and the snapshots of the last three weeks (from the opportunities the opportunities
// demo wrote; with none, quotas only).
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
  for (const weeksAgo of [2, 1, 0]) snapshots += await takeSnapshot(ctx.db, new Date(ctx.now.getTime() - weeksAgo * 7 * 86_400_000), p.key);
  return { quotas: owners.length, 'forecast snapshots': snapshots };
}
