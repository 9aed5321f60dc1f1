import { afterEach, describe, expect, it } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';
import { registerOverdue } from '../../core/billing.ts';
import { orderKit } from './orders.test-support.ts';

// The credit check at confirmation: exposure (registered parts, here the open orders) plus the
// order against the account's limit, overdue invoices beyond its tolerance; warn vs hold; the
// manager's release; what the panel answer shows to whom.
const t = useTestApp();
const f = factories(t);
const k = orderKit(t);
const audit = async (id: number) => (await t.api(t.adminToken, 'GET', `/audit-log?filter[object]=orders&filter[record_id]=${id}`)).body.data as { action: string; changes: any }[];

let overdueAccounts = new Set<number>();
registerOverdue('test-invoices', async (_db, accountId, tolerance) => overdueAccounts.has(accountId) && tolerance < 30);
afterEach(() => { overdueAccounts = new Set(); });

describe('credit check at confirmation', () => {
  it('policy warn: confirmed with a credit_warning in the answer and the audit', async () => {
    const a = await f.account({ credit_limit: 1000, credit_policy: 'warn' });
    const o = await k.order({ account_id: a.id }); // 2 × 500 + 13 % = 1130
    const r = await k.act(o.id, 'confirm');
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({
      credit_warning: true, order: { status: 'confirmed', credit_status: 'warning' },
      credit: { result: 'warning', over_limit: true, overdue: false, limit: '1000.00', exposure: '0.00', this_order: '1130.00', total: '1130.00', currency: 'CNY' },
    });
    expect((await audit(o.id)).find((e) => e.action === 'confirm')!.changes.credit_check).toMatchObject({ result: 'warning', over_limit: true });
    // Confirmed, it is now part of the account's open orders.
    const panel = await t.api(t.adminToken, 'GET', `/orders/${o.id}/credit`);
    expect(panel.body.data).toMatchObject({ parts: { orders: '1130.00' }, exposure: '1130.00', this_order: '0.00', limit: '1000.00' });
  });

  it('within the limit: confirmed, no warning', async () => {
    const a = await f.account({ credit_limit: 5000, credit_policy: 'hold' });
    const r = await k.act((await k.order({ account_id: a.id })).id, 'confirm');
    expect(r.body.data).toMatchObject({ order: { status: 'confirmed', credit_status: 'ok' }, credit: { result: 'ok' } });
    expect(r.body.data).not.toHaveProperty('credit_warning');
  });

  it('policy hold: on_hold; a rep may not release, a manager releases with a reason (audited)', async () => {
    const team = (await t.api(t.adminToken, 'POST', '/teams', { name: `Credit ${Date.now()}` })).body.data;
    const rep = await f.user('sales', { team_id: team.id });
    const mgr = await f.user('manager', { team_id: team.id });
    const a = await f.as(rep.token).account({ credit_limit: 1000, credit_policy: 'hold' });
    const o = await k.order({ account_id: a.id }, undefined, rep.token);
    const r = await k.act(o.id, 'confirm', undefined, rep.token);
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ credit_hold: true, order: { status: 'on_hold', credit_status: 'hold' }, credit: { result: 'hold' } });
    // Held: not among the open orders, nothing to deliver yet.
    expect((await t.api(t.adminToken, 'GET', `/orders/${o.id}/credit`)).body.data.parts.orders).toBe('0.00');
    expect((await k.act(o.id, 'fulfil', { lines: [{ line_id: o.lines[0]!.id, quantity: 1 }] }, rep.token)).status).toBe(409);

    const byRep = await k.act(o.id, 'release', { reason: 'Good customer' }, rep.token);
    expect(byRep.status).toBe(403);
    expect((await k.act(o.id, 'release', {}, mgr.token)).status).toBe(400);
    expect((await k.get(o.id)).status).toBe('on_hold');
    const released = await k.act(o.id, 'release', { reason: 'Paid by wire today' }, mgr.token);
    expect(released.status, JSON.stringify(released.body)).toBe(200);
    expect(released.body.data.order).toMatchObject({ status: 'confirmed', credit_status: 'released' });
    const entry = (await audit(o.id)).find((e) => e.action === 'release')!;
    expect(entry.changes).toMatchObject({ reason: 'Paid by wire today', status: ['on_hold', 'confirmed'] });
    expect((await k.act(o.id, 'release', { reason: 'again' }, mgr.token)).body.error.details).toMatchObject({ reason: 'order_not_on_hold' });
  });

  it('overdue invoices beyond the tolerance hold the order even within the limit', async () => {
    const a = await f.account({ credit_limit: 100000, credit_policy: 'hold', overdue_tolerance_days: 10 });
    const lenient = await f.account({ credit_limit: 100000, credit_policy: 'hold', overdue_tolerance_days: 45 });
    overdueAccounts = new Set([a.id, lenient.id]);
    const r = await k.act((await k.order({ account_id: a.id })).id, 'confirm');
    expect(r.body.data).toMatchObject({ order: { status: 'on_hold' }, credit: { overdue: true, over_limit: false } });
    const ok = await k.act((await k.order({ account_id: lenient.id })).id, 'confirm');
    expect(ok.body.data).toMatchObject({ order: { status: 'confirmed' }, credit: { overdue: false } });
    expect((await t.api(t.adminToken, 'PATCH', `/accounts/${a.id}`, { overdue_tolerance_days: -1 })).body.error.details[0].code).toBe('out_of_range');
  });

  it('exposure converts a foreign-currency order at the rate of its order date', async () => {
    const rates = await t.api(t.adminToken, 'PUT', '/settings/exchange-rates', { rates: [{ from_currency: 'USD', valid_from: '2020-01-01', rate: '7' }, { from_currency: 'USD', valid_from: '2024-06-01', rate: '7.2' }] });
    expect(rates.status).toBe(200);
    const a = await f.account({ credit_limit: 1000, credit_policy: 'hold' });
    const usd = await k.order({ account_id: a.id, currency: 'USD', order_date: '2024-05-31' }, [{ description: 'Licence', quantity: 1, unit_price: 100, tax_rate: 0 }]);
    expect((await k.act(usd.id, 'confirm')).body.data).toMatchObject({ order: { status: 'confirmed' }, credit: { this_order: '700.00', total: '700.00' } });
    const cny = await k.order({ account_id: a.id }, [{ description: 'Setup', quantity: 1, unit_price: '300.01', tax_rate: 0 }]);
    const held = await k.act(cny.id, 'confirm');
    expect(held.body.data).toMatchObject({ order: { status: 'on_hold' }, credit: { parts: { orders: '700.00' }, exposure: '700.00', this_order: '300.01', total: '1000.01', over_limit: true } });
    // An order in a currency without any rate is refused at confirmation, unchanged.
    const yen = await k.order({ account_id: a.id, currency: 'JPY' }, [{ description: 'x', quantity: 1, unit_price: 1, tax_rate: 0 }]);
    const noRate = await k.act(yen.id, 'confirm');
    expect(noRate.status).toBe(409);
    expect(noRate.body.error.code).toBe('no_exchange_rate');
    expect((await k.get(yen.id)).status).toBe('draft');
  });

  it('the panel hides the credit limit from a role whose field rule hides it, and the amounts from one hiding the order total', async () => {
    const a = await f.account({ credit_limit: '987.65', credit_policy: 'warn' });
    const o = await k.order({ account_id: a.id });
    expect((await t.api(t.adminToken, 'PATCH', '/roles/readonly', { field_rules: { accounts: { credit_limit: 'hidden' } } })).status).toBe(200);
    const ro = await f.user('readonly');
    const panel = await t.api(ro.token, 'GET', `/orders/${o.id}/credit`);
    expect(panel.status).toBe(200);
    expect(panel.body.data).toMatchObject({ over_limit: true, result: 'warning', total: '1130.00' });
    expect(panel.body.data).not.toHaveProperty('limit');
    expect(JSON.stringify(panel.body)).not.toContain('987');
    await t.api(t.adminToken, 'PATCH', '/roles/readonly', { field_rules: { accounts: { credit_limit: null }, orders: { gross_total: 'hidden' } } });
    const ro2 = await f.user('readonly');
    const noAmounts = (await t.api(ro2.token, 'GET', `/orders/${o.id}/credit`)).body.data;
    expect(noAmounts).toMatchObject({ limit: '987.65', over_limit: true });
    for (const key of ['exposure', 'total', 'this_order', 'parts']) expect(noAmounts).not.toHaveProperty(key);
    await t.api(t.adminToken, 'PATCH', '/roles/readonly', { field_rules: { orders: { gross_total: null } } });
  });
});
