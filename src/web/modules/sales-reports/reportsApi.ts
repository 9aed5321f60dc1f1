import dayjs from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import { api, type Query } from '../../api/client.ts';
import type { Filter } from '../../api/types.ts';
import { recordsLink } from '../../lib/drill.ts';
import { dayStartIn } from '../../lib/timeZones.ts';

// The sales reports' API (server: modules/sales-reports) and the drill-down addresses of their
// figures: the generic list with the same filters where it can express them, else this page
// with `drill=…` (the drawer lists the records the report endpoint answers behind the figure).

export interface ReportFilters { from: string; to: string; pipeline_id?: number; owner_id?: number; team_id?: number; territory_id?: number }

export const params = (f: ReportFilters): Query => ({ from: f.from, to: f.to, pipeline_id: f.pipeline_id, owner_id: f.owner_id, team_id: f.team_id, territory_id: f.territory_id });

/**
 * Team and territory are filters the generic list cannot express: with one, revenue and funnel bars
 * open the drawer, and the other tabs' bars link nowhere rather than to a list without them.
 */
export const listCanDrill = (f: ReportFilters) => !f.team_id && !f.territory_id;

export function useReport<T>(path: string, f: ReportFilters, extra: Query = {}, enabled = true) {
  const q = { ...params(f), ...extra };
  return useQuery({ queryKey: ['sales-reports', path, q], queryFn: async ({ signal }) => api.get<T>(`/reports/sales/${path}`, q, { signal }), enabled });
}

// A report counts days in the organisation's zone (its answer's time_zone); the list is asked for the same instants.
const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86400000).toISOString().slice(0, 10);
const start = (d: string, zone = 'UTC') => dayStartIn(zone, d);
const dayAfter = (d: string, zone = 'UTC') => dayStartIn(zone, nextDay(d));

/** The owner and pipeline filters as list filters. */
function scopeFilters(f: ReportFilters, pipeline = true): Filter[] {
  return [
    ...(pipeline && f.pipeline_id ? [{ field: 'pipeline_id', op: 'eq' as const, value: String(f.pipeline_id) }] : []),
    ...(f.owner_id ? [{ field: 'owner_id', op: 'eq' as const, value: String(f.owner_id) }] : []),
  ];
}

/** A pipeline stage's deals expected to close in the period. */
export const stageLink = (f: ReportFilters, stageId: number) => recordsLink('opportunities', [
  { field: 'stage_id', op: 'eq', value: String(stageId) },
  { field: 'expected_close_date', op: 'gte', value: f.from }, { field: 'expected_close_date', op: 'lte', value: f.to },
  ...scopeFilters(f, false),
]);

/** Deals closed (won, or won and lost) between two days inclusive, optionally of one owner or source. */
export function closedLink(f: ReportFilters, from: string, to: string, opts: { won?: boolean; owner?: string; source?: string; zone?: string } = {}) {
  const filters: Filter[] = [
    opts.won ? { field: 'stage_category', op: 'eq', value: 'won' } : { field: 'stage_category', op: 'in', value: 'won,lost' },
    { field: 'closed_at', op: 'gte', value: start(from < f.from ? f.from : from, opts.zone) },
    { field: 'closed_at', op: 'lt', value: dayAfter(to > f.to ? f.to : to, opts.zone) },
    ...scopeFilters(f),
  ];
  if (opts.owner !== undefined) filters.push(opts.owner ? { field: 'owner_id', op: 'eq', value: opts.owner } : { field: 'owner_id', op: 'empty', value: 'true' });
  if (opts.source !== undefined) filters.push(opts.source ? { field: 'source', op: 'eq', value: opts.source } : { field: 'source', op: 'empty', value: 'true' });
  return recordsLink('opportunities', filters);
}

export const activityKinds = ['call', 'visit', 'meeting', 'email'] as const;

/** A rep's calls, visits, meetings and e-mails in the period. */
export const activityLink = (f: ReportFilters, ownerId: number | null, kind?: string, zone?: string) => recordsLink('activities', [
  ownerId ? { field: 'owner_id', op: 'eq', value: String(ownerId) } : { field: 'owner_id', op: 'empty', value: 'true' },
  { field: 'kind', op: kind ? 'eq' : 'in', value: kind ?? activityKinds.join(',') },
  { field: 'occurred_at', op: 'gte', value: start(f.from, zone) }, { field: 'occurred_at', op: 'lt', value: dayAfter(f.to, zone) },
]);

/**
 * This page with the records drawer open on a figure (the list cannot filter for it); revenue bars
 * also carry their basis and interval, and every bar the report's filters (the drawer reads them back).
 */
export function drillHere(kind: 'funnel' | 'product' | 'region' | 'period' | 'owner', key: string | number, revenue: { basis?: string; interval?: string } = {}, f?: ReportFilters): string {
  const q = new URLSearchParams({ tab: kind === 'funnel' ? 'funnel' : 'revenue', drill: kind, key: String(key) });
  if (kind !== 'funnel') for (const [k, v] of Object.entries(revenue)) if (v) q.set(k, v);
  if (f) for (const [k, v] of Object.entries(params(f))) if (v !== undefined) q.set(k, String(v));
  return `/reports/sales?${q.toString()}`;
}

/** A period bucket's name from its first day: `2026-03` for a month, `2026 Q1` for a quarter. */
export function periodLabel(start: string, interval: 'month' | 'quarter'): string {
  return interval === 'month' ? start.slice(0, 7) : `${start.slice(0, 4)} Q${Math.floor((Number(start.slice(5, 7)) - 1) / 3) + 1}`;
}

const IDS = ['pipeline_id', 'owner_id', 'team_id', 'territory_id'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filters an address carries; this year when it names no valid period. */
export function readFilters(search: URLSearchParams): ReportFilters {
  const from = search.get('from') ?? '';
  const to = search.get('to') ?? '';
  const f: ReportFilters = DAY.test(from) && DAY.test(to)
    ? { from, to } : { from: dayjs().startOf('year').format('YYYY-MM-DD'), to: dayjs().endOf('year').format('YYYY-MM-DD') };
  for (const k of IDS) {
    const n = Number(search.get(k));
    if (Number.isSafeInteger(n) && n > 0) f[k] = n;
  }
  return f;
}

/** The address's parameters with these filters (other parameters, such as the tab, kept). */
export function writeFilters(search: URLSearchParams, f: ReportFilters): URLSearchParams {
  const q = new URLSearchParams(search);
  q.set('from', f.from);
  q.set('to', f.to);
  for (const k of IDS) if (f[k]) q.set(k, String(f[k])); else q.delete(k);
  return q;
}
