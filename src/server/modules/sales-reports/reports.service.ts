import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { canDo, canReadField, recordVisibility, requireDo, type Actor } from '../../core/access.ts';
import { forbidden } from '../../http/errors.ts';
import { getObject } from '../../records/registry.ts';
import { orgZone } from '../../core/org-time.ts';
import { activityPerRep, funnel, periodKey, pipelineByStage, revenue, winRate } from './reports.repo.ts';
import { basisKey, basisRevenue, requireBasis, type Basis } from './reports.basis.ts';
import { accountFieldVisible, amountsVisible, ownerAndPlace, bucketEnd, header, periodOf, pipelineOf, requireAmounts, requireOpportunities, scope, type Filters } from './reports.scope.ts';

// The sales reports (issue 13): each answer is one statement over what the caller may see.
// Amounts hidden from the caller's role are left out (null) where the report has other figures,
// and refuse the report where money is all it has (revenue).

type Interval = 'month' | 'quarter';
type Group = 'period' | 'owner' | 'product' | 'region';

export async function pipelineReport(db: Kysely<DB>, actor: Actor, p: Filters) {
  requireOpportunities(actor, ['expected_close_date']);
  const period = periodOf(p, await orgZone(db));
  const pipelineId = await pipelineOf(db, p.pipeline_id);
  const rows = await pipelineByStage(db, pipelineId, period, scope(actor, { ...p, pipeline_id: pipelineId }));
  const money = amountsVisible(actor);
  const sum = (k: 'amount' | 'weighted') => rows.reduce((s, r) => s + Math.round(Number(r[k]) * 100), 0) / 100;
  return {
    ...(await header(db, actor, period)), pipeline_id: pipelineId,
    stages: rows.map((r) => ({ ...r, amount: money ? r.amount : null, weighted: money ? r.weighted : null })),
    totals: { count: rows.reduce((s, r) => s + r.count, 0), amount: money ? sum('amount').toFixed(2) : null, weighted: money ? sum('weighted').toFixed(2) : null },
  };
}

export async function funnelReport(db: Kysely<DB>, actor: Actor, p: Filters) {
  requireOpportunities(actor, ['created_at']);
  const period = periodOf(p, await orgZone(db));
  const pipelineId = await pipelineOf(db, p.pipeline_id);
  const rows = await funnel(db, pipelineId, period, scope(actor, { ...p, pipeline_id: pipelineId }));
  return {
    ...(await header(db, actor, period)), pipeline_id: pipelineId, created: rows[0]?.created ?? 0,
    stages: rows.map((r, i) => {
      const prev = i === 0 ? null : rows[i - 1]!.reached;
      return { stage_id: r.stage_id, name: r.name, category: r.category, reached: r.reached, conversion: prev ? Math.round((r.reached / prev) * 10000) / 10000 : null };
    }),
  };
}

/** A bucket's key, label and (for periods) first and last day. */
function bucket(k: string | null, interval: Interval, isPeriod: boolean, label: (k: string) => string | null = (x) => x || null) {
  const key = k ?? '';
  return { key, label: label(key), start: isPeriod ? key : null, end: isPeriod ? bucketEnd(key, interval) : null };
}

async function ownerNames(db: Kysely<DB>, ids: string[]): Promise<Map<string, string>> {
  const nums = ids.filter(Boolean).map(Number);
  if (!nums.length) return new Map();
  const { rows } = await sql<{ id: number; name: string }>`SELECT id::int AS id, name FROM users WHERE id IN (${sql.join(nums)})`.execute(db);
  return new Map(rows.map((r) => [String(r.id), r.name]));
}

export async function winRateReport(db: Kysely<DB>, actor: Actor, p: Filters & { group: 'period' | 'owner' | 'source'; interval: Interval }) {
  requireOpportunities(actor, ['stage_category', 'closed_at', 'created_at', ...(p.group === 'source' ? ['source'] : [])]);
  const period = periodOf(p, await orgZone(db));
  const key = p.group === 'period' ? periodKey(p.interval, period.zone) : p.group === 'owner' ? sql<string>`o.owner_id::text` : sql<string>`coalesce(o.source, '')`;
  const rows = await winRate(db, key, period, scope(actor, p));
  const money = amountsVisible(actor);
  const names = p.group === 'owner' ? await ownerNames(db, rows.map((r) => r.k ?? '')) : null;
  const figures = (r: (typeof rows)[number]) => ({ won: r.won, lost: r.lost, win_rate: r.win_rate, avg_cycle_days: r.avg_cycle_days, avg_deal_size: money ? r.avg_deal_size : null });
  const total = rows.find((r) => r.total);
  return {
    ...(await header(db, actor, period)), group: p.group,
    rows: rows.filter((r) => !r.total).map((r) => ({ ...bucket(r.k, p.interval, p.group === 'period', names ? (k) => names.get(k) ?? null : undefined), ...figures(r) })),
    totals: total ? figures(total) : { won: 0, lost: 0, win_rate: null, avg_cycle_days: null, avg_deal_size: null },
  };
}

