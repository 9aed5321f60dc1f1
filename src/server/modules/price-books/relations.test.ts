import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';
import { pricingHelpers } from './test-support.ts';

// Product relations (requires / excludes / option / bundle_component) and the line-items path:
// a PUT of lines is priced from the price books and refused, changing nothing, when it breaks a rule.
const t = useTestApp();
const f = factories(t);
const { product, book, resolve, field } = pricingHelpers(t);

const quote = async (values: Record<string, unknown> = {}) => (await t.api(t.adminToken, 'POST', '/quotes', { subject: 'Pricing', ...values })).body.data;
const putLines = (q: { id: number; version: number }, lines: unknown[]) => t.api(t.adminToken, 'PUT', `/quotes/${q.id}/lines`, { version: q.version, lines });
const relate = (id: number, relations: unknown[], token = t.adminToken) => t.api(token, 'PUT', `/products/${id}/relations`, { relations });

describe('product relations', () => {
  it('are kept by managers, read by everyone, and checked', async () => {
    const a = await product({ name: '主机' });
    const b = await product({ name: '电源' });
    const rep = await f.user('sales');
    expect((await relate(a.id, [{ related_product_id: b.id, kind: 'requires' }], rep.token)).status).toBe(403);
    const bad = await relate(a.id, [{ related_product_id: a.id, kind: 'option' }, { related_product_id: 99_999_999, kind: 'excludes' }, { related_product_id: b.id, kind: 'bundle_component', quantity: 0 }]);
    expect(bad.body.error.details.map((d: { code: string }) => d.code)).toEqual(['self_relation', 'unknown_product', 'not_positive']);
    const ok = await relate(a.id, [{ related_product_id: b.id, kind: 'bundle_component', quantity: '2.5' }]);
    expect(ok.status).toBe(200);
    const got = await t.api(rep.token, 'GET', `/products/${a.id}/relations`);
    expect(got.body.data.relations).toEqual([{ related_product_id: b.id, related_name: '电源', related_sku: expect.any(String), kind: 'bundle_component', quantity: '2.5' }]);
    expect((await t.api(rep.token, 'GET', '/products/99999999/relations')).status).toBe(404);
  });

  it('refuse lines missing a required product (422 product_requires) and writing nothing', async () => {
    const a = await product({ name: 'Scanner' });
    const b = await product({ name: 'Licence' });
    const c = await product({ name: 'Cable' });
    await relate(a.id, [{ related_product_id: b.id, kind: 'requires' }]);
    const q = await quote();
    const first = await putLines(q, [{ product_id: c.id, quantity: 1 }]);
    const r = await putLines({ id: q.id, version: first.body.data.version }, [{ product_id: c.id, quantity: 1 }, { product_id: a.id, quantity: 1 }]);
    expect(r.status).toBe(422);
    expect(r.body.error).toMatchObject({ code: 'product_requires', details: { line: 1, product_id: a.id, product_name: 'Scanner', required_product_id: b.id, required_product_name: 'Licence' } });
    const after = (await t.api(t.adminToken, 'GET', `/quotes/${q.id}/lines`)).body.data;
    expect([after.version, after.lines.map((l: { product_id: number }) => l.product_id)]).toEqual([first.body.data.version, [c.id]]);
    expect((await putLines({ id: q.id, version: first.body.data.version }, [{ product_id: a.id, quantity: 1 }, { product_id: b.id, quantity: 1 }])).status).toBe(200);
  });

  it('refuse two products excluding each other, whichever side declared it', async () => {
    const x = await product({ name: 'Windows edition' });
    const y = await product({ name: 'Linux edition' });
    await relate(y.id, [{ related_product_id: x.id, kind: 'excludes' }]);
    const q = await quote();
    const r = await putLines(q, [{ product_id: x.id, quantity: 1 }, { product_id: y.id, quantity: 1 }]);
    expect(r.status).toBe(422);
    expect(r.body.error).toMatchObject({ code: 'products_exclude', details: { product_id: y.id, excluded_product_id: x.id, product_name: 'Linux edition', excluded_product_name: 'Windows edition' } });
    expect((await t.api(t.adminToken, 'GET', `/quotes/${q.id}/lines`)).body.data).toMatchObject({ version: q.version, lines: [] });
  });

  it('expand a bundle into its components at price 0 when asked', async () => {
    const kit = await product({ name: 'Starter kit', list_price: '500.00' });
    const cam = await product({ name: 'Camera' });
    const sd = await product({ name: 'SD card' });
    await relate(kit.id, [{ related_product_id: cam.id, kind: 'bundle_component' }, { related_product_id: sd.id, kind: 'bundle_component', quantity: 2 }]);
    const r = await resolve({ expand_bundles: true, lines: [{ product_id: kit.id, quantity: 3 }] });
    expect(r.body.data.lines.map((l: { product_id: number; quantity: string; unit_price: string; source: string; bundle_of?: number }) => [l.product_id, l.quantity, l.unit_price, l.source, l.bundle_of])).toEqual([
      [kit.id, '3', '500.00', 'list_price', undefined], [cam.id, '3', '0.00', 'bundle_component', 0], [sd.id, '6', '0.00', 'bundle_component', 0],
    ]);
    expect((await resolve({ lines: [{ product_id: kit.id, quantity: 3 }] })).body.data.lines).toHaveLength(1);
  });
});

