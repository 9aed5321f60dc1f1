import { describe, expect, it } from 'vitest';
import { urlFilters } from '../../lib/drill.ts';
import { activityLink, closedLink, drillHere, listCanDrill, periodLabel, readFilters, stageLink, writeFilters } from './reportsApi.ts';

// The drill-down addresses of the sales reports' bars: the list filters must be the report's own
// (the server tests check the list answers exactly the counted records for these filters).
const f = { from: '2026-02-10', to: '2026-03-31', pipeline_id: 4, owner_id: 9 };
const filters = (href: string) => urlFilters(new URLSearchParams(href.split('?')[1]));

describe('sales report drill-down links', () => {
  it('a stage bar: the stage, the close dates of the period and the owner', () => {
    expect(stageLink(f, 7).startsWith('/opportunities/all?')).toBe(true);
    expect(filters(stageLink(f, 7))).toEqual([
      { field: 'stage_id', op: 'eq', value: '7' }, { field: 'expected_close_date', op: 'gte', value: '2026-02-10' },
      { field: 'expected_close_date', op: 'lte', value: '2026-03-31' }, { field: 'owner_id', op: 'eq', value: '9' },
    ]);
  });

  it('a period bar is clamped to the report period; a bucket without owner or source asks for empty', () => {
    expect(filters(closedLink(f, '2026-02-01', '2026-02-28', { won: true }))).toEqual([
      { field: 'stage_category', op: 'eq', value: 'won' }, { field: 'closed_at', op: 'gte', value: '2026-02-10T00:00:00.000Z' },
      { field: 'closed_at', op: 'lt', value: '2026-03-01T00:00:00.000Z' }, { field: 'pipeline_id', op: 'eq', value: '4' }, { field: 'owner_id', op: 'eq', value: '9' },
    ]);
    expect(filters(closedLink(f, f.from, f.to, { source: '' })).at(-1)).toEqual({ field: 'source', op: 'empty', value: 'true' });
    expect(filters(activityLink(f, null))[0]).toEqual({ field: 'owner_id', op: 'empty', value: 'true' });
  });

  it("a bar's instants are the days of the organisation's zone the report counted in", () => {
    expect(filters(closedLink(f, '2026-02-01', '2026-02-28', { won: true, zone: 'Asia/Shanghai' })).slice(1, 3)).toEqual([
      { field: 'closed_at', op: 'gte', value: '2026-02-09T16:00:00.000Z' }, { field: 'closed_at', op: 'lt', value: '2026-02-28T16:00:00.000Z' },
    ]);
    expect(filters(activityLink(f, 3, 'call', 'Europe/Berlin')).slice(2)).toEqual([
      { field: 'occurred_at', op: 'gte', value: '2026-02-09T23:00:00.000Z' }, { field: 'occurred_at', op: 'lt', value: '2026-03-31T22:00:00.000Z' },
    ]);
  });

  it('names periods and opens the drawer on this page for figures the list cannot filter', () => {
    expect(periodLabel('2026-03-01', 'month')).toBe('2026-03');
    expect(periodLabel('2026-10-01', 'quarter')).toBe('2026 Q4');
    expect(drillHere('product', 12)).toBe('/reports/sales?tab=revenue&drill=product&key=12');
  });

  it('a revenue bar the list cannot express (another basis, a team or territory) opens the drawer with its basis and interval', () => {
    expect(drillHere('period', '2026-02-01', { basis: 'invoiced', interval: 'quarter' })).toBe('/reports/sales?tab=revenue&drill=period&key=2026-02-01&basis=invoiced&interval=quarter');
    expect(drillHere('funnel', 3, { basis: 'collected' })).toBe('/reports/sales?tab=funnel&drill=funnel&key=3');
    // The drawer reads the report's filters back from the address: a team or territory stays applied.
    expect(drillHere('funnel', 3, {}, { ...f, team_id: 2, territory_id: 5 })).toBe(`/reports/sales?tab=funnel&drill=funnel&key=3&from=${f.from}&to=${f.to}&pipeline_id=4&owner_id=9&team_id=2&territory_id=5`);
    expect(listCanDrill(f)).toBe(true);
    expect(listCanDrill({ ...f, team_id: 2 })).toBe(false);
    expect(listCanDrill({ ...f, territory_id: 5 })).toBe(false);
  });
});

describe('report filters in the address', () => {
  it('round-trip through the address, keep the tab, and drop what is not a filter', () => {
    const all = { ...f, team_id: 2, territory_id: 5 };
    const q = writeFilters(new URLSearchParams('tab=winRate&team_id=7'), all);
    expect(q.get('tab')).toBe('winRate');
    expect(readFilters(q)).toEqual(all);
    expect(readFilters(writeFilters(q, { from: f.from, to: f.to }))).toEqual({ from: f.from, to: f.to });
    const bad = readFilters(new URLSearchParams('from=x&to=2026-01-01&team_id=-1&owner_id=abc'));
    expect([bad.team_id, bad.owner_id, /^\d{4}-01-01$/.test(bad.from)]).toEqual([undefined, undefined, true]);
  });
});
