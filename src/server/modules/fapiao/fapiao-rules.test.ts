import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';
import { issuedInvoice } from '../invoices/billing.test-support.ts';
import { digitalNumber, fapiaoSnapshot, SPECIAL_BUYER, taxId } from './fapiao.test-support.ts';

// Every refusal of the fapiao module with its code, changing nothing; two concurrent requests
// for the same invoice; hidden records and hidden amounts.
const t = useTestApp();
const f = factories(t);

const post = (url: string, body?: unknown, token = t.adminToken) => t.api(token, 'POST', url, body);

describe('fapiao refusals', () => {
  it('refuses bad input with its code and changes nothing', async () => {
    const account = await f.account();
    const other = await f.account();
    const inv = await issuedInvoice(t, t.adminToken, account.id, '100.00');
    const theirs = await issuedInvoice(t, t.adminToken, other.id, '10.00');
    const draftInv = (await post('/invoices', { account_id: account.id })).body.data;
    const fp = (await post('/fapiao/from-invoices', { invoice_ids: [inv.id], kind: 'digital_special' })).body.data;
    const before = await fapiaoSnapshot(t);

    const cases: [string, unknown, number, string][] = [
      ['/fapiao/from-invoices', { invoice_ids: [inv.id] }, 422, 'fapiao_over_invoice'],
      ['/fapiao/from-invoices', { invoice_ids: [draftInv.id] }, 409, 'conflict'],
      ['/fapiao/from-invoices', { invoice_ids: [theirs.id], buyer_tax_id: '91350100M000100Y44' }, 422, 'invalid_tax_id'],
      ['/fapiao/from-invoices', { invoice_ids: [theirs.id, inv.id] }, 400, 'validation_failed'],
      [`/fapiao/${fp.id}/request`, undefined, 422, 'special_fapiao_buyer_incomplete'],
      [`/fapiao/${fp.id}/issue`, { number: digitalNumber(5) }, 422, 'special_fapiao_buyer_incomplete'],
      [`/fapiao/${fp.id}/red`, { red_confirmation_number: '1' }, 422, 'red_without_blue'],
    ];
    for (const [url, body, status, code] of cases) {
      const r = await post(url, body);
      expect([url, r.status, r.body.error.code]).toEqual([url, status, code]);
    }
    expect(await fapiaoSnapshot(t)).toEqual(before);
    // A draft may hold a tax ID being typed; it is not requested nor issued with it.
    const typing = await t.api(t.adminToken, 'PATCH', `/fapiao/${fp.id}`, { ...SPECIAL_BUYER, buyer_tax_id: '91350100m000100y4', version: fp.version });
    expect(typing.body.data.buyer_tax_id).toBe('91350100M000100Y4');
    const typed = await fapiaoSnapshot(t);
    for (const url of [`/fapiao/${fp.id}/request`, `/fapiao/${fp.id}/issue`]) {
      const r = await post(url, url.endsWith('issue') ? { number: digitalNumber(5) } : undefined);
      expect([url, r.status, r.body.error.code]).toEqual([url, 422, 'invalid_tax_id']);
    }
    expect(await fapiaoSnapshot(t)).toEqual(typed);

    // Complete the buyer: a wrong number is refused, then it is issued and read-only.
    const ok = await t.api(t.adminToken, 'PATCH', `/fapiao/${fp.id}`, { ...SPECIAL_BUYER, version: typing.body.data.version });
    expect(ok.status).toBe(200);
    const mid = await fapiaoSnapshot(t);
    for (const number of ['123', '2644000000000000000X', '']) {
      const r = await post(`/fapiao/${fp.id}/issue`, { number });
      expect([r.status, r.body.error.code]).toEqual([422, 'invalid_fapiao_number']);
    }
    expect(await fapiaoSnapshot(t)).toEqual(mid);
    const issued = (await post(`/fapiao/${fp.id}/issue`, { number: digitalNumber(6) })).body.data;
    expect(issued.status).toBe('issued');
    const done = await fapiaoSnapshot(t);
    const edit = await t.api(t.adminToken, 'PATCH', `/fapiao/${fp.id}`, { remarks: 'x', version: issued.version });
    expect([edit.status, edit.body.error.code]).toEqual([409, 'fapiao_not_editable']);
    const lines = await t.api(t.adminToken, 'PUT', `/fapiao/${fp.id}/lines`, { version: issued.version, lines: [] });
    expect([lines.status, lines.body.error.code]).toEqual([409, 'fapiao_not_editable']);
    for (const [url, body, status, code] of [
      [`/fapiao/${fp.id}/issue`, { number: digitalNumber(7) }, 409, 'fapiao_not_editable'],
      [`/fapiao/${fp.id}/void`, { reason: 'digital ones are reversed, not voided' }, 409, 'fapiao_not_editable'],
      [`/fapiao/${fp.id}/red`, {}, 422, 'red_confirmation_required'],
      [`/fapiao/${fp.id}/red`, { red_confirmation_number: '   ' }, 422, 'red_confirmation_required'],
      [`/fapiao/${fp.id}/red`, { red_confirmation_number: 'R1', lines: [{ line_id: 99999999 }] }, 400, 'validation_failed'],
    ] as [string, unknown, number, string][]) {
      const r = await post(url, body);
      expect([url, r.status, r.body.error.code]).toEqual([url, status, code]);
    }
    const del = await t.api(t.adminToken, 'DELETE', `/fapiao/${fp.id}`);
    expect(del.status).toBe(409);
    // The same number twice is refused.
    const second = (await post('/fapiao/from-invoices', { invoice_ids: [theirs.id], buyer_tax_id: taxId(1) })).body.data;
    const dup = await post(`/fapiao/${second.id}/issue`, { number: digitalNumber(6) });
    expect([dup.status, dup.body.error.details.reason]).toEqual([409, 'fapiao_number_taken']);
    const { fapiao: _f, ...rest } = await fapiaoSnapshot(t);
    const { fapiao: _g, ...restDone } = done;
    expect(rest.links.filter((l: any) => Number(l.fapiao_id) !== second.id)).toEqual(restDone.links);
  });

  it('lets only one of several concurrent requests claim an invoice', async () => {
    const account = await f.account();
    const inv = await issuedInvoice(t, t.adminToken, account.id, '300.00');
    const all = await Promise.all(Array.from({ length: 6 }, () => post('/fapiao/from-invoices', { invoice_ids: [inv.id] })));
    expect(all.map((r) => r.status).sort()).toEqual([201, 422, 422, 422, 422, 422]);
    expect(all.filter((r) => r.status === 422).map((r) => r.body.error.code)).toEqual(Array(5).fill('fapiao_over_invoice'));
    expect((await t.api(t.adminToken, 'GET', `/invoices/${inv.id}/fapiao`)).body.data.fapiao).toHaveLength(1);
  });
});

