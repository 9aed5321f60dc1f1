import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';
import { creditExposure } from '../../core/billing.ts';
import { BILLING_TEST_MODULE, billingSnapshot, issuedInvoice } from '../invoices/billing.test-support.ts';

// Payments and their allocations: invoice status and amounts follow in the same transaction,
// refusals change nothing, two parallel allocations cannot overpay one invoice.
const t = useTestApp({ modules: [BILLING_TEST_MODULE] });
const f = factories(t);

async function payment(accountId: number, amount: string, extra: Record<string, unknown> = {}) {
  const r = await t.api(t.adminToken, 'POST', '/payments', { account_id: accountId, method: 'alipay', amount, received_on: '2026-03-05', ...extra });
  if (r.status !== 201) throw new Error(JSON.stringify(r.body));
  return r.body.data;
}

const allocate = (id: number, allocations: unknown[], token = t.adminToken) => t.api(token, 'PUT', `/payments/${id}/allocations`, { allocations });

describe('payment allocations', () => {
  it('pays invoices partly then fully, and refuses over-allocation, over-payment and other currencies changing nothing', async () => {
    const account = await f.account();
    const a = await issuedInvoice(t, t.adminToken, account.id, '300.00');
    const b = await issuedInvoice(t, t.adminToken, account.id, '200.00');
    const usd = await issuedInvoice(t, t.adminToken, account.id, '50.00', { currency: 'USD' });
    const p = await payment(account.id, '400.00');
    expect(p).toMatchObject({ number: expect.stringMatching(/^PAY-\d{4}-\d{5}$/), amount_unapplied: '400.00', currency: 'CNY' });

    const ok = await allocate(p.id, [{ target_kind: 'invoice', target_id: a.id, amount: '100.00' }]);
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({ allocated: '100.00', unapplied: '300.00' });
    expect((await t.api(t.adminToken, 'GET', `/invoices/${a.id}`)).body.data).toMatchObject({ status: 'partially_paid', amount_paid: '100.00', amount_due: '200.00' });

    const snap = await billingSnapshot(t);
    const over = await allocate(p.id, [{ target_kind: 'invoice', target_id: a.id, amount: '300.01' }]);
    expect([over.status, over.body.error.code, over.body.error.details.open]).toEqual([422, 'over_allocation', '300']);
    const overPay = await allocate(p.id, [{ target_kind: 'invoice', target_id: a.id, amount: '300.00' }, { target_kind: 'invoice', target_id: b.id, amount: '100.01' }]);
    expect([overPay.status, overPay.body.error.code]).toEqual([422, 'over_payment']);
    const cur = await allocate(p.id, [{ target_kind: 'invoice', target_id: usd.id, amount: '10.00' }]);
    expect([cur.status, cur.body.error.code]).toEqual([422, 'currency_mismatch']);
    const missing = await allocate(p.id, [{ target_kind: 'invoice', target_id: 99999999, amount: '1.00' }]);
    expect(missing.status).toBe(404);
    const kind = await allocate(p.id, [{ target_kind: 'nope', target_id: a.id, amount: '1.00' }]);
    expect([kind.status, kind.body.error.details[0].code]).toEqual([400, 'unknown_target_kind']);
    const twice = await allocate(p.id, [{ target_kind: 'invoice', target_id: a.id, amount: '1' }, { target_kind: 'invoice', target_id: a.id, amount: '1' }]);
    expect(twice.body.error.details[0].code).toBe('duplicate_target');
    const voidPaid = await t.api(t.adminToken, 'POST', `/invoices/${a.id}/void`, { reason: 'No' });
    expect([voidPaid.status, voidPaid.body.error.details.reason]).toEqual([409, 'invoice_has_payments']);
    const changeAmount = await t.api(t.adminToken, 'PATCH', `/payments/${p.id}`, { amount: '50.00' });
    expect(changeAmount.status).toBe(409);
    expect((await t.api(t.adminToken, 'DELETE', `/payments/${p.id}`)).status).toBe(409);
    expect(await billingSnapshot(t)).toEqual(snap);

    // The whole set replaced: a paid in full, b partly; the old allocation counts as open again.
    const both = await allocate(p.id, [{ target_kind: 'invoice', target_id: a.id, amount: '300.00' }, { target_kind: 'invoice', target_id: b.id, amount: '100.00' }]);
    expect(both.body.data).toMatchObject({ allocated: '400.00', unapplied: '0.00' });
    expect((await t.api(t.adminToken, 'GET', `/invoices/${a.id}`)).body.data).toMatchObject({ status: 'paid', amount_due: '0.00' });
    expect((await t.api(t.adminToken, 'GET', `/invoices/${b.id}`)).body.data).toMatchObject({ status: 'partially_paid', amount_due: '100.00' });
    // Taken off again: the invoice is issued and owed in full.
    await allocate(p.id, [{ target_kind: 'invoice', target_id: b.id, amount: '100.00' }]);
    expect((await t.api(t.adminToken, 'GET', `/invoices/${a.id}`)).body.data).toMatchObject({ status: 'issued', amount_paid: '0.00', amount_due: '300.00' });
  });

  it('two parallel allocations to one invoice cannot overpay it', async () => {
    const account = await f.account();
    const inv = await issuedInvoice(t, t.adminToken, account.id, '100.00');
    const p1 = await payment(account.id, '80.00');
    const p2 = await payment(account.id, '80.00');
    const [r1, r2] = await Promise.all([
      allocate(p1.id, [{ target_kind: 'invoice', target_id: inv.id, amount: '80.00' }]),
      allocate(p2.id, [{ target_kind: 'invoice', target_id: inv.id, amount: '80.00' }]),
    ]);
    expect([r1.status, r2.status].sort()).toEqual([200, 422]);
    const after = (await t.api(t.adminToken, 'GET', `/invoices/${inv.id}`)).body.data;
    expect(after).toMatchObject({ amount_paid: '80.00', amount_due: '20.00', status: 'partially_paid' });
  });

  it('registered payment targets are told their new totals; record payment allocates to the invoice', async () => {
    const account = await f.account();
    const { rows } = await sql<{ id: number }>`INSERT INTO test_instalments (account_id, amount) VALUES (${account.id}, 500) RETURNING id`.execute(t.database.db);
    const inst = Number(rows[0]!.id);
    const p = await payment(account.id, '600.00');
    const r = await allocate(p.id, [{ target_kind: 'test_instalment', target_id: inst, amount: '450.00' }]);
    expect(r.status).toBe(200);
    const paid = async () => Number((await sql<{ paid: string }>`SELECT paid FROM test_instalments WHERE id = ${inst}`.execute(t.database.db)).rows[0]!.paid);
    expect(await paid()).toBe(450);
    const over = await allocate(p.id, [{ target_kind: 'test_instalment', target_id: inst, amount: '500.01' }]);
    expect(over.body.error.code).toBe('over_allocation');
    await allocate(p.id, []);
    expect(await paid()).toBe(0);

    const inv = await issuedInvoice(t, t.adminToken, account.id, '120.00');
    const rec = await t.api(t.adminToken, 'POST', '/payments/record', { invoice_id: inv.id, amount: '120.00', method: 'wechat_pay', received_on: '2026-03-10' });
    expect(rec.status).toBe(201);
    expect(rec.body.data).toMatchObject({ account_id: account.id, amount_allocated: '120.00', method: 'wechat_pay' });
    expect((await t.api(t.adminToken, 'GET', `/invoices/${inv.id}`)).body.data.status).toBe('paid');
    const tab = await t.api(t.adminToken, 'GET', `/payments/to/invoice/${inv.id}`);
    expect(tab.body.data).toEqual([expect.objectContaining({ payment_id: rec.body.data.id, method: 'wechat_pay', amount: '120.00' })]);
    const snap = await billingSnapshot(t);
    const again = await t.api(t.adminToken, 'POST', '/payments/record', { invoice_id: inv.id, amount: '1.00', method: 'cash', received_on: '2026-03-10' });
    expect(again.body.error.code).toBe('over_allocation');
    expect(await billingSnapshot(t)).toEqual(snap);

    // Credit exposure: unpaid invoices and minus unapplied payments, in the organisation currency.
    const other = await f.account();
    await issuedInvoice(t, t.adminToken, other.id, '70.00');
    await payment(other.id, '30.00');
    expect((await creditExposure(t.database.db, other.id)).parts).toMatchObject({ invoices: '70.00', payments: '-30.00' });
  });

  it('a hidden invoice or payment answers 404 everywhere; hidden amounts do not leak', async () => {
    const account = await f.account();
    const rep = await f.user('sales');
    const other = await f.user('sales');
    const mine = await f.as(rep.token).account();
    const inv = await issuedInvoice(t, t.adminToken, account.id, '100.00', { owner_id: other.id });
    const p = await t.api(rep.token, 'POST', '/payments', { account_id: mine.id, method: 'cash', amount: '10.00', received_on: '2026-03-01' });
    expect(p.status).toBe(201);
    const snap = await billingSnapshot(t);
    const pay = p.body.data.id;
    const calls: ((id: number) => [string, string, unknown?])[] = [
      (id) => ['GET', `/invoices/${id}`], (id) => ['GET', `/invoices/${id}/lines`], (id) => ['GET', `/invoices/${id}/collection`],
      (id) => ['POST', `/invoices/${id}/collection`, { kind: 'call' }], (id) => ['POST', `/invoices/${id}/issue`, {}],
      (id) => ['POST', `/invoices/${id}/void`, { reason: 'x' }], (id) => ['POST', `/invoices/${id}/credit-note`, {}],
      (id) => ['PUT', `/payments/${pay}/allocations`, { allocations: [{ target_kind: 'invoice', target_id: id, amount: '1' }] }],
      (id) => ['GET', `/payments/to/invoice/${id}`],
      (id) => ['POST', '/payments/record', { invoice_id: id, amount: '1', method: 'cash', received_on: '2026-03-01' }],
    ];
    for (const call of calls) {
      const [method, url, body] = call(inv.id);
      const hidden = await t.api(rep.token, method as 'GET', url, body);
      const [m2, url2, body2] = call(99999999);
      const missing = await t.api(rep.token, m2 as 'GET', url2, body2);
      expect([url, hidden.status, hidden.body.error]).toEqual([url, 404, missing.body.error]);
    }
    expect(await billingSnapshot(t)).toEqual(snap);
    const theirs = await t.api(other.token, 'GET', `/payments/${p.body.data.id}/allocations`);
    expect(theirs.status).toBe(404);

    // A role whose payments' amounts are hidden sees allocations without amounts and may not change them.
    const roles = await t.api(t.adminToken, 'PATCH', '/roles/marketing', { field_rules: { payments: { amount: 'hidden' }, invoices: { amount_due: 'hidden' } } });
    expect(roles.status).toBe(200);
    const clerk = await f.user('marketing');
    const g = await t.api(clerk.token, 'GET', `/payments/${p.body.data.id}/allocations`);
    expect(g.status).toBe(200);
    expect(g.body.data.amount).toBeUndefined();
    expect((await t.api(clerk.token, 'PUT', `/payments/${p.body.data.id}/allocations`, { allocations: [] })).status).toBe(403);
    const promise = await t.api(clerk.token, 'POST', `/invoices/${inv.id}/collection`, { kind: 'call', promise_to_pay_date: '2026-04-01', promised_amount: '10' });
    expect(promise.status).toBe(403);
    expect((await t.api(clerk.token, 'GET', '/reports/sales/ageing')).status).toBe(403);
    expect(await billingSnapshot(t)).toEqual(snap);
  });
});
