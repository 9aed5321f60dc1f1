import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../records/types.ts';
import type { Period } from './reports.scope.ts';

// The sales reports' statements, each computed by the database over the opportunities (alias o)
// the caller may see (`cond`, reports.scope.ts). Money is opportunities.amount_org: the amount in
// the organisation currency at the rate frozen when it was written.

export interface StageRow { stage_id: number; name: string; category: string; probability: number; count: number; amount: string; weighted: string }

/** Pipeline by stage: the opportunities of each stage expected to close in the period. */
export async function pipelineByStage(db: Tx, pipelineId: number, period: Period, cond: RawBuilder<boolean>): Promise<StageRow[]> {
  const { rows } = await sql<StageRow>`
    SELECT s.id::int AS stage_id, s.name, s.category, s.probability, count(o.id)::int AS count,
      coalesce(sum(o.amount_org), 0)::numeric(19, 2)::text AS amount, coalesce(sum(round(o.amount_org * o.probability / 100.0, 2)), 0)::numeric(19, 2)::text AS weighted
    FROM pipeline_stages s
    LEFT JOIN opportunities o ON o.stage_id = s.id AND o.expected_close_date BETWEEN ${period.from}::date AND ${period.to}::date AND ${cond}
    WHERE s.pipeline_id = ${pipelineId}
    GROUP BY s.id, s.name, s.category, s.probability, s.position ORDER BY s.position, s.id`.execute(db);
  return rows;
}

/**
 * The opportunities created in the period with the furthest stage (position) each reached: every
 * stage the history says it entered and its current one, lost stages aside. Reaching a stage
 * counts as having passed the ones before it (a deal may skip stages).
 */
function reachedCte(pipelineId: number, period: Period, cond: RawBuilder<boolean>) {
  return sql`c AS (
      SELECT o.id, o.stage_id FROM opportunities o
      WHERE o.pipeline_id = ${pipelineId} AND o.created_at >= ${period.start}::timestamptz AND o.created_at < ${period.end}::timestamptz AND ${cond}
    ), best AS (
      SELECT e.id, max(s.position) AS top FROM (
        SELECT c.id, h.to_stage_id AS stage_id FROM c JOIN opportunity_history h ON h.opportunity_id = c.id
        UNION ALL SELECT c.id, c.stage_id FROM c
      ) e JOIN pipeline_stages s ON s.id = e.stage_id AND s.pipeline_id = ${pipelineId} AND s.category <> 'lost'
      GROUP BY e.id
    )`;
}

export interface FunnelRow { stage_id: number; name: string; category: string; reached: number; created: number }

export async function funnel(db: Tx, pipelineId: number, period: Period, cond: RawBuilder<boolean>): Promise<FunnelRow[]> {
  const { rows } = await sql<FunnelRow>`
    WITH ${reachedCte(pipelineId, period, cond)}
    SELECT s.id::int AS stage_id, s.name, s.category, (SELECT count(*) FROM best WHERE best.top >= s.position)::int AS reached, (SELECT count(*) FROM c)::int AS created
    FROM pipeline_stages s WHERE s.pipeline_id = ${pipelineId} AND s.category <> 'lost' ORDER BY s.position, s.id`.execute(db);
  return rows;
}

export interface RecordRow { id: number; name: string; stage_name: string; owner_id: number | null; closed_at: Date | string | null; amount: string | null }

const recordColumns = sql`o.id::int AS id, o.name, o.stage_name, o.owner_id::int AS owner_id, o.closed_at, o.amount_org::text AS amount`;

/** The opportunities behind a funnel stage's figure, newest first (keyset on id). */
export async function funnelRecords(db: Tx, pipelineId: number, stageId: number, period: Period, cond: RawBuilder<boolean>, before: number, limit: number): Promise<RecordRow[]> {
  const { rows } = await sql<RecordRow>`
    WITH ${reachedCte(pipelineId, period, cond)}
    SELECT ${recordColumns} FROM best JOIN opportunities o ON o.id = best.id
    WHERE best.top >= (SELECT position FROM pipeline_stages WHERE id = ${stageId} AND pipeline_id = ${pipelineId} AND category <> 'lost') AND o.id < ${before}
    ORDER BY o.id DESC LIMIT ${limit + 1}`.execute(db);
  return rows;
}

/** The won and lost opportunities closed in the period (alias o), the key they are grouped by as `k`. */
const closedIn = (period: Period, cond: RawBuilder<boolean>, categories: string[]) =>
  sql`o.stage_category IN (${sql.join(categories)}) AND o.closed_at >= ${period.start}::timestamptz AND o.closed_at < ${period.end}::timestamptz AND ${cond}`;

/** The first local day of the month / quarter an instant falls in, in the organisation's zone. */
export const periodKey = (interval: 'month' | 'quarter', zone: string, column = sql.ref('o.closed_at')) =>
  sql<string>`to_char(date_trunc(${interval}, ${column} AT TIME ZONE ${zone}), 'YYYY-MM-DD')`;

