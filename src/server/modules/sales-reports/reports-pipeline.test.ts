import { beforeEach, describe, expect, it } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';
import { reportHelpers, sorted } from './reports.test-support.ts';

// Pipeline by stage and the funnel: exact figures on hand-made deals, a rep's own deals only,
// hidden amounts left out, and the drill-down answering exactly the counted records.
const t = useTestApp();
const f = factories(t);
const h = reportHelpers(t);
// These deals are dated on UTC day edges (and drilled into with UTC instants): counted in UTC.
// The organisation's zone itself (Asia/Shanghai by default) is tested in core/org-time.test.ts.
beforeEach(async () => {
  expect((await t.api(t.adminToken, 'PATCH', '/settings', { time_zone: 'UTC' })).status).toBe(200);
});
const YEAR = 'from=2026-01-01&to=2026-12-31';
const Y2024 = 'from=2024-01-01&to=2024-12-31';

describe('GET /reports/sales/pipeline', () => {
  it('counts, sums and weighs the deals of each stage closing in the period; the drill-down lists exactly them', async () => {
    const a = await f.user('sales');
    const b = await f.user('sales');
    const o1 = await h.deal({ amount: '100', currency: 'CNY', owner_id: a.id, expected_close_date: '2026-03-10' });
    const o2 = await h.deal({ amount: '200', currency: 'CNY', owner_id: b.id, expected_close_date: '2026-03-20' }, { path: ['Proposal'] });
    const o3 = await h.deal({ amount: '50.50', currency: 'CNY', owner_id: a.id, expected_close_date: '2026-05-01' }, { path: ['Proposal'] });
    await h.deal({ amount: '999', currency: 'CNY', owner_id: a.id, expected_close_date: '2027-01-01' }, { path: ['Proposal'] });
    const s = await h.stages();
    const r = await h.get(`/reports/sales/pipeline?${YEAR}`);
    const by = Object.fromEntries(r.stages.map((x: any) => [x.name, x]));
    expect(by.Qualification).toMatchObject({ count: 1, amount: '100.00', weighted: '10.00' });
    expect(by.Proposal).toMatchObject({ count: 2, amount: '250.50', weighted: '125.25' });
    expect(by.Won).toMatchObject({ count: 0, amount: '0.00', weighted: '0.00' });
    expect(r.totals).toEqual({ count: 3, amount: '350.50', weighted: '135.25' });
    expect(r).toMatchObject({ currency: 'CNY', amounts_hidden: false, from: '2026-01-01', to: '2026-12-31' });
    // The page's drill-down link for the Proposal bar: the generic list with the same filters.
    expect(await h.listIds('opportunities', `filter[stage_id][eq]=${s.Proposal}&filter[expected_close_date][gte]=2026-01-01&filter[expected_close_date][lte]=2026-12-31`)).toEqual(sorted([o2, o3]));
    // A rep counts only what he may see, and so does his drill-down.
    const mine = await h.get(`/reports/sales/pipeline?${YEAR}`, a.token);
    expect(mine.totals).toEqual({ count: 2, amount: '150.50', weighted: '35.25' });
    expect(await h.listIds('opportunities', `filter[stage_id][eq]=${s.Proposal}&filter[expected_close_date][gte]=2026-01-01&filter[expected_close_date][lte]=2026-12-31`, a.token)).toEqual([o3]);
    // The owner filter.
    expect((await h.get(`/reports/sales/pipeline?${YEAR}&owner_id=${b.id}`)).totals).toEqual({ count: 1, amount: '200.00', weighted: '100.00' });
    expect(o1).toBeGreaterThan(0);
  });

  it("covers a manager's team and not another team", async () => {
    const north = (await t.api(t.adminToken, 'POST', '/teams', { name: 'North' })).body.data.id;
    const south = (await t.api(t.adminToken, 'POST', '/teams', { name: 'South' })).body.data.id;
    const rep = await f.user('sales', { team_id: north });
    const manager = await f.user('manager', { team_id: north });
    const outsider = await f.user('sales', { team_id: south });
    const P = 'from=2029-01-01&to=2029-12-31';
    await h.deal({ amount: '10', currency: 'CNY', owner_id: rep.id, expected_close_date: '2029-02-01' });
    await h.deal({ amount: '20', currency: 'CNY', owner_id: manager.id, expected_close_date: '2029-02-01' });
    await h.deal({ amount: '9876.54', currency: 'CNY', owner_id: outsider.id, expected_close_date: '2029-02-01' });
    const r = await h.get(`/reports/sales/pipeline?${P}`, manager.token);
    expect(r.totals).toEqual({ count: 2, amount: '30.00', weighted: '3.00' });
    expect(JSON.stringify(r)).not.toContain('9876');
    // Naming the outsider as owner shows nothing more.
    expect((await h.get(`/reports/sales/pipeline?${P}&owner_id=${outsider.id}`, manager.token)).totals.count).toBe(0);
  });

  it('leaves amounts out for a role that may not read them, keeping the counts', async () => {
    await h.deal({ amount: '4321', currency: 'CNY', expected_close_date: '2028-03-10' });
    expect((await t.api(t.adminToken, 'PATCH', '/roles/readonly', { field_rules: { opportunities: { amount: 'hidden' } } })).status).toBe(200);
    const ro = await f.user('readonly');
    const r = await h.get('/reports/sales/pipeline?from=2028-01-01&to=2028-12-31', ro.token);
    expect(r.amounts_hidden).toBe(true);
    expect(r.totals).toEqual({ count: 1, amount: null, weighted: null });
    expect(JSON.stringify(r)).not.toContain('4321');
    expect(JSON.stringify(r)).not.toContain('432');
  });

  it('answers bad parameters 400 with a code', async () => {
    const bad = async (q: string) => t.api(t.adminToken, 'GET', `/reports/sales/pipeline?${q}`);
    expect((await bad('from=2026-13-01')).status).toBe(400);
    const order = await bad('from=2026-05-01&to=2026-04-01');
    expect(order.status).toBe(400);
    expect(order.body.error.details).toEqual([expect.objectContaining({ field: 'to', code: 'period_end_before_start' })]);
    const unknown = await bad('pipeline_id=999999');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details).toEqual([expect.objectContaining({ code: 'unknown_pipeline' })]);
    expect((await bad('from=2000-01-01&to=2026-01-01')).body.error.details[0].code).toBe('period_too_long');
    expect((await bad('owner_id=abc')).status).toBe(400);
    expect((await bad('colour=red')).status).toBe(400);
  });
});