/** Revenue's grouping keys (o: opportunity, l: its line, acc: its account). */
export function revenueKey(actor: Actor, group: Group, interval: Interval, zone: string): RawBuilder<string> {
  if (group === 'period') return periodKey(interval, zone);
  if (group === 'owner') return sql<string>`coalesce(o.owner_id::text, '')`;
  if (group === 'product') return sql<string>`coalesce(l.product_id::text, '')`;
  return regionKey(actor);
}

/** An account's province where the caller may see it, else '' (counted, its province not told). */
export const regionKey = (actor: Actor) => sql<string>`coalesce(CASE WHEN ${accountFieldVisible(actor, 'province')} THEN nullif(acc.province, '') END, '')`;

async function productNames(db: Kysely<DB>, actor: Actor, ids: string[]): Promise<Map<string, string>> {
  const def = getObject('products');
  const nums = ids.filter(Boolean).map(Number);
  if (!nums.length || !canDo(actor, def, 'read') || !canReadField(actor, 'products', 'name')) return new Map();
  const { rows } = await sql<{ id: number; name: string }>`SELECT p.id::int AS id, p.name FROM products p WHERE p.id IN (${sql.join(nums)}) AND ${recordVisibility(actor, def, 'p')}`.execute(db);
  return new Map(rows.map((r) => [String(r.id), r.name]));
}

export async function revenueReport(db: Kysely<DB>, actor: Actor, p: Filters & { group: Group; interval: Interval; basis?: Basis }) {
  const basis = p.basis ?? 'booked';
  const period = periodOf(p, await orgZone(db));
  let rows;
  if (basis === 'booked') {
    requireOpportunities(actor, ['stage_category', 'closed_at']);
    requireAmounts(actor);
    rows = await revenue(db, revenueKey(actor, p.group, p.interval, period.zone), period, scope(actor, p), p.group === 'product');
  } else {
    const s = requireBasis(actor, basis, p.group);
    rows = await basisRevenue(db, actor, s, basisKey(actor, p.group, p.interval, s, regionKey(actor)), period, p, p.group === 'product');
  }
  const keys = rows.map((r) => r.k ?? '');
  const names = p.group === 'owner' ? await ownerNames(db, keys) : p.group === 'product' ? await productNames(db, actor, keys) : null;
  const total = rows.find((r) => r.total);
  return {
    ...(await header(db, actor, period)), group: p.group, basis,
    rows: rows.filter((r) => !r.total).map((r) => ({ ...bucket(r.k, p.interval, p.group === 'period', names ? (k) => names.get(k) ?? null : undefined), deals: r.deals, amount: r.amount })),
    totals: { deals: total?.deals ?? 0, amount: total?.amount ?? '0.00' },
  };
}

export async function activityReport(db: Kysely<DB>, actor: Actor, p: Omit<Filters, 'pipeline_id'>) {
  const def = getObject('activities');
  requireDo(actor, def, 'list');
  for (const f of ['kind', 'occurred_at', 'owner_id']) if (!canReadField(actor, 'activities', f)) throw forbidden(`Your role may not see the ${f} of activities`);
  const period = periodOf(p, await orgZone(db));
  const cond = sql<boolean>`${recordVisibility(actor, def, 'a')} AND ${ownerAndPlace(p, sql.ref('a.owner_id'), sql.ref('a.account_id'))}`;
  const rows = await activityPerRep(db, period, cond);
  const days = (Date.parse(period.to) - Date.parse(period.from)) / 86400000 + 1;
  const weeks = Math.max(1, Math.ceil(days / 7));
  return { from: period.from, to: period.to, time_zone: period.zone, weeks, rows: rows.map((r) => ({ ...r, per_week: Math.round((r.total / weeks) * 10) / 10 })) };
}
