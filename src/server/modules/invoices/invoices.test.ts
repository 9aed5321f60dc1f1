import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';
import { BILLING_TEST_MODULE, billingSnapshot, invoicedOf, issuedInvoice, orderWithLines } from './billing.test-support.ts';

// Invoices: partial invoicing through a billing source, credit notes giving quantities back,
// issue and void, and every refusal changing nothing.
const t = useTestApp({ modules: [BILLING_TEST_MODULE] });
const f = factories(t);

describe('invoices from a billing source', () => {
  it('invoices part of an order, refuses more than is left, and a credit note gives quantities back', async () => {
    const account = await f.account();
    const order = await orderWithLines(t, t.adminToken, account.id, [
      { description: 'Green tea', quantity: '10', unit_price: '100.00', tax_rate: '13' },
      { description: 'Black tea', quantity: '5', unit_price: '20.00' },
    ]);
    const [a, b] = order.lineIds as [number, number];
    const first = await t.api(t.adminToken, 'POST', `/invoices/from/test_orders/${order.id}`, { lines: [{ line_id: a, quantity: '4' }] });
    expect(first.status).toBe(201);
    expect(first.body.data).toMatchObject({ kind: 'invoice', status: 'draft', source_object: 'test_orders', source_id: order.id, gross_total: '452.00', account_id: account.id });
    expect(first.body.data.number).toMatch(/^INV-\d{4}-\d{5}$/);
    expect(await invoicedOf(t, a)).toBe('4');

    const before = await billingSnapshot(t);
    const over = await t.api(t.adminToken, 'POST', `/invoices/from/test_orders/${order.id}`, { lines: [{ line_id: a, quantity: '6.5' }] });
    expect(over.status).toBe(422);
    expect(over.body.error).toMatchObject({ code: 'over_billable', details: { line_id: a, available: '6' } });
    const unknown = await t.api(t.adminToken, 'POST', '/invoices/from/nothing/1', {});
    expect(unknown.status).toBe(404);
    const missing = await t.api(t.adminToken, 'POST', '/invoices/from/test_orders/999999', {});
    expect(missing.status).toBe(404);
    expect(await billingSnapshot(t)).toEqual(before);

    // The rest of the order: both lines, what is left of each.
    const rest = await t.api(t.adminToken, 'POST', `/invoices/from/test_orders/${order.id}`, {});
    expect(rest.status).toBe(201);
    expect(rest.body.data.gross_total).toBe(String((6 * 113 + 100).toFixed(2)));
    expect([await invoicedOf(t, a), await invoicedOf(t, b)]).toEqual(['10', '5']);
    const lines = await t.api(t.adminToken, 'GET', `/invoices/${rest.body.data.id}/lines`);
    expect(lines.body.data.lines.map((l: any) => l.quantity)).toEqual(['6', '5']);
    // A sourced invoice's lines are what the source was told: fixed.
    const edit = await t.api(t.adminToken, 'PUT', `/invoices/${rest.body.data.id}/lines`, { version: rest.body.data.version, lines: [] });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('invoice_not_editable');

    const issued = await t.api(t.adminToken, 'POST', `/invoices/${rest.body.data.id}/issue`, { issue_date: '2026-03-01' });
    expect(issued.body.data).toMatchObject({ status: 'issued', issue_date: '2026-03-01', due_date: '2026-03-31', amount_due: '778.00' });
    const invLines = await t.api(t.adminToken, 'GET', `/invoices/${rest.body.data.id}/lines`);
    const teaLine = invLines.body.data.lines[0].id;

    // Credit 2 of the 6 green teas: positive amounts, kind credit_note.
    const cn = await t.api(t.adminToken, 'POST', `/invoices/${rest.body.data.id}/credit-note`, { lines: [{ line_id: teaLine, quantity: '2' }] });
    expect(cn.status).toBe(201);
    expect(cn.body.data).toMatchObject({ kind: 'credit_note', credited_invoice_id: rest.body.data.id, status: 'draft', gross_total: '226.00' });
    expect(await invoicedOf(t, a)).toBe('10');
    const cnIssued = await t.api(t.adminToken, 'POST', `/invoices/${cn.body.data.id}/issue`, {});
    expect(cnIssued.status).toBe(200);
    expect(await invoicedOf(t, a)).toBe('8');
    const credited = await t.api(t.adminToken, 'GET', `/invoices/${rest.body.data.id}`);
    expect(credited.body.data).toMatchObject({ amount_credited: '226.00', amount_due: '552.00', status: 'issued' });

    // More than is left uncredited: refused, nothing written.
    const snap = await billingSnapshot(t);
    const tooMuch = await t.api(t.adminToken, 'POST', `/invoices/${rest.body.data.id}/credit-note`, { lines: [{ line_id: teaLine, quantity: '7' }] });
    expect(tooMuch.status).toBe(422);
    const whole = await t.api(t.adminToken, 'POST', `/invoices/${rest.body.data.id}/credit-note`, {});
    expect(whole.status).toBe(422);
    expect(whole.body.error.code).toBe('over_credit');
    expect(await billingSnapshot(t)).toEqual(snap);
  });

  it('a void invoice gives its quantities back; a void needs a reason; only drafts change', async () => {
    const account = await f.account();
    const order = await orderWithLines(t, t.adminToken, account.id, [{ description: 'Oolong', quantity: '3', unit_price: '50' }]);
    const inv = await t.api(t.adminToken, 'POST', `/invoices/from/test_orders/${order.id}`, {});
    expect(await invoicedOf(t, order.lineIds[0]!)).toBe('3');
    const snap = await billingSnapshot(t);
    expect((await t.api(t.adminToken, 'POST', `/invoices/${inv.body.data.id}/void`, { reason: ' ' })).status).toBe(400);
    expect(await billingSnapshot(t)).toEqual(snap);
    const v = await t.api(t.adminToken, 'POST', `/invoices/${inv.body.data.id}/void`, { reason: 'Wrong customer' });
    expect(v.body.data).toMatchObject({ status: 'void', void_reason: 'Wrong customer' });
    expect(await invoicedOf(t, order.lineIds[0]!)).toBe('0');
    const again = await t.api(t.adminToken, 'POST', `/invoices/${inv.body.data.id}/void`, { reason: 'Again' });
    expect(again.status).toBe(409);

    const issued = await issuedInvoice(t, t.adminToken, account.id, '100.00');
    const s2 = await billingSnapshot(t);
    const patch = await t.api(t.adminToken, 'PATCH', `/invoices/${issued.id}`, { currency: 'USD' });
    expect(patch.status).toBe(409);
    expect(patch.body.error).toMatchObject({ code: 'invoice_not_editable' });
    const lines = await t.api(t.adminToken, 'PUT', `/invoices/${issued.id}/lines`, { version: issued.version, lines: [] });
    expect(lines.status).toBe(409);
    const reissue = await t.api(t.adminToken, 'POST', `/invoices/${issued.id}/issue`, {});
    expect(reissue.status).toBe(409);
    const del = await t.api(t.adminToken, 'DELETE', `/invoices/${issued.id}`);
    expect(del.status).toBe(409);
    expect(await billingSnapshot(t)).toEqual(s2);
    // Notes and the owner still change.
    expect((await t.api(t.adminToken, 'PATCH', `/invoices/${issued.id}`, { notes: 'Call Ms Li' })).status).toBe(200);
  });

  it('an invoice without lines or account is not issued', async () => {
    const c = await t.api(t.adminToken, 'POST', '/invoices', {});
    const r = await t.api(t.adminToken, 'POST', `/invoices/${c.body.data.id}/issue`, {});
    expect(r.status).toBe(400);
    expect(r.body.error.details.map((d: any) => d.code).sort()).toEqual(['no_lines', 'required']);
  });

  it('shows invoices on the account timeline', async () => {
    const account = await f.account();
    const inv = await issuedInvoice(t, t.adminToken, account.id, '10.00');
    const tl = await t.api(t.adminToken, 'GET', `/accounts/${account.id}/timeline`);
    expect(JSON.stringify(tl.body)).toContain(inv.number);
  });
});
