import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { canReadField, requireDo, visibilityCondition, type Actor } from '../../core/access.ts';
import { getObject } from '../../records/registry.ts';
import { orgZone } from '../../core/org-time.ts';
import { parsePeriod, quarterOf, weekStart } from './forecasts.period.ts';
import { forecastSums, scopeCondition, type Scope, type Sums } from './forecasts.sums.ts';

// Weekly snapshots: a daily job stores the current quarter's per-rep figures once per week (the
// row of a period, week and rep is written by the first run of the week and never changed), so
// the page shows how commit moved week over week even after deals moved on.

export const SNAPSHOT_JOB = 'forecasts.weekly_snapshot';
/** Daily at 02:30 UTC; the week's first run writes, the others find the rows there and add nothing. */
export const SNAPSHOT_CRON = '30 2 * * *';

/** `sums`: the figures to store (the demo's past weeks, read "as of" that week); by default the current ones. */
export async function takeSnapshot(db: Kysely<DB>, now = new Date(), periodKey?: string, sums?: Sums[]): Promise<number> {
  // The quarter and week are the organisation's (settings time_zone), not UTC's.
  const zone = await orgZone(db);
  const period = parsePeriod(periodKey ?? quarterOf(now, zone));
  const week = weekStart(now, zone);
  sums ??= await forecastSums(db, period, sql<boolean>`true`, {});
  if (!sums.length) return 0;
  const r = await sql`INSERT INTO forecast_snapshots (period, week_start, user_id, pipeline, best_case, commit, won, weighted)
    VALUES ${sql.join(sums.map((s) => sql`(${period.key}, ${week}::date, ${s.user_id}, ${s.pipeline}, ${s.best_case}, ${s.commit}, ${s.won}, ${s.weighted})`))}
    ON CONFLICT (period, week_start, user_id) DO NOTHING`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

/** GET /forecasts/trend: per week, the snapshots' sums over the reps the viewer may see (amounts hidden by a field rule: refused). */
export async function forecastTrend(db: Kysely<DB>, actor: Actor, q: { period: string } & Scope) {
  const def = getObject('opportunities');
  requireDo(actor, def, 'list');
  const period = parsePeriod(q.period);
  const money = canReadField(actor, def.name, 'amount') && canReadField(actor, def.name, 'amount_org');
  const weighted = money && canReadField(actor, def.name, 'probability');
  const r = await sql<{ week_start: string; pipeline: number; best_case: number; commit: number; won: number; weighted: number; reps: number }>`SELECT to_char(fs.week_start, 'YYYY-MM-DD') AS week_start,
      sum(fs.pipeline)::float8 AS pipeline, sum(fs.best_case)::float8 AS best_case, sum(fs.commit)::float8 AS commit,
      sum(fs.won)::float8 AS won, sum(fs.weighted)::float8 AS weighted, count(*)::int AS reps
    FROM forecast_snapshots fs
    WHERE fs.period = ${period.key} AND ${visibilityCondition(actor, def.name, sql.ref('fs.user_id'))}
      AND ${scopeCondition({ user: q.user, team: q.team }, sql.ref('fs.user_id'))}
    GROUP BY fs.week_start ORDER BY fs.week_start`.execute(db);
  const weeks = r.rows.map((w) => money ? { ...w, weighted: weighted ? w.weighted : null }
    : { week_start: w.week_start, reps: w.reps, pipeline: null, best_case: null, commit: null, won: null, weighted: null });
  return { period: period.key, amounts_visible: money, weeks };
}
