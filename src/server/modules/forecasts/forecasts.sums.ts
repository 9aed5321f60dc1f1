import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Period } from './forecasts.period.ts';

// The one statement behind a forecast: per owner, the opportunities closing in the period summed
// in the organisation currency (amount_org) by forecast category — the opportunity's own category
// if it overrides the stage's, else the stage's; never the stage's name. Won is the stage
// category 'won'; omitted and lost count nowhere. Each opportunity has one owner, so the rows add
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

/** The statement alone (the plan test EXPLAINs it): a range over opportunities_forecast_idx. */
export function forecastQuery(p: Period, visible: RawBuilder<boolean>, scope: Scope): RawBuilder<Sums> {
  const open = sql`o.stage_category = 'open' AND f.fc <> 'omitted'`;
  const sum = (cond: RawBuilder<unknown>) => sql`round(coalesce(sum(o.amount_org) FILTER (WHERE ${cond}), 0), 2)::float8`;
  return sql<Sums>`SELECT o.owner_id::int AS user_id,
      ${sum(sql`o.stage_category = 'open' AND f.fc = 'pipeline'`)} AS pipeline,
      ${sum(sql`o.stage_category = 'open' AND f.fc = 'best_case'`)} AS best_case,
      ${sum(sql`o.stage_category = 'open' AND f.fc = 'commit'`)} AS commit,
      ${sum(sql`o.stage_category = 'won'`)} AS won,
      round(coalesce(sum(o.amount_org * o.probability / 100.0) FILTER (WHERE ${open}), 0), 2)::float8 AS weighted,
      (count(*) FILTER (WHERE ${open}))::int AS open_count,
      (count(*) FILTER (WHERE o.stage_category = 'won'))::int AS won_count
    FROM opportunities o
    JOIN pipeline_stages s ON s.id = o.stage_id
    CROSS JOIN LATERAL (SELECT coalesce(o.forecast_category, s.forecast_category) AS fc) f
    WHERE o.owner_id IS NOT NULL AND o.expected_close_date >= ${p.start}::date AND o.expected_close_date < ${p.end}::date
      AND ${visible} AND ${scopeCondition(scope, sql.ref('o.owner_id'), sql.ref('o.account_id'))}
    GROUP BY o.owner_id`;
}

export async function forecastSums(db: Kysely<DB>, p: Period, visible: RawBuilder<boolean>, scope: Scope): Promise<Sums[]> {
  return (await forecastQuery(p, visible, scope).execute(db)).rows;
}
