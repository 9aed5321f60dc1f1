import { expect } from 'vitest';
import { sql } from 'kysely';
import type { TestApp } from '../../db/test-helpers.ts';

// Shared helpers of the opportunities tests: the default pipeline, creating opportunities, raw rows.

export interface StageOut { id: number; name: string; category: string; probability: number; rotting_days: number | null }
export interface PipelineOut { id: number; name: string; is_default: boolean; stages: StageOut[] }

export function opportunityHelpers(t: TestApp) {
  const pipelines = async (token = t.adminToken): Promise<PipelineOut[]> => {
    const r = await t.api(token, 'GET', '/pipelines');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.data;
  };
  const defaultPipeline = async () => (await pipelines()).find((p) => p.is_default)!;
  const stageNamed = async (name: string) => (await defaultPipeline()).stages.find((s) => s.name === name)!;
  const opportunity = async (values: Record<string, unknown> = {}, token = t.adminToken) => {
    const r = await t.api(token, 'POST', '/opportunities', { name: 'Deal', ...values });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.data as Record<string, any> & { id: number; version: number };
  };
  const raw = async (id: number) =>
    (await sql<Record<string, any>>`SELECT *, amount::text AS amount, amount_org::text AS amount_org, exchange_rate::text AS exchange_rate FROM opportunities WHERE id = ${id}`.execute(t.database.db)).rows[0]!;
  const historyCount = async (id: number) =>
    (await sql<{ n: number }>`SELECT count(*)::int AS n FROM opportunity_history WHERE opportunity_id = ${id}`.execute(t.database.db)).rows[0]!.n;
  return { pipelines, defaultPipeline, stageNamed, opportunity, raw, historyCount };
}