describe('fapiao permissions', () => {
  it('answers a hidden invoice or fapiao like a missing one, and hides amounts a role may not read', async () => {
    const account = await f.account();
    const inv = await issuedInvoice(t, t.adminToken, account.id, '100.00');
    const fp = (await post('/fapiao/from-invoices', { invoice_ids: [inv.id] })).body.data;
    const rep = await f.user('sales');
    const before = await fapiaoSnapshot(t);
    const calls: [string, string, unknown][] = [
      ['POST', '/fapiao/from-invoices', { invoice_ids: [inv.id] }], ['GET', `/invoices/${inv.id}/fapiao`, undefined],
      ['POST', `/fapiao/${fp.id}/request`, undefined], ['POST', `/fapiao/${fp.id}/issue`, { number: digitalNumber(9) }],
      ['POST', `/fapiao/${fp.id}/red`, { red_confirmation_number: 'R' }], ['POST', `/fapiao/${fp.id}/void`, { reason: 'x' }],
      ['GET', `/fapiao/${fp.id}`, undefined],
    ];
    for (const [method, url, body] of calls) {
      const hidden = await t.api(rep.token, method as 'GET', url, body);
      const missingUrl = url.replace(String(fp.id), '99999999').replace(String(inv.id), '99999999');
      const missing = await t.api(rep.token, method as 'GET', missingUrl, method === 'POST' && url.endsWith('from-invoices') ? { invoice_ids: [99999999] } : body);
      expect([url, hidden.status, hidden.body.error]).toEqual([url, 404, missing.body.error]);
    }
    expect(await fapiaoSnapshot(t)).toEqual(before);

    // A role that may not read invoice amounts sees the invoice's fapiao without amounts.
    expect((await t.api(t.adminToken, 'PATCH', '/roles/marketing', { field_rules: { invoices: { gross_total: 'hidden' }, fapiao: { amount_total: 'hidden' } } })).status).toBe(200);
    const clerk = await f.user('marketing');
    const panel = await t.api(clerk.token, 'GET', `/invoices/${inv.id}/fapiao`);
    expect(panel.status).toBe(200);
    expect(panel.body.data).toEqual({ remaining: null, fapiao: [expect.objectContaining({ id: fp.id, amount: null })] });
    const over = await post('/fapiao/from-invoices', { invoice_ids: [inv.id] }, clerk.token);
    expect(over.body.error.code).toBe('fapiao_over_invoice');
    expect(over.body.error.details.remaining).toBeUndefined();
    const read = await t.api(clerk.token, 'GET', `/fapiao/${fp.id}`);
    expect(read.body.data.amount_total).toBeUndefined();
  });
});
