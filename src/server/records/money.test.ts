import { describe, expect, it } from 'vitest';
import { useTestApp } from '../db/test-helpers.ts';
import { convert } from '../modules/settings/exchange-rates.service.ts';
import { importAs } from '../modules/imports/import-test-helpers.ts';

// Money fields are exact decimals with a currency: answered as fixed-digit text everywhere,
// refused (never rounded) when they hold more decimals than their currency, summed by the
// database in the organisation currency at the day's rate.
const t = useTestApp();
const today = new Date().toISOString().slice(0, 10);

async function account(body: Record<string, unknown>, token = t.adminToken) {
  return t.api(token, 'POST', '/accounts', { name: `Money ${Math.random()}`, ...body });
}

describe('money fields', () => {
  it('are exact decimal text with the currency digits in get, both list forms and export', async () => {
    const a = await account({ annual_revenue: '123456789012345.67', credit_limit: 0.1 });
    expect(a.status).toBe(201);
    expect(a.body.data).toMatchObject({ annual_revenue: '123456789012345.67', credit_limit: '0.10', currency: null });
    const id = a.body.data.id;
    expect((await t.api(t.adminToken, 'GET', `/accounts/${id}`)).body.data.annual_revenue).toBe('123456789012345.67');
    expect((await t.api(t.adminToken, 'GET', `/accounts?filter[id]=${id}`)).body.data[0]).toMatchObject({ annual_revenue: '123456789012345.67', credit_limit: '0.10' });
    const exp = await t.app.inject({ method: 'GET', url: `/api/v1/accounts/export?columns=name,annual_revenue&filter[id]=${id}`, headers: { authorization: `Bearer ${t.adminToken}` } });
    expect(exp.body.trim().split(/\r?\n/)[1]).toMatch(/,123456789012345\.67$/);
    const yen = await account({ currency: 'jpy', annual_revenue: 1000 });
    expect(yen.body.data).toMatchObject({ currency: 'JPY', annual_revenue: '1000' });
    expect((await t.api(t.adminToken, 'GET', `/accounts?filter[id]=${yen.body.data.id}`)).body.data[0].annual_revenue).toBe('1000');
  });

  it('refuses more decimals than the currency has, an unknown currency and non-amounts, changing nothing', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ annual_revenue: '10.005' }, 'annual_revenue', 'too_many_decimals'],
      [{ currency: 'JPY', annual_revenue: '12.5' }, 'annual_revenue', 'too_many_decimals'],
      [{ currency: 'XYZ' }, 'currency', 'unknown_currency'],
      [{ annual_revenue: '1e5' }, 'annual_revenue', 'not_a_number'],
      [{ annual_revenue: '1000000000000000' }, 'annual_revenue', 'too_large'],
    ];
    for (const [body, field, code] of cases) {
      const r = await account({ name: 'Refused money', ...body });
      expect([r.status, r.body.error.details]).toEqual([400, [expect.objectContaining({ field, code })]]);
    }
    expect((await t.api(t.adminToken, 'GET', '/accounts?filter[name]=Refused%20money')).body.data).toEqual([]);
    // A currency change is checked against the amounts the record keeps.
    const a = await account({ annual_revenue: '10.50' });
    const r = await t.api(t.adminToken, 'PATCH', `/accounts/${a.body.data.id}`, { currency: 'JPY' });
    expect([r.status, r.body.error.details[0].code]).toEqual([400, 'too_many_decimals']);
    expect((await t.api(t.adminToken, 'GET', `/accounts/${a.body.data.id}`)).body.data).toMatchObject({ currency: null, annual_revenue: '10.50' });
  });
});

describe('money in imports', () => {
  it('reads amounts exactly (symbols and separators dropped) and never rounds one the currency cannot hold', async () => {
    const csv = 'name,currency,annual_revenue\nImp CNY,,"¥12,999.505"\nImp JPY,jpy,1234.5\nImp OK,usd,"1,000.25"\n';
    const done = await importAs(t, t.adminToken, csv, 'create', 'accounts', { name: 'name', currency: 'currency', annual_revenue: 'annual_revenue' });
    expect(done.created).toBe(3);
    const rows = (await t.api(t.adminToken, 'GET', '/accounts?filter[name][starts]=Imp%20&sort=name&columns=name,currency,annual_revenue')).body.data;
    // A bad optional amount is left out (reported as a warning), not rounded.
    expect(rows.map((r: any) => [r.name, r.currency, r.annual_revenue])).toEqual([['Imp CNY', null, null], ['Imp JPY', 'JPY', null], ['Imp OK', 'USD', '1000.25']]);
  });
});

