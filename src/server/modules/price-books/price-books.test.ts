import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';
import { pricingHelpers } from './test-support.ts';

// Price books through the API on PGlite and PostgreSQL: which book prices a product (audience,
// priority, validity, default, list price, no price), tiers, exact decimals, who may write.
const t = useTestApp();
const f = factories(t);
const { product, book, resolve, priceOf, field } = pricingHelpers(t);
const distributors = field('type', 'eq', 'distributor');

describe('price resolution', () => {
  it('takes the matching audience first, then books for everyone by priority, then the default book; validity and activity count', async () => {
    const p = await product();
    const only = await product();
    const dist = await f.account({ type: 'distributor', region: '华东' });
    const cust = await f.account({ type: 'customer' });
    const entry = (unit_price: string, id = p.id) => [{ product_id: id, unit_price }];
    const def = await book({ currency: 'EUR', is_default: true }, [...entry('90.00'), ...entry('77.00', only.id)]);
    const everyone = await book({ currency: 'EUR', priority: 1 }, entry('80.00'));
    const everyoneHigh = await book({ currency: 'EUR', priority: 5 }, entry('85.00'));
    const forDist = await book({ currency: 'EUR', priority: 0 }, entry('70.00'), distributors);
    await book({ currency: 'EUR', priority: 10, valid_to: '2020-12-31' }, entry('60.00'), distributors);
    const future = await book({ currency: 'EUR', priority: 9, valid_from: '2099-01-01' }, entry('65.00'), distributors);
    await book({ currency: 'EUR', priority: 20, active: false }, entry('50.00'));
    await book({ currency: 'USD', priority: 99 }, entry('1.00'));

    expect(await priceOf({ currency: 'EUR', account_id: dist.id, lines: [{ product_id: p.id, quantity: 1 }] })).toEqual({
      product_id: p.id, quantity: '1', unit_price: '70.00', source: 'price_book', price_book: { id: forDist.id, name: forDist.name },
    });
    expect((await priceOf({ currency: 'EUR', account_id: cust.id, lines: [{ product_id: p.id, quantity: 1 }] })).price_book!.id).toBe(everyoneHigh.id);
    expect((await priceOf({ currency: 'EUR', lines: [{ product_id: p.id, quantity: 1 }] })).unit_price).toBe('85.00');
    expect((await priceOf({ currency: 'EUR', account_id: dist.id, date: '2099-06-01', lines: [{ product_id: p.id, quantity: 1 }] })).price_book!.id).toBe(future.id);
    // Past its valid_to the distributor book of 2020 answered on its own dates.
    expect((await priceOf({ currency: 'EUR', account_id: dist.id, date: '2020-06-01', lines: [{ product_id: p.id, quantity: 1 }] })).unit_price).toBe('60.00');
    // A product only the default book prices.
    expect(await priceOf({ currency: 'EUR', account_id: dist.id, lines: [{ product_id: only.id, quantity: 2 }] })).toMatchObject({ unit_price: '77.00', price_book: { id: def.id } });
    expect(everyone.id).toBeLessThan(everyoneHigh.id);
  });

  it('falls back to the list price, converted at the dated rate, else says no_price', async () => {
    const p = await product({ list_price: '100.00' });
    const free = await product({ list_price: null });
    expect(await priceOf({ currency: 'CNY', lines: [{ product_id: p.id, quantity: 1 }] })).toMatchObject({ unit_price: '100.00', source: 'list_price', price_book: null });
    expect((await t.api(t.adminToken, 'PUT', '/settings/exchange-rates', { rates: [{ from_currency: 'SGD', valid_from: '2026-01-01', rate: '5.4' }, { from_currency: 'SGD', valid_from: '2026-06-01', rate: '5.3' }] })).status).toBe(200);
    // 100 / 5.4 = 18.518… → 18.52; from June 100 / 5.3 = 18.867… → 18.87; before any rate: no price.
    expect((await priceOf({ currency: 'SGD', date: '2026-03-01', lines: [{ product_id: p.id, quantity: 1 }] })).unit_price).toBe('18.52');
    expect((await priceOf({ currency: 'SGD', date: '2026-07-01', lines: [{ product_id: p.id, quantity: 1 }] })).unit_price).toBe('18.87');
    expect(await priceOf({ currency: 'SGD', date: '2025-12-31', lines: [{ product_id: p.id, quantity: 1 }] })).toMatchObject({ unit_price: null, source: 'no_price', reason: 'no_exchange_rate' });
    expect(await priceOf({ currency: 'CNY', lines: [{ product_id: free.id, quantity: 1 }] })).toMatchObject({ unit_price: null, source: 'no_price', reason: 'no_entry' });
  });

  it('applies a tier from exactly its min quantity, with exact decimals', async () => {
    const p = await product();
    await book({ currency: 'HKD', is_default: true }, [{ product_id: p.id, unit_price: '100.10', tiers: [{ min_quantity: '10', unit_price: '90.05' }, { min_quantity: 50, unit_price: '80.5' }] }]);
    const at = async (quantity: string) => (await priceOf({ currency: 'HKD', lines: [{ product_id: p.id, quantity }] })).unit_price;
    expect([await at('9.9999'), await at('10'), await at('49.5'), await at('50'), await at('1000')]).toEqual(['100.10', '90.05', '90.05', '80.50', '80.50']);
  });

  it('refuses a bad request clearly: unknown currency or product, a negative quantity', async () => {
    const p = await product();
    const r = await resolve({ currency: 'XYZ', lines: [{ product_id: p.id, quantity: -1 }, { product_id: 99_999_999, quantity: 1 }] });
    expect(r.status).toBe(400);
    expect(r.body.error.details.map((d: { code: string }) => d.code).sort()).toEqual(['negative_price', 'unknown_currency', 'unknown_product']);
  });

  it('answers an account the caller may not see exactly like a missing one', async () => {
    const p = await product();
    const rep = await f.user('sales');
    const theirs = await f.account({ name: 'Hidden Co' });
    const hidden = await resolve({ account_id: theirs.id, lines: [{ product_id: p.id, quantity: 1 }] }, rep.token);
    const missing = await resolve({ account_id: 99_999_999, lines: [{ product_id: p.id, quantity: 1 }] }, rep.token);
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(missing.body);
    const mine = await f.as(rep.token).account({ name: 'Mine Co' });
    expect((await resolve({ account_id: mine.id, lines: [{ product_id: p.id, quantity: 1 }] }, rep.token)).status).toBe(200);
  });
});

