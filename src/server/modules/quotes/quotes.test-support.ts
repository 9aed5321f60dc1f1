import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { TestApp } from '../../db/test-helpers.ts';

// Helpers of the quotes v2 tests: quotes with lines through the API, the organisation's quote
// settings, two teams with their people, and raw (binary) GETs.

let seq = 0;

export function quoteKit(t: TestApp) {
  const api: TestApp['api'] = (...a) => t.api(...a);
  const product = async (values: Record<string, unknown> = {}) => {
    const r = await api(t.adminToken, 'POST', '/products', { name: `Scanner ${++seq}`, sku: `S-${seq}-${Math.random().toString(36).slice(2, 7)}`, unit: 'pcs', list_price: '100.00', cost_price: '60.00', tax_rate: 13, ...values });
    expect(r.status).toBe(201);
    return r.body.data;
  };
  /** A quote with one line of a product (discount in percent), as `token`. */
  const quote = async (opts: { token?: string; discount?: number; values?: Record<string, unknown> } = {}) => {
    const token = opts.token ?? t.adminToken;
    const p = await product();
    const q = await api(token, 'POST', '/quotes', { subject: `Scanners ${++seq}`, ...opts.values });
    expect(q.status).toBe(201);
    const l = await api(token, 'PUT', `/quotes/${q.body.data.id}/lines`, { version: q.body.data.version, lines: [{ product_id: p.id, quantity: 2, discount_percent: opts.discount ?? 0 }] });
    expect(l.status).toBe(200);
    return (await api(token, 'GET', `/quotes/${q.body.data.id}`)).body.data;
  };
  const settings = async (patch: Record<string, unknown>) => {
    const r = await api(t.adminToken, 'PATCH', '/settings/quotes', patch);
    expect(r.status).toBe(200);
    return r.body.data;
  };
  const act = (id: number, action: string, body: Record<string, unknown> = {}, token = t.adminToken) => api(token, 'POST', `/quotes/${id}/${action}`, body);
  const get = async (id: number, token = t.adminToken) => (await api(token, 'GET', `/quotes/${id}`)).body.data;
  /** A GET answered with bytes (PDF). */
  const raw = async (url: string, token?: string) => {
    const r = await t.app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: r.statusCode, body: r.rawPayload, headers: r.headers, text: r.body };
  };
  /** Team A with a manager (the team's manager_id) and a sales rep; team B with its own manager; a manager-role member of team A who does not manage it. */
  const teams = async () => {
    const n = ++seq;
    const teamA = (await api(t.adminToken, 'POST', '/teams', { name: `Quotes A ${n}` })).body.data.id as number;
    const teamB = (await api(t.adminToken, 'POST', '/teams', { name: `Quotes B ${n}` })).body.data.id as number;
    const managerA = await t.userToken('manager', { team_id: teamA });
    const managerB = await t.userToken('manager', { team_id: teamB });
    await api(t.adminToken, 'PATCH', `/teams/${teamA}`, { manager_id: managerA.id });
    await api(t.adminToken, 'PATCH', `/teams/${teamB}`, { manager_id: managerB.id });
    const rep = await t.userToken('sales', { team_id: teamA });
    const deputy = await t.userToken('manager', { team_id: teamA });
    return { teamA, teamB, managerA, managerB, rep, deputy };
  };
  return { product, quote, settings, act, get, raw, teams };
}

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** The token of a public path /q/{token}. */
export const tokenOf = (path: string) => path.split('/q/')[1]!;
