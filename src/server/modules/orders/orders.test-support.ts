import { expect } from 'vitest';
import type { TestApp } from '../../db/test-helpers.ts';

// Orders made through the API for the orders tests: a draft with lines, an accepted quote.

type Lines = { description: string; quantity: number | string; unit_price: number | string; tax_rate?: number }[];

export function orderKit(t: TestApp) {
  const api: TestApp['api'] = (...a) => t.api(...a);
  async function order(values: Record<string, unknown> = {}, lines: Lines = [{ description: 'Scanner', quantity: 2, unit_price: 500, tax_rate: 13 }], token = t.adminToken) {
    const r = await api(token, 'POST', '/orders', { subject: 'Scanners', ...values });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const put = await api(token, 'PUT', `/orders/${r.body.data.id}/lines`, { version: r.body.data.version, lines });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    return { ...(await api(token, 'GET', `/orders/${r.body.data.id}`)).body.data, lines: put.body.data.lines as { id: number; quantity: string }[] };
  }
  async function acceptedQuote(values: Record<string, unknown> = {}, lines: Lines = [{ description: 'Label printer', quantity: 3, unit_price: '19.99', tax_rate: 13 }], status = 'accepted') {
    const q = await api(t.adminToken, 'POST', '/quotes', { subject: 'Printers', ...values });
    expect(q.status).toBe(201);
    const put = await api(t.adminToken, 'PUT', `/quotes/${q.body.data.id}/lines`, { version: q.body.data.version, lines });
    expect(put.status).toBe(200);
    // Through the quote's actions (a status is not patched): sent, then accepted for the customer.
    await api(t.adminToken, 'PATCH', '/settings/quotes', { max_discount_percent: null, min_margin_percent: null });
    const sent = await api(t.adminToken, 'POST', `/quotes/${q.body.data.id}/send`, {});
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    if (status === 'sent') return sent.body.data;
    const p = await api(t.adminToken, 'POST', `/quotes/${q.body.data.id}/accept`, { name: 'Buyer' });
    expect(p.status, JSON.stringify(p.body)).toBe(200);
    return p.body.data;
  }
  const act = (id: number, action: string, body?: unknown, token = t.adminToken) => api(token, 'POST', `/orders/${id}/${action}`, body);
  const get = async (id: number, token = t.adminToken) => (await api(token, 'GET', `/orders/${id}`)).body.data;
  const progress = async (id: number) => (await api(t.adminToken, 'GET', `/orders/${id}/progress`)).body.data;
  return { order, acceptedQuote, act, get, progress };
}
