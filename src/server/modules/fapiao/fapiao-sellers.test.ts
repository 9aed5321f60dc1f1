import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';
import { issuedInvoice } from '../invoices/billing.test-support.ts';
import { taxId } from './fapiao.test-support.ts';

// Seller profiles (/api/v1/fapiao-sellers): administrators write them, the tax ID is checked
// like the buyer's, one default at most, and a new fapiao snapshots the default (or the chosen)
// profile so a later edit of the profile never changes it.
const t = useTestApp();
const f = factories(t);
const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown, token = t.adminToken) => t.api(token, method, url, body);
const sellers = async () => (await sql<{ id: number; tax_id: string; is_default: boolean }>`SELECT id, tax_id, is_default FROM fapiao_sellers ORDER BY id`.execute(t.database.db)).rows;

describe('seller profiles', () => {
  it('checks the tax ID, keeps one default and refuses non-administrators', async () => {
    const a = await api('POST', '/fapiao-sellers', { name: '福州茶业有限公司', tax_id: taxId(1).toLowerCase(), address_phone: '福州 0591-1', bank_account: '中国银行 1', is_default: true });
    expect(a.status).toBe(201);
    expect(a.body.data).toMatchObject({ tax_id: taxId(1), is_default: true, active: true });
    const before = await sellers();
    for (const body of [{ name: 'Bad', tax_id: '91350100M000100Y44' }, { name: 'Short', tax_id: '9135' }]) {
      const r = await api('POST', '/fapiao-sellers', body);
      expect([r.status, r.body.error.code]).toEqual([422, 'invalid_tax_id']);
    }
    const none = await api('POST', '/fapiao-sellers', { name: 'No tax ID' });
    expect(none.status).toBe(400);
    expect(await sellers()).toEqual(before);

    // A second default takes over: the first is no longer the default.
    const b = await api('POST', '/fapiao-sellers', { name: '厦门茶业有限公司', tax_id: taxId(2), is_default: true });
    expect(b.status).toBe(201);
    expect((await sellers()).map((s) => [s.id, s.is_default])).toEqual([[a.body.data.id, false], [b.body.data.id, true]]);
    const back = await api('PATCH', `/fapiao-sellers/${a.body.data.id}`, { is_default: true, version: (await api('GET', `/fapiao-sellers/${a.body.data.id}`)).body.data.version });
    expect(back.status).toBe(200);
    expect((await sellers()).filter((s) => s.is_default).map((s) => s.id)).toEqual([a.body.data.id]);
    // The database refuses two defaults even past the hooks.
    await expect(sql`UPDATE fapiao_sellers SET is_default = true`.execute(t.database.db)).rejects.toThrow();

    // Sales read the profiles (to pick one) but may not write them; a refusal changes nothing.
    const sales = await t.userToken('sales');
    expect((await api('GET', '/fapiao-sellers', undefined, sales.token)).status).toBe(200);
    const snap = await sellers();
    expect((await api('POST', '/fapiao-sellers', { name: 'Mine', tax_id: taxId(3) }, sales.token)).status).toBe(403);
    expect((await api('PATCH', `/fapiao-sellers/${a.body.data.id}`, { name: 'Mine', version: 1 }, sales.token)).status).toBe(403);
    expect((await api('DELETE', `/fapiao-sellers/${b.body.data.id}`, undefined, sales.token)).status).toBe(403);
    expect(await sellers()).toEqual(snap);
  });

  it('prefills a new fapiao from the default or the chosen profile, as a snapshot', async () => {
    const account = await f.account({ name: '买方有限公司' });
    const def = (await api('POST', '/fapiao-sellers', { name: '默认销售方', tax_id: taxId(11), address_phone: '上海 021-1', bank_account: '招商银行 1', is_default: true })).body.data;
    const other = (await api('POST', '/fapiao-sellers', { name: '第二销售方', tax_id: taxId(12), address_phone: '北京 010-1', bank_account: '工商银行 2' })).body.data;

    const inv = await issuedInvoice(t, t.adminToken, account.id, '100.00');
    const fromInvoice = await api('POST', '/fapiao/from-invoices', { invoice_ids: [inv.id] });
    expect(fromInvoice.body.data).toMatchObject({ seller_id: def.id, seller_name: '默认销售方', seller_tax_id: taxId(11), seller_address_phone: '上海 021-1', seller_bank_account: '招商银行 1' });
    const inv2 = await issuedInvoice(t, t.adminToken, account.id, '50.00');
    const chosen = await api('POST', '/fapiao/from-invoices', { invoice_ids: [inv2.id], seller_id: other.id });
    expect(chosen.body.data).toMatchObject({ seller_id: other.id, seller_name: '第二销售方', seller_tax_id: taxId(12) });
    const direct = await api('POST', '/fapiao', { account_id: account.id, buyer_name: 'Walk-in' });
    expect(direct.body.data).toMatchObject({ seller_id: def.id, seller_name: '默认销售方', seller_bank_account: '招商银行 1' });
    // Picking another profile on a draft copies that one.
    const moved = await api('PATCH', `/fapiao/${direct.body.data.id}`, { seller_id: other.id, version: direct.body.data.version });
    expect(moved.body.data).toMatchObject({ seller_id: other.id, seller_name: '第二销售方', seller_address_phone: '北京 010-1' });

    // Editing the profile later changes no fapiao.
    const edit = await api('PATCH', `/fapiao-sellers/${def.id}`, { name: '改名后的销售方', bank_account: '新账户', version: def.version });
    expect(edit.status).toBe(200);
    expect((await api('GET', `/fapiao/${fromInvoice.body.data.id}`)).body.data).toMatchObject({ seller_name: '默认销售方', seller_bank_account: '招商银行 1' });
    // An unknown profile is refused and makes nothing.
    const count = (await sql`SELECT count(*)::int AS n FROM fapiao`.execute(t.database.db)).rows[0];
    const bad = await api('POST', '/fapiao', { account_id: account.id, buyer_name: 'X', seller_id: 999999 });
    expect(bad.status).toBeGreaterThanOrEqual(400);
    expect(bad.status).toBeLessThan(500);
    expect((await sql`SELECT count(*)::int AS n FROM fapiao`.execute(t.database.db)).rows[0]).toEqual(count);
  });

  it('labels the channel in three languages and shows it under the title', async () => {
    const r = await api('GET', '/meta/objects/fapiao');
    expect(r.status).toBe(200);
    const labels = r.body.data.labels;
    expect([labels.en.options.provider.manual, labels['zh-CN'].options.provider.manual, labels['zh-TW'].options.provider.manual]).toEqual(['Manual entry', '手工开具', '手工開立']);
    expect(r.body.data.fields.find((x: any) => x.key === 'provider').type).toBe('select');
    expect(r.body.data.subtitle).toEqual(['kind', 'colour', 'status', 'provider']);
  });
});
