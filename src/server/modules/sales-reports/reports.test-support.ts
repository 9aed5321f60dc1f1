import { expect } from 'vitest';
import { sql } from 'kysely';
import type { TestApp } from '../../db/test-helpers.ts';
import { opportunityHelpers } from '../opportunities/opportunities.test-support.ts';

// Hand-made deals for the sales reports' tests: made through the API (history and rules as a
// user makes them), walked through stages, then dated by hand (created and closed moments).

export function reportHelpers(t: TestApp) {
  const o = opportunityHelpers(t);
  const stages = async () => Object.fromEntries((await o.defaultPipeline()).stages.map((s) => [s.name, s.id])) as Record<string, number>;
  const deal = async (values: Record<string, unknown>, opts: { path?: string[]; created?: string; closed?: string } = {}) => {
    const ids = await stages();
    const d = await o.opportunity(values);
    for (const name of opts.path ?? []) {
      const r = await t.api(t.adminToken, 'PATCH', `/opportunities/${d.id}`, { stage_id: ids[name], ...(name === 'Lost' ? { lost_reason: 'Price' } : {}) });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    if (opts.created) await sql`UPDATE opportunities SET created_at = ${opts.created}::timestamptz WHERE id = ${d.id}`.execute(t.database.db);
    if (opts.closed) await sql`UPDATE opportunities SET closed_at = ${opts.closed}::timestamptz WHERE id = ${d.id}`.execute(t.database.db);
    return d.id;
  };
  const get = async (path: string, token = t.adminToken) => {
    const r = await t.api(token, 'GET', path);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body;
  };
  /** The ids a list address (a drill-down link without its /<object>/all) answers, all pages. */
  const listIds = async (object: string, query: string, token = t.adminToken) => ((await get(`/${object}?${query}&limit=200`, token)).data as { id: number }[]).map((r) => r.id).sort((a, b) => a - b);
  return { ...o, stages, deal, get, listIds };
}

export const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);