describe('GET /reports/sales/funnel', () => {
  it('counts the deals created in the period that reached each stage by their history, with conversions', async () => {
    const f1 = await h.deal({}, { path: ['Proposal', 'Lost'], created: '2024-02-01T10:00:00Z' });
    const f2 = await h.deal({}, { path: ['Won'], created: '2024-02-02T10:00:00Z' });
    await h.deal({}, { created: '2024-02-03T10:00:00Z' });
    await h.deal({}, { path: ['Won'], created: '2023-12-31T23:00:00Z' });
    const r = await h.get(`/reports/sales/funnel?${Y2024}`);
    expect(r.created).toBe(3);
    expect(r.stages.map((s: any) => [s.name, s.reached, s.conversion])).toEqual([
      ['Qualification', 3, null], ['Needs analysis', 2, 0.6667], ['Proposal', 2, 1], ['Negotiation', 1, 0.5], ['Won', 1, 1],
    ]);
    // The records behind a stage's figure: exactly the deals counted.
    const s = await h.stages();
    const rec = await h.get(`/reports/sales/funnel/records?${Y2024}&stage_id=${s.Proposal}`);
    expect(sorted(rec.data.map((x: any) => x.id))).toEqual(sorted([f1, f2]));
    const page1 = await h.get(`/reports/sales/funnel/records?${Y2024}&stage_id=${s.Qualification}&limit=2`);
    const page2 = await h.get(`/reports/sales/funnel/records?${Y2024}&stage_id=${s.Qualification}&limit=2&cursor=${page1.next_cursor}`);
    expect(page1.data.length + page2.data.length).toBe(3);
    expect(page2.next_cursor).toBeNull();
  });

  it("does not count another rep's deals, nor list them behind a figure", async () => {
    const a = await f.user('sales');
    const b = await f.user('sales');
    const mine = await h.deal({ owner_id: a.id }, { path: ['Proposal'], created: '2024-02-01T10:00:00Z' });
    await h.deal({ owner_id: b.id }, { path: ['Proposal'], created: '2024-02-01T10:00:00Z' });
    const r = await h.get(`/reports/sales/funnel?${Y2024}`, a.token);
    expect(r.created).toBe(1);
    const s = await h.stages();
    expect((await h.get(`/reports/sales/funnel/records?${Y2024}&stage_id=${s.Proposal}`, a.token)).data.map((x: any) => x.id)).toEqual([mine]);
  });
});
