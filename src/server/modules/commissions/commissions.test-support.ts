import { expect } from 'vitest';
import { sql } from 'kysely';
import type { TestApp } from '../../db/test-helpers.ts';
import { opportunityHelpers } from '../opportunities/opportunities.test-support.ts';

// Shared set-up of the commissions tests: rules, won opportunities, statements, and a snapshot
// of the module's tables that a refused request must leave as it was.

export const TODAY = new Date().toISOString().slice(0, 10);
export const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
/** A date in the month after this one. */
export const NEXT_MONTH = (() => { const d = new Date(); return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString().slice(0, 10); })();

export function commissionHelpers(t: TestApp) {
  const opp = opportunityHelpers(t);
  const rule = async (body: Record<string, unknown>) => {
    const r = await t.api(t.adminToken, 'POST', '/commission-rules', { name: 'Plan', basis: 'booked', tiers: [{ from: '0', rate: '3' }, { from: '100000', rate: '5' }], ...body });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.data as { id: number };
  };
  const won = async (values: Record<string, unknown>, token = t.adminToken) => {
    const o = await opp.opportunity(values, token);
    const stage = await opp.stageNamed('Won');
    const r = await t.api(token, 'PATCH', `/opportunities/${o.id}`, { stage_id: stage.id });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return o;
  };
  const generate = async (userId: number, date = TODAY, token = t.adminToken, kind = 'month') => {
    const r = await t.api(token, 'POST', '/commission-statements/generate', { user_id: userId, period_kind: kind, period_date: date });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.data as Record<string, any> & { id: number };
  };
  const lines = async (id: number, token = t.adminToken) => {
    const r = await t.api(token, 'GET', `/commission-statements/${id}/lines`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.data as Record<string, any>[];
  };
  const act = (id: number, action: string, token = t.adminToken) => t.api(token, 'POST', `/commission-statements/${id}/${action}`);
  const snapshot = async () => {
    const read = async (table: string) => (await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)} ORDER BY 1, 2`.execute(t.database.db)).rows;
    return { rules: await read('commission_rules'), splits: await read('opportunity_splits'), statements: await read('commission_statements'), lines: await read('commission_lines') };
  };
  return { ...opp, rule, won, generate, lines, act, snapshot };
}
