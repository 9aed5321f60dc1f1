import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';
import { issuedInvoice } from '../invoices/billing.test-support.ts';
import { reportHelpers, sorted } from './reports.test-support.ts';

// Revenue on the invoiced and collected bases, and the team and territory filters on every
// basis: exact figures on hand-made documents, the records behind each bar (the drill-down), a
// rep's own documents only, and a hidden amount field refusing the figure.
const t = useTestApp();
const f = factories(t);
const h = reportHelpers(t);
const Q = 'from=2031-01-01&to=2031-03-31';

async function world() {
  const team = (await t.api(t.adminToken, 'POST', '/teams', { name: 'North' })).body.data.id as number;
  const a = await f.user('sales', { team_id: team });
  const b = await f.user('sales');
  const region = (await t.api(t.adminToken, 'POST', '/territories', { name: '华东' })).body.data.id as number;
  const city = (await t.api(t.adminToken, 'POST', '/territories', { name: '上海', parent_id: region })).body.data.id as number;
  const east = await f.account({ name: 'East Co', province: '上海' });
  const west = await f.account({ name: 'West Co', province: '四川' });
  // The territory as the rules or an administrator's override would set it.
  await sql`UPDATE accounts SET territory_id = ${city} WHERE id = ${east.id}`.execute(t.database.db);

  const inv1 = await issuedInvoice(t, t.adminToken, east.id, '1000.00', { owner_id: a.id, issue_date: '2031-01-15' });
  const inv2 = await issuedInvoice(t, t.adminToken, west.id, '500.00', { owner_id: b.id, issue_date: '2031-02-10' });
  const cn = await t.api(t.adminToken, 'POST', `/invoices/${inv2.id}/credit-note`, {});
  expect(cn.status, JSON.stringify(cn.body)).toBe(201);
  expect((await t.api(t.adminToken, 'POST', `/invoices/${cn.body.data.id}/issue`, { issue_date: '2031-02-20' })).status).toBe(200);
  const inv3 = await issuedInvoice(t, t.adminToken, west.id, '400.00', { owner_id: b.id, issue_date: '2031-02-05' });
  const voided = await issuedInvoice(t, t.adminToken, east.id, '700.00', { owner_id: a.id, issue_date: '2031-01-20' });
  expect((await t.api(t.adminToken, 'POST', `/invoices/${voided.id}/void`, { reason: 'Wrong' })).status).toBe(200);
  await t.api(t.adminToken, 'POST', '/invoices', { account_id: east.id, owner_id: a.id }); // a draft: not invoiced

  const pay = async (account: number, owner: number, amount: string, on: string, invoice: number) => {
    const p = await t.api(t.adminToken, 'POST', '/payments', { account_id: account, method: 'alipay', amount, received_on: on, owner_id: owner });
    expect(p.status, JSON.stringify(p.body)).toBe(201);
    expect((await t.api(t.adminToken, 'PUT', `/payments/${p.body.data.id}/allocations`, { allocations: [{ target_kind: 'invoice', target_id: invoice, amount }] })).status).toBe(200);
    return p.body.data.id as number;
  };
  const p1 = await pay(east.id, a.id, '300.00', '2031-03-05', inv1.id);
  const p2 = await pay(west.id, b.id, '100.00', '2031-02-25', inv3.id);
  // Booked: one won deal in each place.
  const d1 = await h.deal({ amount: '800', currency: 'CNY', owner_id: a.id, account_id: east.id }, { path: ['Won'], closed: '2031-01-10T00:00:00Z' });
  const d2 = await h.deal({ amount: '200', currency: 'CNY', owner_id: b.id, account_id: west.id }, { path: ['Won'], closed: '2031-01-12T00:00:00Z' });
  return { team, a, b, region, city, inv1, inv2, inv3, cn: cn.body.data.id as number, p1, p2, d1, d2 };
}

const rows = (r: any) => r.rows.map((x: any) => [x.key, x.deals, x.amount]);
const records = async (query: string, token = t.adminToken) => (await h.get(`/reports/sales/revenue/records?${Q}&${query}`, token)).data as { id: number; object: string; amount: string }[];

