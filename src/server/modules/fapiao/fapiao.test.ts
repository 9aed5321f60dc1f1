import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';
import { issuedInvoice } from '../invoices/billing.test-support.ts';
import { isCreditCode } from '../../../shared/tax-id.ts';
import { digitalNumber, SPECIAL_BUYER, taxId } from './fapiao.test-support.ts';

// Fapiao: requested from issued invoices (lines copied with the product's tax code, exact
// totals), requested, issued manually, reversed in part and in full by red fapiao, listed on the
// invoice with what is left, audited and on the account timeline.
const t = useTestApp();
const f = factories(t);

describe('unified social credit codes', () => {
  it('accepts a code with its check character and refuses others', () => {
    expect(isCreditCode('91350100M000100Y43')).toBe(true);
    expect(isCreditCode('91350100M000100Y44')).toBe(false);
    expect(isCreditCode('91350100M000100Y4')).toBe(false);
    expect(isCreditCode('91350100I000100Y43')).toBe(false);
  });
});

describe('fapiao of invoices', () => {
  it('requests, issues, reverses in part and in full, and shows it all on the invoice', async () => {
    const account = await f.account({ name: '福州茶业有限公司' });
    const product = await t.api(t.adminToken, 'POST', '/products', { name: '乌龙茶', sku: 'OOLONG', tax_rate: 13, tax_code: '1030203000000000000', list_price: '100' });
    expect(product.status).toBe(201);
    const c = await t.api(t.adminToken, 'POST', '/invoices', { account_id: account.id });
    await t.api(t.adminToken, 'PUT', `/invoices/${c.body.data.id}/lines`, { version: c.body.data.version, lines: [
      { product_id: product.body.data.id, description: '乌龙茶', quantity: '3', unit_price: '33.33', tax_rate: '13' },
      { description: '包装', quantity: '1', unit_price: '10', tax_rate: '6' },
    ] });
    const inv = (await t.api(t.adminToken, 'POST', `/invoices/${c.body.data.id}/issue`, {})).body.data;
    const inv2 = await issuedInvoice(t, t.adminToken, account.id, '50.00');

    const made = await t.api(t.adminToken, 'POST', '/fapiao/from-invoices', { invoice_ids: [inv.id, inv2.id], kind: 'digital_special', ...SPECIAL_BUYER });
    expect(made.status).toBe(201);
    const fp = made.body.data;
    // 99.99 + 13 % (13.00) + 10 + 6 % (0.60) = 123.59 on the first, 50 on the second.
    expect(fp).toMatchObject({ status: 'draft', colour: 'blue', kind: 'digital_special', buyer_name: '福州茶业有限公司', account_id: account.id, amount_total: '173.59', amount_tax: '13.60' });
    expect(inv.gross_total).toBe('123.59');
    const lines = await t.api(t.adminToken, 'GET', `/fapiao/${fp.id}/lines`);
    expect(lines.status).toBe(200);
    const { rows } = await sql<{ tax_code: string | null; description: string }>`SELECT tax_code, description FROM fapiao_lines WHERE parent_id = ${fp.id} ORDER BY position`.execute(t.database.db);
    expect(rows).toEqual([{ tax_code: '1030203000000000000', description: '乌龙茶' }, { tax_code: null, description: '包装' }, { tax_code: null, description: 'Tea' }]);

    const panel = await t.api(t.adminToken, 'GET', `/invoices/${inv.id}/fapiao`);
    expect(panel.body.data).toMatchObject({ remaining: '0.00', fapiao: [{ id: fp.id, status: 'draft', amount: '123.59' }] });

    expect((await t.api(t.adminToken, 'POST', `/fapiao/${fp.id}/request`)).body.data.status).toBe('requested');
    const issued = await t.api(t.adminToken, 'POST', `/fapiao/${fp.id}/issue`, { number: digitalNumber(1), issue_date: '2026-03-02' });
    expect(issued.status).toBe(200);
    expect(issued.body.data).toMatchObject({ status: 'issued', number: digitalNumber(1), issue_date: '2026-03-02', provider: 'manual' });
    const search = await t.api(t.adminToken, 'GET', `/fapiao?q=${digitalNumber(1)}`);
    expect(search.body.data.map((r: any) => r.id)).toContain(fp.id);

    // Red for one oolong: negative amounts, the blue one partly reversed once the red one is issued.
    const blueLines = (await t.api(t.adminToken, 'GET', `/fapiao/${fp.id}/lines`)).body.data.lines;
    const part = await t.api(t.adminToken, 'POST', `/fapiao/${fp.id}/red`, { red_confirmation_number: '44030026030200000001', lines: [{ line_id: blueLines[0].id, quantity: '1' }] });
    expect(part.status).toBe(201);
    expect(part.body.data).toMatchObject({ colour: 'red', reverses_id: fp.id, status: 'draft', amount_total: '-37.66', amount_net: '-33.33', red_confirmation_number: '44030026030200000001' });
    expect((await t.api(t.adminToken, 'POST', `/fapiao/${part.body.data.id}/issue`, { number: digitalNumber(2) })).status).toBe(200);
    const blue = (await t.api(t.adminToken, 'GET', `/fapiao/${fp.id}`)).body.data;
    expect(blue).toMatchObject({ red_state: 'partly', amount_reversed: '37.66' });
    // The reversed part is back on the invoice.
    expect((await t.api(t.adminToken, 'GET', `/invoices/${inv.id}/fapiao`)).body.data.remaining).toBe('37.66');

    // A full red of the rest: everything that is left, exactly.
    const over = await t.api(t.adminToken, 'POST', `/fapiao/${fp.id}/red`, { red_confirmation_number: '44030026030200000002' });
    expect(over.status).toBe(422);
    expect(over.body.error).toMatchObject({ code: 'over_red', details: { remaining: '135.93' } });
    const rest = await t.api(t.adminToken, 'POST', `/fapiao/${fp.id}/red`, { red_confirmation_number: '44030026030200000002', lines: [
      { line_id: blueLines[0].id, quantity: '2' }, { line_id: blueLines[1].id }, { line_id: blueLines[2].id },
    ] });
    expect(rest.status).toBe(201);
    expect(rest.body.data.amount_total).toBe('-135.93');
    await t.api(t.adminToken, 'POST', `/fapiao/${rest.body.data.id}/issue`, { number: digitalNumber(3) });
    expect((await t.api(t.adminToken, 'GET', `/fapiao/${fp.id}`)).body.data).toMatchObject({ red_state: 'reversed', amount_reversed: '173.59' });
    const after = (await t.api(t.adminToken, 'GET', `/invoices/${inv.id}/fapiao`)).body.data;
    expect(after.remaining).toBe('123.59');
    expect(after.fapiao.map((x: any) => x.colour)).toEqual(['blue', 'red', 'red']);

    // A new fapiao of the invoice is possible again; audited and on the account's timeline.
    expect((await t.api(t.adminToken, 'POST', '/fapiao/from-invoices', { invoice_ids: [inv.id], buyer_tax_id: taxId(7) })).status).toBe(201);
    const { rows: audit } = await sql<{ action: string }>`SELECT action FROM audit_log WHERE object = 'fapiao' AND record_id = ${fp.id} ORDER BY id`.execute(t.database.db);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['fapiao_from_invoices', 'request', 'issue', 'red_reversal']));
    const tl = await t.api(t.adminToken, 'GET', `/accounts/${account.id}/timeline?limit=100`);
    const onTimeline = tl.body.data.filter((e: any) => e.kind === 'fapiao');
    expect(onTimeline.length).toBe(4);
    // No untranslated status or colour codes in the entries' text.
    expect(onTimeline.map((e: any) => e.body).join(' ')).not.toMatch(/\b(red|draft|requested|issued)\b/);
  });

  it('issues paper fapiao with number and code, voids them, and makes hand-made drafts', async () => {
    const account = await f.account();
    const inv = await issuedInvoice(t, t.adminToken, account.id, '80.00');
    const fp = (await t.api(t.adminToken, 'POST', '/fapiao/from-invoices', { invoice_ids: [inv.id], kind: 'paper_normal' })).body.data;
    const issued = await t.api(t.adminToken, 'POST', `/fapiao/${fp.id}/issue`, { number: '01234567', code: '044031900111' });
    expect(issued.body.data).toMatchObject({ status: 'issued', number: '01234567', code: '044031900111' });
    const voided = await t.api(t.adminToken, 'POST', `/fapiao/${fp.id}/void`, { reason: '开错' });
    expect(voided.body.data).toMatchObject({ status: 'voided', void_reason: '开错' });
    expect((await t.api(t.adminToken, 'GET', `/invoices/${inv.id}/fapiao`)).body.data.remaining).toBe('80.00');

    const manual = await t.api(t.adminToken, 'POST', '/fapiao', { account_id: account.id, buyer_name: 'Walk-in', buyer_tax_id: taxId(3).toLowerCase() });
    expect(manual.status).toBe(201);
    expect(manual.body.data.buyer_tax_id).toBe(taxId(3));
    const put = await t.api(t.adminToken, 'PUT', `/fapiao/${manual.body.data.id}/lines`, { version: manual.body.data.version, lines: [{ description: '咨询服务', quantity: '1', unit_price: '100', tax_rate: '6' }] });
    expect(put.status).toBe(200);
    expect((await t.api(t.adminToken, 'GET', `/fapiao/${manual.body.data.id}`)).body.data.amount_total).toBe('106.00');
  });
});
