import { expect } from 'vitest';
import { sql } from 'kysely';
import type { TestApp } from '../../db/test-helpers.ts';

// Helpers of the contracts tests: a contract through the API, its plan, and row counts read back.

export function contractHelpers(t: TestApp) {
  const contract = async (values: Record<string, unknown> = {}, token = t.adminToken) => {
    const r = await t.api(token, 'POST', '/contracts', { name: 'Support 2026', value: '100000.00', start_date: '2026-01-01', end_date: '2026-12-31', ...values });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.data as Record<string, any> & { id: number };
  };
  const plan = (id: number, token = t.adminToken) => t.api(token, 'GET', `/contracts/${id}/plan`);
  const putPlan = (id: number, instalments: unknown[], token = t.adminToken) => t.api(token, 'PUT', `/contracts/${id}/plan`, { instalments });
  const generate = (id: number, body: Record<string, unknown>, token = t.adminToken) => t.api(token, 'POST', `/contracts/${id}/plan/generate`, body);
  const count = async (table: string, where = sql`true`) =>
    (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE ${where}`.execute(t.database.db)).rows[0]!.n;
  return { contract, plan, putPlan, generate, count };
}