describe('a hidden list price', () => {
  it('is never used or shown by the resolver for a role whose field rule hides it', async () => {
    const p = await product({ list_price: '123.45' });
    const rep = await f.user('readonly');
    expect((await t.api(t.adminToken, 'PATCH', '/roles/readonly', { field_rules: { products: { list_price: 'hidden' } } })).status).toBe(200);
    const r = await resolve({ lines: [{ product_id: p.id, quantity: 1 }] }, rep.token);
    expect(r.body.data.lines[0]).toMatchObject({ unit_price: null, source: 'no_price', reason: 'no_entry' });
    expect(JSON.stringify(r.body)).not.toContain('123.45');
    expect((await priceOf({ lines: [{ product_id: p.id, quantity: 1 }] })).unit_price).toBe('123.45');
  });
});

describe('price book entries', () => {
  it('keep a product once and prices within the currency digits; a refused PUT changes nothing', async () => {
    const p = await product();
    const q = await product();
    const b = await book({ currency: 'JPY' }, [{ product_id: p.id, unit_price: '1200' }]);
    const get = async () => (await t.api(t.adminToken, 'GET', `/price_books/${b.id}/entries`)).body.data;
    const before = await get();
    expect(before.entries).toEqual([expect.objectContaining({ product_id: p.id, unit_price: '1200', tiers: [] })]);
    const bad = await t.api(t.adminToken, 'PUT', `/price_books/${b.id}/entries`, { entries: [
      { product_id: q.id, unit_price: '10.5' },
      { product_id: q.id, unit_price: '10', tiers: [{ min_quantity: 5, unit_price: 9 }, { min_quantity: 5, unit_price: 8 }] },
      { product_id: 99_999_999, unit_price: '-1' },
    ] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string; code: string }) => `${d.field}:${d.code}`)).toEqual([
      'entries[0].unit_price:too_many_decimals', 'entries[1].product_id:duplicate_product', 'entries[1].tiers[1].min_quantity:tiers_not_ascending',
      'entries[2].product_id:unknown_product', 'entries[2].unit_price:negative_price',
    ]);
    expect(await get()).toEqual(before);
    const stale = await t.api(t.adminToken, 'PUT', `/price_books/${b.id}/entries`, { version: before.version + 5, entries: [] });
    expect(stale.status).toBe(409);
    const ok = await t.api(t.adminToken, 'PUT', `/price_books/${b.id}/entries`, { version: before.version, entries: [{ product_id: q.id, unit_price: 7 }] });
    expect(ok.status).toBe(200);
    expect(ok.body.data.version).toBe(before.version + 1);
  });

  it('keep exact decimals and refuse a currency whose digits cannot hold them', async () => {
    const p = await product();
    const b = await book({ currency: 'EUR' }, [{ product_id: p.id, unit_price: '0.1', tiers: [{ min_quantity: '0.5', unit_price: '0.07' }] }]);
    const e = (await t.api(t.adminToken, 'GET', `/price_books/${b.id}/entries`)).body.data.entries[0];
    expect(e).toMatchObject({ unit_price: '0.10', tiers: [{ min_quantity: '0.5', unit_price: '0.07' }] });
    const r = await t.api(t.adminToken, 'PATCH', `/price_books/${b.id}`, { currency: 'JPY' });
    expect(r.status).toBe(400);
    expect(r.body.error.details[0]).toMatchObject({ field: 'currency', code: 'too_many_decimals' });
    expect((await t.api(t.adminToken, 'GET', `/price_books/${b.id}`)).body.data.currency).toBe('EUR');
  });

  it('allow one default book per currency, and a valid_to after valid_from', async () => {
    await book({ currency: 'CHF', is_default: true });
    expect((await t.api(t.adminToken, 'POST', '/price_books', { name: 'Second', currency: 'CHF', is_default: true })).status).toBe(409);
    const r = await t.api(t.adminToken, 'POST', '/price_books', { name: 'Backwards', currency: 'chf', valid_from: '2026-02-01', valid_to: '2026-01-01' });
    expect(r.body.error.details).toEqual([expect.objectContaining({ field: 'valid_to', code: 'invalid_range' })]);
  });

  it('are read by everyone and written by managers and administrators only', async () => {
    const p = await product();
    const b = await book({ currency: 'CNY' }, [{ product_id: p.id, unit_price: '10.00' }]);
    const rep = await f.user('sales');
    const manager = await f.user('manager');
    expect((await t.api(rep.token, 'GET', `/price_books/${b.id}/entries`)).status).toBe(200);
    expect((await t.api(rep.token, 'GET', `/price_books/${b.id}`)).status).toBe(200);
    expect((await t.api(rep.token, 'POST', '/price_books', { name: 'Mine', currency: 'CNY' })).status).toBe(403);
    expect((await t.api(rep.token, 'PATCH', `/price_books/${b.id}`, { priority: 7 })).status).toBe(403);
    expect((await t.api(rep.token, 'PUT', `/price_books/${b.id}/entries`, { entries: [] })).status).toBe(403);
    expect((await t.api(rep.token, 'PUT', `/price_books/${b.id}/audience`, { audience: distributors })).status).toBe(403);
    expect((await t.api(t.adminToken, 'GET', `/price_books/${b.id}/entries`)).body.data.entries).toHaveLength(1);
    expect((await t.api(manager.token, 'PUT', `/price_books/${b.id}/entries`, { entries: [] })).status).toBe(200);
  });

  it('take an audience the condition compiler accepts, or none', async () => {
    const b = await book({ currency: 'CNY' });
    const bad = await t.api(t.adminToken, 'PUT', `/price_books/${b.id}/audience`, { audience: field('no_such_field', 'eq', 'x') });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_condition');
    const region = { kind: 'group', match: 'any', conditions: [distributors.conditions[0], { kind: 'field', field: 'region', op: 'eq', value: '华东' }] };
    expect((await t.api(t.adminToken, 'PUT', `/price_books/${b.id}/audience`, { audience: region })).body.data.audience).toEqual(region);
    expect((await t.api(t.adminToken, 'GET', `/price_books/${b.id}/audience`)).body.data.audience).toEqual(region);
    expect((await t.api(t.adminToken, 'PUT', `/price_books/${b.id}/audience`, { audience: { kind: 'group', match: 'all', conditions: [] } })).body.data.audience).toBeNull();
  });
});
