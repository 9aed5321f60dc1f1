import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';

// A quarter's cash path across the sales modules, through the API only, as the issue's "done
// when" reads: catalogue → opportunity → quote from it → sent → accepted by the customer on the
// public link → order from the quote → credit check (held for an overdue invoice, released by a
// manager) → delivered → invoiced from the order → paid; and a contract's instalment invoiced
// and paid. Each module is tested on its own; this proves the seams between them hold.
const t = useTestApp();

const ok = (r: { status: number; body: any }, status = 200) => {
  if (r.status !== status) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
  return r.body.data;
};

describe('sales: from opportunity to cash', () => {
  it('runs a deal end to end and the documents follow each other', async () => {
    const manager = await t.userToken('manager');
    const team = ok(await t.api(t.adminToken, 'POST', '/teams', { name: `华东组 ${Date.now()}`, manager_id: manager.id }), 201);
    // The deal is a rep's; his team's manager releases the credit hold.
    const admin = (await t.userToken('sales', { team_id: team.id })).token;
    const product = ok(await t.api(t.adminToken, 'POST', '/products', { name: '扫描仪 X200', sku: `X200-${Date.now()}`, list_price: '1000.00', cost_price: '600.00', tax_rate: 13, type: 'goods', unit: '台' }), 201);
    const account = ok(await t.api(admin, 'POST', '/accounts', { name: `华东经销 ${Date.now()}`, credit_limit: '100000.00', credit_policy: 'hold', overdue_tolerance_days: 10 }), 201);
    const contact = ok(await t.api(admin, 'POST', '/contacts', { name: '王芳', account_id: account.id, email: 'wang.fang@example.cn' }), 201);

    const opp = ok(await t.api(admin, 'POST', '/opportunities', { name: '扫描仪换新', account_id: account.id, contact_id: contact.id, expected_close_date: '2026-12-20' }), 201);
    ok(await t.api(admin, 'PUT', `/opportunities/${opp.id}/lines`, { version: opp.version, lines: [{ product_id: product.id, quantity: 2 }] }));
    expect(ok(await t.api(admin, 'GET', `/opportunities/${opp.id}`)).amount).toBe('2260.00');

    const quote = ok(await t.api(admin, 'POST', `/opportunities/${opp.id}/quote`, {}), 201);
    expect(quote).toMatchObject({ opportunity_id: opp.id, account_id: account.id, gross_total: '2260.00', status: 'draft' });
    const sent = await t.api(admin, 'POST', `/quotes/${quote.id}/send`, {});
    expect(sent.status).toBe(200);
    const token = String(sent.body.link.path).split('/q/')[1]!;
    const accepted = await t.app.inject({ method: 'POST', url: `/api/v1/public/quotes/${token}/accept`, payload: { name: '王芳' } });
    expect(accepted.statusCode).toBe(200);
    expect(ok(await t.api(admin, 'GET', `/quotes/${quote.id}`)).status).toBe('accepted');

    // An older invoice of the account, issued and 30 days overdue: the order is held.
    const old = ok(await t.api(admin, 'POST', '/invoices', { account_id: account.id, issue_date: '2026-09-01', due_date: '2026-09-30' }), 201);
    ok(await t.api(admin, 'PUT', `/invoices/${old.id}/lines`, { version: old.version, lines: [{ description: '旧货款', quantity: 1, unit_price: '500.00', tax_rate: 0 }] }));
    ok(await t.api(admin, 'POST', `/invoices/${old.id}/issue`, { issue_date: '2026-09-01' }));

    const order = ok(await t.api(admin, 'POST', `/orders/from-quote/${quote.id}`, {}), 201);
    expect(order).toMatchObject({ quote_id: quote.id, gross_total: '2260.00', status: 'draft' });
    const confirm = ok(await t.api(admin, 'POST', `/orders/${order.id}/confirm`, {}));
    // Within the limit, but the account has an invoice overdue beyond its 10 days' tolerance.
    expect(confirm.order).toMatchObject({ status: 'on_hold' });
    expect(JSON.stringify(confirm)).toContain('invoices');
    expect((await t.api(manager.token, 'POST', `/orders/${order.id}/release`, { reason: '老客户，已电话确认付款' })).status).toBeLessThan(300);
    expect(ok(await t.api(admin, 'GET', `/orders/${order.id}`)).status).toBe('confirmed');

    const progress = ok(await t.api(admin, 'GET', `/orders/${order.id}/progress`));
    const line = progress.lines[0];
    ok(await t.api(admin, 'POST', `/orders/${order.id}/fulfil`, { lines: [{ line_id: line.id, quantity: 2 }] }));

    const invoice = ok(await t.api(admin, 'POST', `/invoices/from/orders/${order.id}`, {}), 201);
    expect(invoice).toMatchObject({ source_object: 'orders', source_id: order.id, gross_total: '2260.00', account_id: account.id });
    ok(await t.api(admin, 'POST', `/invoices/${invoice.id}/issue`, {}));
    expect(ok(await t.api(admin, 'GET', `/orders/${order.id}`)).status).toBe('invoiced');
    // Nothing is left to invoice: a second invoice from the order is refused.
    const again = await t.api(admin, 'POST', `/invoices/from/orders/${order.id}`, {});
    expect(again.status).toBe(400);
    expect(again.body.error.details[0].code).toBe('no_lines');

    const pay = ok(await t.api(admin, 'POST', '/payments/record', { invoice_id: invoice.id, amount: '2260.00', method: 'bank_transfer', received_on: '2026-12-28' }), 201);
    expect(pay.amount_allocated).toBe('2260.00');
    expect(ok(await t.api(admin, 'GET', `/invoices/${invoice.id}`))).toMatchObject({ status: 'paid', amount_due: '0.00' });

    // A service contract: two instalments; the first invoiced from the contract and paid.
    const contract = ok(await t.api(admin, 'POST', '/contracts', { name: '年度维保', account_id: account.id, type: 'service', start_date: '2026-01-01', end_date: '2026-12-31', value: '12000.00' }), 201);
    ok(await t.api(admin, 'POST', `/contracts/${contract.id}/plan/generate`, { count: 2, first_due_date: '2026-06-30', every_months: 6 }));
    const inst = ok(await t.api(admin, 'POST', `/invoices/from/contracts/${contract.id}`, {}), 201);
    expect(inst.gross_total).toBe('12000.00');
    ok(await t.api(admin, 'POST', `/invoices/${inst.id}/issue`, {}));
    ok(await t.api(admin, 'POST', '/payments/record', { invoice_id: inst.id, amount: '6000.00', method: 'alipay', received_on: '2026-07-01' }), 201);
    expect(ok(await t.api(admin, 'GET', `/invoices/${inst.id}`))).toMatchObject({ status: 'partially_paid', amount_due: '6000.00' });

    // Everything is on the account's timeline.
    const timeline = await t.api(admin, 'GET', `/accounts/${account.id}/timeline?limit=100`);
    const kinds = new Set(timeline.body.data.map((e: any) => e.kind));
    for (const k of ['quote', 'order', 'invoice', 'payment', 'contract']) expect(kinds.has(k), k).toBe(true);
  });
});
