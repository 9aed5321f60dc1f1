import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';
import { Money } from '../../../shared/money.ts';
import { fapiaoSnapshot } from './fapiao.test-support.ts';
import { partOfLines } from './fapiao.partial.ts';

// A fapiao for part of an invoice: the amount per invoice in fapiao_invoices, lines scaled to it
// exactly, never more than what is left, one winner among concurrent parts.
const t = useTestApp();
const f = factories(t);
const post = (url: string, body?: unknown) => t.api(t.adminToken, 'POST', url, body);

/** An issued invoice of two taxed lines: 3 × 100.00 at 13 % and 1 × 33.33 at 6 % (gross 374.33). */
async function twoLineInvoice() {
  const account = await f.account();
  const c = (await post('/invoices', { account_id: account.id })).body.data;
  const lines = [{ description: '茶叶', quantity: '3', unit_price: '100', tax_rate: '13' }, { description: '服务', quantity: '1', unit_price: '33.33', tax_rate: '6' }];
  expect((await t.api(t.adminToken, 'PUT', `/invoices/${c.id}/lines`, { version: c.version, lines })).status).toBe(200);
  const inv = (await post(`/invoices/${c.id}/issue`, {})).body.data;
  expect(inv.gross_total).toBe('374.33');
  return inv;
}
const remaining = async (id: number) => (await t.api(t.adminToken, 'GET', `/invoices/${id}/fapiao`)).body.data.remaining;

describe('partial fapiao', () => {
  it('scales the lines so they sum to the amount exactly, each with its own tax rate', () => {
    const line = (gross: string, rate: string) => ({ product_id: null, sku: null, description: 'x', quantity: '3', unit: null, unit_price: '1', discount_percent: '0', tax_rate: rate, net: '0', tax: '0', gross, tax_code: null, spec: null });
    const out = partOfLines([line('100.00', '13'), line('100.00', '13'), line('100.00', '6')], new Money('300'), new Money('100.00'), 'CNY');
    expect(out.map((l) => l.gross)).toEqual(['33.34', '33.33', '33.33']);
    expect(out.map((l) => l.tax)).toEqual(['3.84', '3.83', '1.89']);
    expect(out.every((l) => new Money(l.net).plus(l.tax).eq(l.gross))).toBe(true);
  });

  it('covers part of an invoice, then what is left, and refuses more', async () => {
    const inv = await twoLineInvoice();
    const first = await post('/fapiao/from-invoices', { invoice_ids: [inv.id], amounts: [{ invoice_id: inv.id, amount: '100.00' }] });
    expect(first.status).toBe(201);
    // Lines 339.00 at 13 % and 35.33 at 6 %: shares 90.56 (tax 10.42) and 9.44 (tax 0.53).
    expect([first.body.data.amount_total, first.body.data.amount_net, first.body.data.amount_tax]).toEqual(['100.00', '89.05', '10.95']);
    expect(await remaining(inv.id)).toBe('274.33');

    const before = await fapiaoSnapshot(t);
    const over = await post('/fapiao/from-invoices', { invoice_ids: [inv.id], amounts: [{ invoice_id: inv.id, amount: '274.34' }] });
    expect([over.status, over.body.error.code, over.body.error.details?.remaining ?? over.body.error.remaining]).toEqual([422, 'fapiao_over_invoice', '274.33']);
    for (const amounts of [[{ invoice_id: inv.id, amount: '0' }], [{ invoice_id: inv.id, amount: '1.001' }], [{ invoice_id: inv.id + 999, amount: '1' }]]) {
      const r = await post('/fapiao/from-invoices', { invoice_ids: [inv.id], amounts });
      expect([r.status, r.body.error.code]).toEqual([400, 'validation_failed']);
    }
    expect(await fapiaoSnapshot(t)).toEqual(before);

    // Not named: the rest of the invoice.
    const rest = await post('/fapiao/from-invoices', { invoice_ids: [inv.id] });
    expect([rest.status, rest.body.data.amount_total]).toEqual([201, '274.33']);
    expect(await remaining(inv.id)).toBe('0.00');
    expect((await post('/fapiao/from-invoices', { invoice_ids: [inv.id] })).body.error.code).toBe('fapiao_over_invoice');
  });

  it('lets only as many concurrent parts through as the invoice holds', async () => {
    const inv = await twoLineInvoice();
    const all = await Promise.all(Array.from({ length: 5 }, () => post('/fapiao/from-invoices', { invoice_ids: [inv.id], amounts: [{ invoice_id: inv.id, amount: '150.00' }] })));
    expect(all.map((r) => r.status).sort()).toEqual([201, 201, 422, 422, 422]);
    expect(await remaining(inv.id)).toBe('74.33');
  });
});