describe('lines priced from the price books', () => {
  it('fill a missing unit price from the book for the quote account and currency; a given price stays', async () => {
    const p = await product({ list_price: '100.00' });
    const dist = await f.account({ type: 'distributor' });
    await book({ currency: 'CNY', priority: 3 }, [{ product_id: p.id, unit_price: '80.00', tiers: [{ min_quantity: 10, unit_price: '75.00' }] }], field('type', 'eq', 'distributor'));
    const forDist = await quote({ account_id: dist.id });
    const r = await putLines(forDist, [{ product_id: p.id, quantity: 2 }, { product_id: p.id, quantity: 10 }, { product_id: p.id, quantity: 1, unit_price: '99.00' }]);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.data.lines.map((l: { unit_price: string }) => l.unit_price)).toEqual(['80', '75', '99']);
    // What the line editor asks for the same document: the same prices, the same book.
    const asked = await resolve({ currency: undefined, document: { object: 'quotes', id: forDist.id }, lines: [{ product_id: p.id, quantity: 2 }, { product_id: p.id, quantity: 10 }] });
    expect(asked.body.data.lines.map((l: { unit_price: string; source: string }) => [l.unit_price, l.source])).toEqual([['80.00', 'price_book'], ['75.00', 'price_book']]);
    // Another rep's quote is as unknown as a missing one.
    const rep = await f.user('sales');
    const hidden = await resolve({ document: { object: 'quotes', id: forDist.id }, lines: [{ product_id: p.id, quantity: 1 }] }, rep.token);
    const missing = await resolve({ document: { object: 'quotes', id: 99_999_999 }, lines: [{ product_id: p.id, quantity: 1 }] }, rep.token);
    expect([hidden.status, hidden.body]).toEqual([404, missing.body]);
    // The same product on a quote for nobody in particular: the list price.
    const plain = await quote();
    expect((await putLines(plain, [{ product_id: p.id, quantity: 2 }])).body.data.lines[0].unit_price).toBe('100');
  });

  it('price a foreign-currency quote from its book, and say required when nothing prices it', async () => {
    const p = await product({ list_price: '100.00' });
    const acct = await f.account({ currency: 'NZD' });
    const q = await quote({ account_id: acct.id });
    expect(q.currency).toBe('NZD');
    const none = await putLines(q, [{ product_id: p.id, quantity: 1 }]);
    expect(none.status).toBe(400);
    expect(none.body.error.details).toEqual([expect.objectContaining({ field: 'lines[0].unit_price', code: 'required' })]);
    await book({ currency: 'NZD', is_default: true }, [{ product_id: p.id, unit_price: '21.5' }]);
    expect((await putLines(q, [{ product_id: p.id, quantity: 1 }])).body.data.lines[0]).toMatchObject({ unit_price: '21.5', net: '21.50' });
  });
});
