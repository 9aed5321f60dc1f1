import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';

// The product catalogue: exact prices, a percent tax rate, unique SKUs, kept by managers, and
// snapshotted into quote lines (a later price change does not touch a line).
const t = useTestApp();
const f = factories(t);

describe('products', () => {
  it('keep exact prices and defaults, refuse a bad tax rate and a second SKU', async () => {
    const r = await t.api(t.adminToken, 'POST', '/products', { name: '扫描仪 X100', sku: 'X100', list_price: 0.1, cost_price: '0.07', tax_rate: 13 });
    expect(r.status).toBe(201);
    expect(r.body.data).toMatchObject({ list_price: '0.10', cost_price: '0.07', tax_rate: 13, type: 'goods', active: true });
    expect((await t.api(t.adminToken, 'POST', '/products', { name: 'Twin', sku: 'X100' })).status).toBe(409);
    const bad = await t.api(t.adminToken, 'POST', '/products', { name: 'Bad', tax_rate: 120 });
    expect(bad.body.error.details).toEqual([expect.objectContaining({ field: 'tax_rate', code: 'tax_rate_out_of_range' })]);
    expect((await t.api(t.adminToken, 'POST', '/products', { name: 'Bad', list_price: '1.234' })).body.error.details[0].code).toBe('too_many_decimals');
    const hits = (await t.api(t.adminToken, 'GET', '/search?q=X100')).body.data;
    expect(hits, JSON.stringify(hits)).toContainEqual(expect.objectContaining({ id: r.body.data.id, title: '扫描仪 X100' }));
  });

  it('are read by every role and written by managers only', async () => {
    const sales = await f.user('sales');
    const p = await t.api(t.adminToken, 'POST', '/products', { name: 'Service hour', type: 'service', unit: 'h', list_price: 300 });
    expect((await t.api(sales.token, 'GET', `/products/${p.body.data.id}`)).status).toBe(200);
    expect((await t.api(sales.token, 'POST', '/products', { name: 'Mine' })).status).toBe(403);
    const manager = await f.user('manager');
    expect((await t.api(manager.token, 'PATCH', `/products/${p.body.data.id}`, { list_price: 320 })).status).toBe(200);
  });

  it('are snapshotted into quote lines: a later price change leaves the line as it was', async () => {
    const p = (await t.api(t.adminToken, 'POST', '/products', { name: 'Toner', unit: 'box', list_price: '88.00', tax_rate: 13 })).body.data;
    const q = (await t.api(t.adminToken, 'POST', '/quotes', { subject: 'Toner' })).body.data;
    await t.api(t.adminToken, 'PUT', `/quotes/${q.id}/lines`, { version: q.version, lines: [{ product_id: p.id, quantity: 1 }] });
    await t.api(t.adminToken, 'PATCH', `/products/${p.id}`, { list_price: '99.00', name: 'Toner XL' });
    const l = (await t.api(t.adminToken, 'GET', `/quotes/${q.id}/lines`)).body.data.lines[0];
    expect(l).toMatchObject({ description: 'Toner', unit_price: '88', gross: '99.44' });
  });
});
