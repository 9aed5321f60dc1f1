import { beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';
import { reportHelpers, sorted } from './reports.test-support.ts';

// Win rate, sales cycle and deal size; booked revenue by period, rep, product and region; exact
// on hand-made deals, a rep's own only, hidden amounts, and the records behind each figure.
const t = useTestApp();
const f = factories(t);
const h = reportHelpers(t);
// These deals are dated on UTC day edges (and drilled into with UTC instants): counted in UTC.
// The organisation's zone itself (Asia/Shanghai by default) is tested in core/org-time.test.ts.
beforeEach(async () => {
  expect((await t.api(t.adminToken, 'PATCH', '/settings', { time_zone: 'UTC' })).status).toBe(200);
});
const Y = 'from=2026-01-01&to=2026-12-31';

async function world() {
  const a = await f.user('sales');
  const b = await f.user('sales');
  const south = await f.account({ name: 'South Co', province: '广东' });
  const w1 = await h.deal({ amount: '100', currency: 'CNY', owner_id: a.id, source: 'web' }, { path: ['Won'], created: '2026-01-01T00:00:00Z', closed: '2026-01-11T00:00:00Z' });
  const w2 = await h.deal({ amount: '300', currency: 'CNY', owner_id: b.id, source: 'fair' }, { path: ['Won'], created: '2026-01-01T00:00:00Z', closed: '2026-01-21T00:00:00Z' });
  const l1 = await h.deal({ amount: '70', currency: 'CNY', owner_id: a.id, source: 'web' }, { path: ['Lost'], closed: '2026-02-05T00:00:00Z' });
  await h.deal({ amount: '80', currency: 'CNY', owner_id: a.id }, { path: ['Lost'], closed: '2025-12-31T23:59:59Z' });
  const w3 = await h.deal({ amount: '500', currency: 'CNY', owner_id: b.id, account_id: south.id }, { path: ['Won'], created: '2026-02-01T00:00:00Z', closed: '2026-03-01T00:00:00Z' });
  const product = await t.api(t.adminToken, 'POST', '/products', { name: 'Widget' });
  expect(product.status, JSON.stringify(product.body)).toBe(201);
  const p1 = product.body.data.id as number;
  // Two lines adding up to the amount: 300 of the product, 200 without one.
  await sql`INSERT INTO opportunity_lines (parent_id, position, product_id, description, quantity, unit_price, net, tax, gross)
    VALUES (${w3}, 1, ${p1}, 'Widget', 1, 300, 300, 0, 300), (${w3}, 2, NULL, 'Service', 1, 200, 200, 0, 200)`.execute(t.database.db);
  return { a, b, w1, w2, w3, l1, p1 };
}

describe('sales reports on closed deals', () => {
  it('win rate, sales cycle and deal size by month, rep and source; drill-down lists exactly the won deals', async () => {
    const { a, b, w1, w2, w3 } = await world();
    const month = await h.get(`/reports/sales/win-rate?${Y}&group=period&interval=month`);
    expect(month.rows.map((r: any) => [r.key, r.end, r.won, r.lost, r.win_rate, r.avg_cycle_days, r.avg_deal_size])).toEqual([
      ['2026-01-01', '2026-01-31', 2, 0, 1, 15, '200.00'], ['2026-02-01', '2026-02-28', 0, 1, 0, null, null], ['2026-03-01', '2026-03-31', 1, 0, 1, 28, '500.00'],
    ]);
    expect(month.totals).toEqual({ won: 3, lost: 1, win_rate: 0.75, avg_cycle_days: 19.3, avg_deal_size: '300.00' });
    const quarter = await h.get(`/reports/sales/win-rate?${Y}&interval=quarter`);
    expect(quarter.rows.map((r: any) => [r.key, r.end, r.won, r.lost])).toEqual([['2026-01-01', '2026-03-31', 3, 1]]);
    const owner = await h.get(`/reports/sales/win-rate?${Y}&group=owner`);
    expect(owner.rows.map((r: any) => [Number(r.key), r.won, r.lost, r.win_rate])).toEqual(expect.arrayContaining([[a.id, 1, 1, 0.5], [b.id, 2, 0, 1]]));
    expect(owner.rows.find((r: any) => Number(r.key) === a.id).label).toEqual(expect.any(String));
    const source = await h.get(`/reports/sales/win-rate?${Y}&group=source`);
    expect(source.rows.map((r: any) => [r.key, r.won, r.lost])).toEqual([['', 1, 0], ['fair', 1, 0], ['web', 1, 1]]);
    // The won bar of January drills down to the list with the same filters.
    expect(await h.listIds('opportunities', 'filter[stage_category][eq]=won&filter[closed_at][gte]=2026-01-01T00:00:00.000Z&filter[closed_at][lt]=2026-02-01T00:00:00.000Z')).toEqual(sorted([w1, w2]));
    // A rep's win rate covers his own deals.
    expect((await h.get(`/reports/sales/win-rate?${Y}`, a.token)).totals).toMatchObject({ won: 1, lost: 1, win_rate: 0.5, avg_deal_size: '100.00' });
    expect(w3).toBeGreaterThan(0);
  });

  it('booked revenue by month, rep, product and region, with the records behind product and region figures', async () => {
    const { a, b, w1, w2, w3, p1 } = await world();
    const Y2 = 'from=2026-01-01&to=2026-03-31';
    const before = await h.get(`/reports/sales/revenue?${Y2}`);
    // world() ran twice in this file: every figure is twice the one world's.
    const month = before.rows.map((r: any) => [r.key, r.deals, r.amount]);
    expect(month).toEqual([['2026-01-01', 4, '800.00'], ['2026-03-01', 2, '1000.00']]);
    const byOwner = await h.get(`/reports/sales/revenue?${Y2}&group=owner&owner_id=${b.id}`);
    expect(byOwner.rows.map((r: any) => [Number(r.key), r.deals, r.amount])).toEqual([[b.id, 2, '800.00']]);
    const byProduct = await h.get(`/reports/sales/revenue?${Y2}&group=product&owner_id=${b.id}`);
    expect(byProduct.rows.map((r: any) => [r.key, r.label, r.deals, r.amount])).toEqual([['', null, 2, '500.00'], [String(p1), 'Widget', 1, '300.00']]);
    expect(byProduct.totals).toEqual({ deals: 2, amount: '800.00' });
    const prod = await h.get(`/reports/sales/revenue/records?${Y2}&group=product&key=${p1}`);
    expect(prod.data.map((r: any) => r.id)).toEqual([w3]);
    expect(prod.data[0]).toMatchObject({ amount: '500.00', stage_name: 'Won' });
    const region = await h.get(`/reports/sales/revenue?${Y2}&group=region&owner_id=${b.id}`);
    expect(region.rows.map((r: any) => [r.key, r.deals, r.amount])).toEqual([['', 1, '300.00'], ['广东', 1, '500.00']]);
    expect((await h.get(`/reports/sales/revenue/records?${Y2}&group=region&key=${encodeURIComponent('广东')}&owner_id=${b.id}`)).data.map((r: any) => r.id)).toEqual([w3]);
    expect(sorted((await h.get(`/reports/sales/revenue/records?${Y2}&group=product&key=&owner_id=${b.id}`)).data.map((r: any) => r.id))).toEqual(sorted([w2, w3]));
    // Rep b may not see the account: his w3 counts under no region, and its province is not told.
    const mine = await h.get(`/reports/sales/revenue?${Y2}&group=region`, b.token);
    expect(mine.rows.map((r: any) => [r.key, r.deals, r.amount])).toEqual([['', 2, '800.00']]);
    expect(JSON.stringify(mine)).not.toContain('广东');
    expect((await h.get(`/reports/sales/revenue/records?${Y2}&group=region&key=${encodeURIComponent('广东')}`, b.token)).data).toEqual([]);
    // Rep a counts only his deal.
    expect((await h.get(`/reports/sales/revenue?${Y2}`, a.token)).totals).toEqual({ deals: 1, amount: '100.00' });
    expect(w1).toBeGreaterThan(0);
  });

  it('hides money from a role without amounts: win rate leaves it out, revenue is refused', async () => {
    expect((await t.api(t.adminToken, 'PATCH', '/roles/readonly', { field_rules: { opportunities: { amount: 'hidden' } } })).status).toBe(200);
    const ro = await f.user('readonly');
    const r = await h.get(`/reports/sales/win-rate?${Y}`, ro.token);
    expect(r.amounts_hidden).toBe(true);
    expect(r.totals.avg_deal_size).toBeNull();
    expect(r.rows.every((x: any) => x.avg_deal_size === null)).toBe(true);
    const rev = await t.api(ro.token, 'GET', `/reports/sales/revenue?${Y}`);
    expect(rev.status).toBe(403);
    expect((await t.api(ro.token, 'GET', `/reports/sales/revenue/records?${Y}&group=product`)).status).toBe(403);
    expect((await t.api(t.adminToken, 'GET', `/reports/sales/revenue?${Y}&group=colour`)).status).toBe(400);
    expect((await t.api(t.adminToken, 'GET', `/reports/sales/win-rate?${Y}&interval=week`)).status).toBe(400);
  });

  it('counts calls, visits, meetings and e-mails per rep and week; the drill-down lists exactly them', async () => {
    const a = await f.user('sales');
    const b = await f.user('sales');
    const account = await f.account({ name: 'Visited' });
    const act = async (kind: string, at: string, owner: number) => {
      const r = await t.api(t.adminToken, 'POST', '/activities', { kind, subject: kind, occurred_at: at, owner_id: owner, account_id: account.id });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body.data.id as number;
    };
    const ids = [await act('call', '2030-03-01T09:00:00Z', a.id), await act('call', '2030-03-14T23:00:00Z', a.id), await act('visit', '2030-03-05T09:00:00Z', a.id)];
    await act('note', '2030-03-05T09:00:00Z', a.id);
    await act('call', '2030-03-15T00:00:00Z', a.id);
    await act('email', '2030-03-02T09:00:00Z', b.id);
    await act('meeting', '2030-03-03T09:00:00Z', b.id);
    const P = 'from=2030-03-01&to=2030-03-14';
    const r = await h.get(`/reports/sales/activity?${P}`);
    expect(r.weeks).toBe(2);
    expect(r.rows.map((x: any) => [x.owner_id, x.call, x.visit, x.meeting, x.email, x.total, x.per_week])).toEqual([[a.id, 2, 1, 0, 0, 3, 1.5], [b.id, 0, 0, 1, 1, 2, 1]]);
    expect(await h.listIds('activities', `filter[owner_id][eq]=${a.id}&filter[kind][in]=call,visit,meeting,email&filter[occurred_at][gte]=2030-03-01T00:00:00.000Z&filter[occurred_at][lt]=2030-03-15T00:00:00.000Z`)).toEqual(sorted(ids));
    // A rep sees his own activities only.
    expect((await h.get(`/reports/sales/activity?${P}`, b.token)).rows.map((x: any) => x.owner_id)).toEqual([b.id]);
    expect((await t.api(t.adminToken, 'GET', `/reports/sales/activity?${P}&pipeline_id=1`)).status).toBe(400);
  });
});