describe('exchange rates', () => {
  it('are set by administrators only, validated and audited; convert uses the latest rate on or before the date', async () => {
    const sales = await t.userToken('sales');
    expect((await t.api(sales.token, 'GET', '/settings/exchange-rates')).status).toBe(403);
    expect((await t.api(sales.token, 'PUT', '/settings/exchange-rates', { rates: [{ from_currency: 'USD', valid_from: '2024-01-01', rate: '7' }] })).status).toBe(403);
    const bad = await t.api(t.adminToken, 'PUT', '/settings/exchange-rates', { rates: [{ from_currency: 'USD', valid_from: '2024-01-01', rate: '7.1' }, { from_currency: 'USD', valid_from: '2024-02-30', rate: '-1' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: any) => d.code).sort()).toEqual(['invalid_date', 'invalid_rate']);
    expect((await t.api(t.adminToken, 'GET', '/settings/exchange-rates')).body.data).toEqual([]);
    const self = await t.api(t.adminToken, 'PUT', '/settings/exchange-rates', { rates: [{ from_currency: 'CNY', valid_from: '2024-01-01', rate: '1' }] });
    expect(self.body.error.details[0].code).toBe('same_currency');

    const ok = await t.api(t.adminToken, 'PUT', '/settings/exchange-rates', { rates: [
      { from_currency: 'usd', valid_from: '2024-01-01', rate: '7.1' }, { from_currency: 'USD', valid_from: '2024-06-01', rate: 7.25 },
    ] });
    expect(ok.status).toBe(200);
    expect(ok.body.data).toEqual([
      { from_currency: 'USD', to_currency: 'CNY', valid_from: '2024-06-01', rate: '7.2500000000' },
      { from_currency: 'USD', to_currency: 'CNY', valid_from: '2024-01-01', rate: '7.1000000000' },
    ]);
    const audit = await t.api(t.adminToken, 'GET', '/audit-log?filter[object]=exchange_rates');
    expect(audit.body.data[0].changes).toMatchObject({ 'USD→CNY 2024-06-01': [null, '7.25'] });

    const db = t.database.db;
    expect((await convert(db, '100', 'USD', '2024-05-31')).amount.toFixed(2)).toBe('710.00');
    expect((await convert(db, '19.99', 'USD', '2024-06-01')).amount.toFixed(2)).toBe('144.93');
    expect((await convert(db, '0.125', 'CNY', '2020-01-01')).amount.toFixed(2)).toBe('0.13');
    await expect(convert(db, '1', 'USD', '2023-12-31')).rejects.toMatchObject({ code: 'no_exchange_rate' });
    await expect(convert(db, '1', 'EUR', today)).rejects.toMatchObject({ code: 'no_exchange_rate' });
  });
});

describe('totals', () => {
  it('sum a money field in SQL in the organisation currency for the list filters, refusing a currency without a rate', async () => {
    const tag = `T${Date.now()}`;
    await account({ industry: tag, annual_revenue: '0.1' });
    await account({ industry: tag, annual_revenue: '0.2' });
    await account({ industry: tag, currency: 'EUR', annual_revenue: '19.99' });
    await account({ industry: tag });
    const url = `/accounts/totals?field=annual_revenue&filter[industry]=${tag}`;
    const missing = await t.api(t.adminToken, 'GET', url);
    expect([missing.status, missing.body.error.code, missing.body.error.details.currencies]).toEqual([409, 'no_exchange_rate', ['EUR']]);
    await t.api(t.adminToken, 'PUT', '/settings/exchange-rates', { rates: [{ from_currency: 'EUR', valid_from: '2000-01-01', rate: '7.25' }] });
    const r = await t.api(t.adminToken, 'GET', url);
    expect(r.body.data).toEqual({ field: 'annual_revenue', total: '145.23', currency: 'CNY', count: 3 });
    expect((await t.api(t.adminToken, 'GET', `${url}&filter[currency]=EUR`)).body.data.total).toBe('144.93');
    expect((await t.api(t.adminToken, 'GET', `/accounts/totals?field=annual_revenue&filter[industry]=none-${tag}`)).body.data).toMatchObject({ total: '0.00', count: 0 });
    for (const field of ['name', 'nope', '']) {
      expect((await t.api(t.adminToken, 'GET', `/accounts/totals?field=${field}`)).body.error.details[0].code).toBe('not_summable');
    }
  });

  it('an own-records role sums its own records only; a role the field is hidden from cannot sum it', async () => {
    const tag = `O${Date.now()}`;
    const rep = await t.userToken('sales');
    await account({ industry: tag, annual_revenue: '1000.00' });
    expect((await account({ industry: tag, annual_revenue: '12.34' }, rep.token)).status).toBe(201);
    const url = `/accounts/totals?field=annual_revenue&filter[industry]=${tag}`;
    expect((await t.api(t.adminToken, 'GET', url)).body.data.total).toBe('1012.34');
    expect((await t.api(rep.token, 'GET', url)).body.data).toMatchObject({ total: '12.34', count: 1 });
    expect((await t.api(t.adminToken, 'PATCH', '/roles/sales', { field_rules: { accounts: { annual_revenue: 'hidden' } } })).status).toBe(200);
    const hidden = await t.api(rep.token, 'GET', url);
    const unknown = await t.api(rep.token, 'GET', `/accounts/totals?field=no_such_field&filter[industry]=${tag}`);
    expect([hidden.status, hidden.body.error.details]).toEqual([400, unknown.body.error.details.map((d: any) => d)]);
    expect(hidden.body.error.details[0].code).toBe('not_summable');
  });
});
