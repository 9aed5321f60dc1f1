import { expect } from 'vitest';
import type { TestApp } from '../../db/test-helpers.ts';

// Shared set-up of the price-book tests: products, books with entries, quotes.

let seq = 0;

export function pricingHelpers(t: TestApp) {
  const product = async (values: Record<string, unknown> = {}) => {
    const r = await t.api(t.adminToken, 'POST', '/products', { name: `Item ${++seq}`, sku: `PB-${seq}-${Math.random().toString(36).slice(2, 7)}`, unit: 'pcs', list_price: '100.00', tax_rate: 13, ...values });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.data as { id: number; name: string; version: number };
  };
  const book = async (values: Record<string, unknown>, entries: unknown[] = [], audience: unknown = null) => {
    const r = await t.api(t.adminToken, 'POST', '/price-books', { name: `Book ${++seq}`, currency: 'CNY', ...values });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    if (entries.length) expect((await t.api(t.adminToken, 'PUT', `/price-books/${r.body.data.id}/entries`, { entries })).status).toBe(200);
    if (audience) expect((await t.api(t.adminToken, 'PUT', `/price-books/${r.body.data.id}/audience`, { audience })).status).toBe(200);
    return r.body.data as { id: number; name: string; version: number };
  };
  const resolve = (body: Record<string, unknown>, token = t.adminToken) => t.api(token, 'POST', '/pricing/resolve', { currency: 'CNY', ...body });
  const priceOf = async (body: Record<string, unknown>) => {
    const r = await resolve(body);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.data.lines[0] as { unit_price: string | null; source: string; price_book: { id: number } | null; reason?: string };
  };
  const field = (field: string, op: string, value: string) => ({ kind: 'group', match: 'all', conditions: [{ kind: 'field', field, op, value }] });
  return { product, book, resolve, priceOf, field };
}
