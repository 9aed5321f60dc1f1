import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';
import { opportunityHelpers } from './opportunities.test-support.ts';

// POST /opportunities/{id}/quote: a quote for the opportunity's account, contact and currency,
// linked back to it, its lines copied in the same transaction; the opportunity page lists it.
const t = useTestApp();
const f = factories(t);
const h = opportunityHelpers(t);

describe('a quote from an opportunity', () => {
  it('copies account, contact, currency and lines, and links back', async () => {
    const account = await f.account();
    const contact = await f.contact();
    const product = (await t.api(t.adminToken, 'POST', '/products', { name: 'Licence', sku: 'LIC-1', unit: 'seat', list_price: '50', tax_rate: 6 })).body.data;
    const o = await h.opportunity({ account_id: account.id, contact_id: contact.id });
    const put = await t.api(t.adminToken, 'PUT', `/opportunities/${o.id}/lines`, { version: o.version, lines: [
      { product_id: product.id, quantity: 4 }, { description: 'Setup', quantity: 1, unit_price: '300', tax_rate: 6, discount_percent: 10 },
    ] });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const r = await t.api(t.adminToken, 'POST', `/opportunities/${o.id}/quote`, {});
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.data).toMatchObject({ subject: 'Deal', account_id: account.id, contact_id: contact.id, opportunity_id: o.id, currency: 'CNY', status: 'draft' });
    const ql = (await t.api(t.adminToken, 'GET', `/quotes/${r.body.data.id}/lines`)).body.data;
    const ol = (await t.api(t.adminToken, 'GET', `/opportunities/${o.id}/lines`)).body.data;
    const strip = (lines: any[]) => lines.map(({ id: _, price_source: __, ...l }) => l);
    expect(strip(ql.lines)).toEqual(strip(ol.lines));
    // The quote says where each price came from: the catalogue's list price, a price typed by hand.
    expect(ql.lines.map((l: any) => l.price_source?.kind)).toEqual(['list', 'manual']);
    expect(ql.totals.gross_total).toBe(ol.totals.amount);
    const related = await t.api(t.adminToken, 'GET', `/quotes?filter[opportunity_id]=${o.id}`);
    expect(related.body.data.map((q: any) => q.id)).toEqual([r.body.data.id]);
    const meta = await t.api(t.adminToken, 'GET', '/meta/objects/opportunities');
    expect(meta.body.data.related).toContainEqual({ object: 'quotes', field: 'opportunity_id' });
  });

  it('makes nothing when a line cannot be copied (an inactive product)', async () => {
    const product = (await t.api(t.adminToken, 'POST', '/products', { name: 'Old', sku: 'OLD-1', list_price: '5' })).body.data;
    const o = await h.opportunity();
    await t.api(t.adminToken, 'PUT', `/opportunities/${o.id}/lines`, { version: o.version, lines: [{ product_id: product.id, quantity: 1, description: 'Old thing', unit_price: '5' }] });
    expect((await t.api(t.adminToken, 'PATCH', `/products/${product.id}`, { active: false })).status).toBe(200);
    const count = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM quotes`.execute(t.database.db)).rows[0]!.n;
    const before = await count();
    const r = await t.api(t.adminToken, 'POST', `/opportunities/${o.id}/quote`, {});
    expect(r.status).toBe(400);
    expect(await count()).toBe(before);
  });
});
