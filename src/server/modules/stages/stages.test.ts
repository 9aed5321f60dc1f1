import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { join } from 'node:path';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';

// A stage field is a state machine on every write path (records/stages.ts): a move the
// transitions do not allow, or into a stage whose entry fields are empty, is refused and
// changes nothing; each accepted change leaves one stage_history row in the same transaction.
const t = useTestApp({ modules: [join(import.meta.dirname, '../../test-modules/deals')] });
const f = factories(t);

type Deal = { id: number; version: number; stage: string; [k: string]: any };
const deal = async (values: Record<string, unknown>, token = t.adminToken): Promise<Deal> => {
  const r = await t.api(token, 'POST', '/deals', { name: 'Deal', ...values });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.data;
};
const stored = async (id: number) => (await sql<any>`SELECT stage, amount, version, board_position FROM deals WHERE id = ${id}`.execute(t.database.db)).rows[0];
const historyRows = async (object: string, id: number) =>
  (await sql<any>`SELECT from_stage, to_stage, actor_id::int AS actor_id, seconds_in_from FROM stage_history WHERE object = ${object} AND record_id = ${id} ORDER BY id`.execute(t.database.db)).rows;

describe('transitions', () => {
  it('refuses a move the transitions do not list, on PATCH and bulk, changing nothing', async () => {
    const d = await deal({ stage: 'lead' });
    const before = await stored(d.id);
    const r = await t.api(t.adminToken, 'PATCH', `/deals/${d.id}`, { stage: 'won', amount: 100, close_date: '2026-01-01' });
    expect(r.status).toBe(422);
    expect(r.body.error).toMatchObject({ code: 'transition_not_allowed', details: { field: 'stage', from: 'lead', to: 'won', allowed: ['qualified', 'lost'] } });
    expect(await stored(d.id)).toEqual(before);
    const bulk = await t.api(t.adminToken, 'POST', '/deals/bulk', { ids: [d.id], action: 'update', values: { stage: 'won' } });
    expect(bulk.body.data).toMatchObject({ done: 0, errors: [{ id: d.id, code: 'transition_not_allowed' }] });
    expect(await stored(d.id)).toEqual(before);
    expect(await historyRows('deals', d.id)).toHaveLength(1); // its creation only
  });

  it('refuses clearing the stage and a terminal stage without exits', async () => {
    const d = await deal({ stage: 'qualified' });
    expect((await t.api(t.adminToken, 'PATCH', `/deals/${d.id}`, { stage: null })).body.error.code).toBe('transition_not_allowed');
    const won = await t.api(t.adminToken, 'PATCH', `/deals/${d.id}`, { stage: 'won', amount: 5, close_date: '2026-02-01' });
    expect(won.status).toBe(200);
    const back = await t.api(t.adminToken, 'PATCH', `/deals/${d.id}`, { stage: 'lead' });
    expect(back.body.error).toMatchObject({ code: 'transition_not_allowed', details: { from: 'won', allowed: [] } });
  });
});

describe('fields required on entering a stage', () => {
  it('lists the empty ones and changes nothing; stored or sent values count', async () => {
    const d = await deal({ stage: 'qualified', amount: 1000 });
    const before = await stored(d.id);
    const r = await t.api(t.adminToken, 'PATCH', `/deals/${d.id}`, { stage: 'won' });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('stage_fields_required');
    expect(r.body.error.details).toEqual([{ field: 'close_date', message: expect.any(String), code: 'required_for_stage' }]);
    expect(await stored(d.id)).toEqual(before);
    const both = await t.api(t.adminToken, 'PATCH', `/deals/${d.id}`, { stage: 'won', amount: null });
    expect(both.body.error.details.map((x: any) => x.field)).toEqual(['amount', 'close_date']);
    expect((await t.api(t.adminToken, 'PATCH', `/deals/${d.id}`, { stage: 'won', close_date: '2026-03-01' })).status).toBe(200);
  });

  it('applies on create too', async () => {
    const r = await t.api(t.adminToken, 'POST', '/deals', { name: 'Lost at once', stage: 'lost' });
    expect(r.body.error).toMatchObject({ code: 'stage_fields_required', details: [{ field: 'lost_reason' }] });
    const n = await sql<{ n: number }>`SELECT count(*)::int AS n FROM deals WHERE name = 'Lost at once'`.execute(t.database.db);
    expect(n.rows[0]!.n).toBe(0);
  });
});

describe('history', () => {
  it('keeps one row per change with the actor and the seconds spent in the stage left', async () => {
    const sales = await f.user('sales');
    const d = await deal({ stage: 'lead' }, sales.token);
    // As if created an hour ago: the time in 'lead' is counted from its history row.
    await sql`UPDATE stage_history SET at = at - interval '1 hour' WHERE object = 'deals' AND record_id = ${d.id}`.execute(t.database.db);
    expect((await t.api(sales.token, 'PATCH', `/deals/${d.id}`, { stage: 'qualified' })).status).toBe(200);
    expect((await t.api(sales.token, 'PATCH', `/deals/${d.id}`, { name: 'Renamed', stage: 'qualified' })).status).toBe(200);
    const rows = await historyRows('deals', d.id);
    expect(rows.map((r) => [r.from_stage, r.to_stage, r.actor_id])).toEqual([[null, 'lead', sales.id], ['lead', 'qualified', sales.id]]);
    expect(Number(rows[1].seconds_in_from)).toBeGreaterThanOrEqual(3600);
    const h = await t.api(sales.token, 'GET', `/deals/${d.id}/stage-history?field=stage`);
    expect(h.status).toBe(200);
    expect(h.body.data.changes.map((c: any) => [c.from, c.to])).toEqual([[null, 'lead'], ['lead', 'qualified']]);
    expect(h.body.data.current).toMatchObject({ stage: 'qualified', seconds: expect.any(Number) });
  });

  it('answers a record the caller may not see exactly as a missing one', async () => {
    const owner = await f.user('sales');
    const other = await f.user('sales');
    const d = await deal({ stage: 'lead' }, owner.token);
    const hidden = await t.api(other.token, 'GET', `/deals/${d.id}/stage-history?field=stage`);
    const missing = await t.api(other.token, 'GET', `/deals/99999999/stage-history?field=stage`);
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(missing.body);
    const notStage = await t.api(owner.token, 'GET', `/deals/${d.id}/stage-history?field=name`);
    expect(notStage.body.error.details[0].code).toBe('not_stage_field');
  });

  it('applies to tasks: done cannot become cancelled, each change is kept', async () => {
    const task = await f.task({ status: 'open' });
    expect((await t.api(t.adminToken, 'PATCH', `/tasks/${task.id}`, { status: 'done' })).status).toBe(200);
    const r = await t.api(t.adminToken, 'PATCH', `/tasks/${task.id}`, { status: 'cancelled' });
    expect(r.body.error.code).toBe('transition_not_allowed');
    expect((await historyRows('tasks', task.id)).map((x) => x.to_stage)).toEqual(['open', 'done']);
  });
});