export interface WinRow { total: boolean; k: string | null; won: number; lost: number; win_rate: number | null; avg_cycle_days: number | null; avg_deal_size: string | null }

/** Win rate, average sales cycle (created → won, days) and average won deal per key, and over all. */
export async function winRate(db: Tx, key: RawBuilder<string>, period: Period, cond: RawBuilder<boolean>): Promise<WinRow[]> {
  const { rows } = await sql<WinRow>`
    WITH c AS (SELECT ${key} AS k, o.stage_category, o.created_at, o.closed_at, o.amount_org FROM opportunities o WHERE ${closedIn(period, cond, ['won', 'lost'])})
    SELECT GROUPING(k) = 1 AS total, k, count(*) FILTER (WHERE stage_category = 'won')::int AS won, count(*) FILTER (WHERE stage_category = 'lost')::int AS lost,
      round(count(*) FILTER (WHERE stage_category = 'won')::numeric / nullif(count(*), 0), 4)::float8 AS win_rate,
      round((avg(extract(epoch FROM closed_at - created_at)) FILTER (WHERE stage_category = 'won') / 86400)::numeric, 1)::float8 AS avg_cycle_days,
      round(avg(amount_org) FILTER (WHERE stage_category = 'won'), 2)::numeric(19, 2)::text AS avg_deal_size
    FROM c GROUP BY GROUPING SETS ((k), ()) ORDER BY total, k`.execute(db);
  return rows;
}

export interface RevenueRow { total: boolean; k: string | null; deals: number; amount: string }

/**
 * Booked revenue: the won opportunities closed in the period, by key. By product (`lines`), each
 * line's gross at its opportunity's rate, an opportunity without lines as one amount without product.
 */
export async function revenue(db: Tx, key: RawBuilder<string>, period: Period, cond: RawBuilder<boolean>, lines: boolean): Promise<RevenueRow[]> {
  const from = lines
    ? sql`opportunities o LEFT JOIN opportunity_lines l ON l.parent_id = o.id`
    : sql`opportunities o`;
  const value = lines ? sql`CASE WHEN l.id IS NULL THEN o.amount_org ELSE round(l.gross * o.exchange_rate, 2) END` : sql`o.amount_org`;
  const { rows } = await sql<RevenueRow>`
    WITH c AS (SELECT ${key} AS k, o.id, ${value} AS v FROM ${from} LEFT JOIN accounts acc ON acc.id = o.account_id WHERE ${closedIn(period, cond, ['won'])})
    SELECT GROUPING(k) = 1 AS total, k, count(DISTINCT id)::int AS deals, coalesce(sum(v), 0)::numeric(19, 2)::text AS amount
    FROM c GROUP BY GROUPING SETS ((k), ()) ORDER BY total, k`.execute(db);
  return rows;
}

/** The won opportunities behind a revenue figure by product or region (`match` on o, l, acc), newest first. */
export async function revenueRecords(db: Tx, match: RawBuilder<boolean>, lines: boolean, period: Period, cond: RawBuilder<boolean>, before: number, limit: number): Promise<RecordRow[]> {
  const line = lines ? sql`LEFT JOIN opportunity_lines l ON l.parent_id = o.id` : sql``;
  const { rows } = await sql<RecordRow>`
    SELECT DISTINCT ${recordColumns} FROM opportunities o ${line} LEFT JOIN accounts acc ON acc.id = o.account_id
    WHERE ${closedIn(period, cond, ['won'])} AND ${match} AND o.id < ${before}
    ORDER BY id DESC LIMIT ${limit + 1}`.execute(db);
  return rows;
}

export const ACTIVITY_KINDS = ['call', 'visit', 'meeting', 'email'] as const;

export interface ActivityRow { owner_id: number | null; owner_name: string | null; call: number; visit: number; meeting: number; email: number; total: number }

/** Calls, visits, meetings and e-mails per owner over the period, of the activities (alias a) the caller may see. */
export async function activityPerRep(db: Tx, period: Period, cond: RawBuilder<boolean>): Promise<ActivityRow[]> {
  const n = (kind: string) => sql`count(*) FILTER (WHERE a.kind = ${kind})::int`;
  const { rows } = await sql<ActivityRow>`
    SELECT a.owner_id::int AS owner_id, u.name AS owner_name, ${n('call')} AS call, ${n('visit')} AS visit, ${n('meeting')} AS meeting, ${n('email')} AS email, count(*)::int AS total
    FROM activities a LEFT JOIN users u ON u.id = a.owner_id
    WHERE a.kind IN (${sql.join([...ACTIVITY_KINDS])}) AND a.occurred_at >= ${period.start}::timestamptz AND a.occurred_at < ${period.end}::timestamptz AND ${cond}
    GROUP BY a.owner_id, u.name ORDER BY total DESC, a.owner_id`.execute(db);
  return rows;
}
