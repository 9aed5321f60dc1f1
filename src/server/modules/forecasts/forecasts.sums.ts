import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { dayStartUtc, orgZone } from '../../core/org-time.ts';
import type { Period } from './forecasts.period.ts';

// The one statement behind a forecast: per owner, the opportunities closing in the period summed
// in the organisation currency (amount_org) by forecast category — the opportunity's own category
// if it overrides the stage's, else the stage's; never the stage's name. Won is the stage
// category 'won', counted by the date it was won; omitted and lost count nowhere. Each opportunity has one owner, so the rows add
// up to team and total figures without counting anything twice.

export interface Scope { user?: number; team?: number; territory?: number }
export interface Sums { user_id: number; pipeline: number; best_case: number; commit: number; won: number; weighted: number; open_count: number; won_count: number }
export const CATEGORIES = ['pipeline', 'best_case', 'commit'] as const;

/** The SQL condition of a scope on an owner column (and, for a territory, the opportunity's account). */
export function scopeCondition(s: Scope, owner: RawBuilder<unknown>, account?: RawBuilder<unknown>): RawBuilder<boolean> {
  const parts: RawBuilder<boolean>[] = [];
  if (s.user) parts.push(sql<boolean>`${owner} = ${s.user}`);
  if (s.team) parts.push(sql<boolean>`${owner} IN (SELECT u.id FROM users u WHERE u.team_id = ${s.team})`);
  if (s.territory && account) {
    parts.push(sql<boolean>`${account} IN (SELECT a.id FROM accounts a JOIN territory_closure c ON c.descendant_id = a.territory_id WHERE c.ancestor_id = ${s.territory})`);
  }
  return parts.length ? sql<boolean>`(${sql.join(parts, sql` AND `)})` : sql<boolean>`true`;
}

/**
 * The statement alone (the plan test EXPLAINs it). Open deals count in the period of their expected
 * close date, a range over opportunities_forecast_idx; won deals in the period they were won
 * (closed_at, which the opportunity service sets on entering a won stage), a range over
 * opportunities_won_idx, like the sales reports' won figures. A won deal's period is the
 * organisation's (settings time_zone): `won` is the period's [start, end) as instants there,
 * which the answer also gives for the drill-down (wonBounds).
 */
export function forecastQuery(p: Period, visible: RawBuilder<boolean>, scope: Scope, won = wonBounds(p, 'UTC')): RawBuilder<Sums> {
  const inScope = sql`o.owner_id IS NOT NULL AND ${visible} AND ${scopeCondition(scope, sql.ref('o.owner_id'), sql.ref('o.account_id'))}`;
  const open = sql`d.won = false AND d.fc <> 'omitted'`;
  const sum = (cond: RawBuilder<unknown>) => sql`round(coalesce(sum(d.amount_org) FILTER (WHERE ${cond}), 0), 2)::float8`;
  return sql<Sums>`SELECT d.owner_id::int AS user_id,
      ${sum(sql`d.won = false AND d.fc = 'pipeline'`)} AS pipeline,
      ${sum(sql`d.won = false AND d.fc = 'best_case'`)} AS best_case,
      ${sum(sql`d.won = false AND d.fc = 'commit'`)} AS commit,
      ${sum(sql`d.won`)} AS won,
      round(coalesce(sum(d.amount_org * d.probability / 100.0) FILTER (WHERE ${open}), 0), 2)::float8 AS weighted,
      (count(*) FILTER (WHERE ${open}))::int AS open_count,
      (count(*) FILTER (WHERE d.won))::int AS won_count
    FROM (
      SELECT o.owner_id, o.amount_org, o.probability, coalesce(o.forecast_category, s.forecast_category) AS fc, false AS won
        FROM opportunities o JOIN pipeline_stages s ON s.id = o.stage_id
        WHERE o.expected_close_date >= ${p.start}::date AND o.expected_close_date < ${p.end}::date AND o.stage_category = 'open' AND ${inScope}
      UNION ALL
      SELECT o.owner_id, o.amount_org, o.probability, 'closed', true
        FROM opportunities o
        WHERE o.stage_category = 'won' AND o.closed_at >= ${won.start}::timestamptz AND o.closed_at < ${won.end}::timestamptz AND ${inScope}
    ) d
    GROUP BY d.owner_id`;
}

/** The instants [start, end) of a period's local days in the zone (its end date is exclusive). */
export const wonBounds = (p: Period, zone: string) => ({ start: dayStartUtc(zone, p.start), end: dayStartUtc(zone, p.end) });

export async function forecastSums(db: Kysely<DB>, p: Period, visible: RawBuilder<boolean>, scope: Scope): Promise<Sums[]> {
  return (await forecastQuery(p, visible, scope, wonBounds(p, await orgZone(db))).execute(db)).rows;
}