describe('revenue on the invoiced and collected bases, by team and territory', () => {
  it('counts issued invoices net (credit notes negative, drafts and voids not) and payments by their allocations; the records behind each bar', async () => {
    const w = await world();
    const inv = await h.get(`/reports/sales/revenue?${Q}&basis=invoiced`);
    expect(inv.basis).toBe('invoiced');
    expect(rows(inv)).toEqual([['2031-01-01', 1, '1000.00'], ['2031-02-01', 3, '400.00']]);
    expect(inv.totals).toEqual({ deals: 4, amount: '1400.00' });
    const col = await h.get(`/reports/sales/revenue?${Q}&basis=collected`);
    expect(rows(col)).toEqual([['2031-02-01', 1, '100.00'], ['2031-03-01', 1, '300.00']]);
    const byRep = await h.get(`/reports/sales/revenue?${Q}&basis=collected&group=owner`);
    expect(byRep.rows.map((x: any) => [Number(x.key), x.amount])).toEqual(expect.arrayContaining([[w.a.id, '300.00'], [w.b.id, '100.00']]));
    const byRegion = await h.get(`/reports/sales/revenue?${Q}&basis=invoiced&group=region`);
    expect(rows(byRegion)).toEqual([['上海', 1, '1000.00'], ['四川', 3, '400.00']]);
    // Lines without a product (these invoices' lines) fall in the bucket without one.
    expect(rows(await h.get(`/reports/sales/revenue?${Q}&basis=invoiced&group=product`))).toEqual([['', 4, '1400.00']]);
    expect((await t.api(t.adminToken, 'GET', `/reports/sales/revenue?${Q}&basis=collected&group=product`)).body.error.details[0].code).toBe('group_not_available');
    expect((await t.api(t.adminToken, 'GET', `/reports/sales/revenue?${Q}&basis=billed`)).status).toBe(400);

    // Drill-down: exactly the documents behind a bar, with what each counts there.
    expect((await records('basis=invoiced&group=period&key=2031-02-01')).map((r) => [r.object, r.id, r.amount])).toEqual(sorted([w.inv2.id, w.inv3.id, w.cn]).reverse().map((id) => ['invoices', id, id === w.cn ? '-500.00' : id === w.inv2.id ? '500.00' : '400.00']));
    expect((await records(`basis=collected&group=owner&key=${w.a.id}`)).map((r) => [r.object, r.id, r.amount])).toEqual([['payments', w.p1, '300.00']]);
    expect((await records('basis=booked&group=period&key=2031-01-01')).map((r) => r.id)).toEqual(sorted([w.d1, w.d2]).reverse());

    // Team and territory narrow every basis; the records follow.
    for (const [filter, want] of [[`team_id=${w.team}`, ['800.00', '1000.00', '300.00']], [`territory_id=${w.region}`, ['800.00', '1000.00', '300.00']], [`territory_id=${w.city}`, ['800.00', '1000.00', '300.00']]] as const) {
      const got = [];
      for (const basis of ['booked', 'invoiced', 'collected']) got.push((await h.get(`/reports/sales/revenue?${Q}&basis=${basis}&${filter}`)).totals.amount);
      expect(got, filter).toEqual(want);
    }
    expect((await records(`basis=invoiced&group=period&key=2031-02-01&team_id=${w.team}`))).toEqual([]);
    expect((await records(`basis=booked&group=owner&key=${w.a.id}&territory_id=${w.region}`)).map((r) => r.id)).toEqual([w.d1]);
    expect((await h.get(`/reports/sales/revenue?${Q}&team_id=987654`)).totals).toEqual({ deals: 0, amount: '0.00' });

    // A rep counts his own documents only.
    expect((await h.get(`/reports/sales/revenue?${Q}&basis=invoiced`, w.b.token)).totals).toEqual({ deals: 3, amount: '400.00' });
    expect((await h.get(`/reports/sales/revenue?${Q}&basis=collected`, w.b.token)).totals).toEqual({ deals: 1, amount: '100.00' });
    expect(await records(`basis=collected&group=owner&key=${w.a.id}`, w.b.token)).toEqual([]);
  });

  it('refuses the figure to a role whose field rule hides the basis amounts', async () => {
    expect((await t.api(t.adminToken, 'PATCH', '/roles/readonly', { field_rules: { invoices: { net_total: 'hidden' }, payments: { amount: 'hidden' } } })).status).toBe(200);
    const ro = await f.user('readonly');
    for (const basis of ['invoiced', 'collected']) {
      const r = await t.api(ro.token, 'GET', `/reports/sales/revenue?${Q}&basis=${basis}`);
      expect([r.status, r.body.error.code], basis).toEqual([403, 'forbidden']);
      expect((await t.api(ro.token, 'GET', `/reports/sales/revenue/records?${Q}&basis=${basis}&group=period&key=2031-01-01`)).status).toBe(403);
    }
  });
});
