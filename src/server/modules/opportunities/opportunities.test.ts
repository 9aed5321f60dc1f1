import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';
import { opportunityHelpers, type StageOut } from './opportunities.test-support.ts';

// Opportunities through the API: defaults from the pipeline, the stage move rules (a refusal
// changes nothing), probability, the frozen exchange rate, the amount from lines, history and
// contact roles, on PGlite and PostgreSQL.
const t = useTestApp();
const f = factories(t);
const h = opportunityHelpers(t);
let stage: Record<string, StageOut>;

beforeAll(async () => {
  const p = await h.defaultPipeline();
  stage = Object.fromEntries(p.stages.map((s) => [s.name, s]));
});

describe('a new opportunity', () => {
  it('starts in the default pipeline\'s first stage with its probability, the organisation currency at rate 1', async () => {
    const o = await h.opportunity({ amount: '1200.50' });
    const p = await h.defaultPipeline();
    expect(o).toMatchObject({
      pipeline_id: p.id, stage_id: stage.Qualification!.id, stage_name: 'Qualification', stage_category: 'open', probability: 10,
      probability_overridden: false, currency: 'CNY', amount: '1200.50', amount_org: '1200.50', closed_at: null,
    });
    expect(await h.historyCount(o.id)).toBe(1);
  });

  it('refuses a stage of another pipeline and an unknown pipeline, creating nothing', async () => {
    const other = await t.api(t.adminToken, 'POST', '/pipelines', { name: 'Renewals', stages: [{ name: 'Open', category: 'open', probability: 50, forecast_category: 'pipeline' }] });
    expect(other.status).toBe(201);
    const before = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM opportunities`.execute(t.database.db)).rows[0]!.n;
    const r = await t.api(t.adminToken, 'POST', '/opportunities', { name: 'X', stage_id: other.body.data.stages[0].id });
    expect(r.status).toBe(400);
    expect(r.body.error.details[0].code).toBe('stage_not_in_pipeline');
    const bad = await t.api(t.adminToken, 'POST', '/opportunities', { name: 'X', pipeline_id: 999999 });
    expect(bad.body.error.details[0].code).toBe('invalid_pipeline');
    expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM opportunities`.execute(t.database.db)).rows[0]!.n).toBe(before);
    const ok = await h.opportunity({ pipeline_id: other.body.data.id });
    expect(ok.stage_id).toBe(other.body.data.stages[0].id);
  });
});

describe('stage rules', () => {
  it('refuse entering a stage whose required fields are empty, and change nothing', async () => {
    const p = await h.defaultPipeline();
    const stages = p.stages.map((s) => ({ ...s, required_fields: s.name === 'Proposal' ? ['amount', 'expected_close_date'] : [] }));
    expect((await t.api(t.adminToken, 'PATCH', `/pipelines/${p.id}`, { stages: stages.map(({ position: _, ...s }: any) => s) })).status).toBe(200);
    const o = await h.opportunity({ amount: '10' });
    const before = await h.raw(o.id);
    const r = await t.api(t.adminToken, 'PATCH', `/opportunities/${o.id}`, { stage_id: stage.Proposal!.id });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('stage_fields_required');
    expect(r.body.error.details.map((d: any) => d.field)).toEqual(['expected_close_date']);
    expect(await h.raw(o.id)).toEqual(before);
    expect(await h.historyCount(o.id)).toBe(1);
    const ok = await t.api(t.adminToken, 'PATCH', `/opportunities/${o.id}`, { stage_id: stage.Proposal!.id, expected_close_date: '2030-01-31' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.data).toMatchObject({ stage_name: 'Proposal', probability: 50 });
  });

  it('lost needs a reason and closes at 0 %; won closes at 100 %; reopening clears closed_at', async () => {
    const o = await h.opportunity();
    const before = await h.raw(o.id);
    const refused = await t.api(t.adminToken, 'PATCH', `/opportunities/${o.id}`, { stage_id: stage.Lost!.id });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details).toEqual([expect.objectContaining({ field: 'lost_reason', code: 'required_for_stage' })]);
    expect(await h.raw(o.id)).toEqual(before);
    const lost = await t.api(t.adminToken, 'PATCH', `/opportunities/${o.id}`, { stage_id: stage.Lost!.id, lost_reason: 'Price' });
    expect(lost.body.data).toMatchObject({ stage_category: 'lost', probability: 0 });
    expect(lost.body.data.closed_at).not.toBeNull();
    const open = await t.api(t.adminToken, 'PATCH', `/opportunities/${o.id}`, { stage_id: stage.Negotiation!.id });
    expect(open.body.data).toMatchObject({ stage_category: 'open', probability: 80, closed_at: null });
    const won = await t.api(t.adminToken, 'PATCH', `/opportunities/${o.id}`, { stage_id: stage.Won!.id, probability: 30 });
    expect(won.body.data).toMatchObject({ stage_category: 'won', probability: 100 });
    expect(won.body.data.closed_at).not.toBeNull();
  });

  it('keeps a probability set by hand across stages until it is cleared', async () => {
    const o = await h.opportunity({ probability: 35 });
    expect(o).toMatchObject({ probability: 35, probability_overridden: true });
    const moved = await t.api(t.adminToken, 'PATCH', `/opportunities/${o.id}`, { stage_id: stage['Needs analysis']!.id });
    expect(moved.body.data).toMatchObject({ probability: 35, probability_overridden: true });
    const cleared = await t.api(t.adminToken, 'PATCH', `/opportunities/${o.id}`, { probability: null });
    expect(cleared.body.data).toMatchObject({ probability: 20, probability_overridden: false });
    expect((await t.api(t.adminToken, 'PATCH', `/opportunities/${o.id}`, { probability: 140 })).body.error.details[0].code).toBe('out_of_range');
  });
});

describe('money', () => {
  it('freezes the rate of the close date when the amount is written; a later rate changes nothing', async () => {
    expect((await t.api(t.adminToken, 'PUT', '/settings/exchange-rates', { rates: [
      { from_currency: 'USD', valid_from: '2020-01-01', rate: '7' }, { from_currency: 'USD', valid_from: '2030-06-01', rate: '7.5' },
    ] })).status).toBe(200);
    const o = await h.opportunity({ currency: 'USD', amount: '100', expected_close_date: '2030-03-01' });
    expect([Number(o.exchange_rate), o.amount_org]).toEqual([7, '700.00']);
    const later = await t.api(t.adminToken, 'PATCH', `/opportunities/${o.id}`, { expected_close_date: '2030-07-01' });
    expect([Number(later.body.data.exchange_rate), later.body.data.amount_org]).toEqual([7.5, '750.00']);
    await t.api(t.adminToken, 'PUT', '/settings/exchange-rates', { rates: [{ from_currency: 'USD', valid_from: '2030-06-01', rate: '8' }] });
    expect((await h.raw(o.id)).amount_org).toBe('750.00');
    const renamed = await t.api(t.adminToken, 'PATCH', `/opportunities/${o.id}`, { name: 'Renamed' });
    expect(renamed.body.data.amount_org).toBe('750.00');
  });

  it('refuses an amount in a currency without a rate (no_exchange_rate), writing nothing', async () => {
    const o = await h.opportunity({ amount: '5' });
    const before = await h.raw(o.id);
    const r = await t.api(t.adminToken, 'PATCH', `/opportunities/${o.id}`, { currency: 'EUR', amount: '5' });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('no_exchange_rate');
    expect(await h.raw(o.id)).toEqual(before);
  });

  it('takes the amount from the lines while it has lines, and refuses writing it then', async () => {
    const o = await h.opportunity({ amount: '1' });
    const put = await t.api(t.adminToken, 'PUT', `/opportunities/${o.id}/lines`, { version: o.version, lines: [{ description: 'Seats', quantity: 3, unit_price: '100', tax_rate: 13 }] });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const got = (await t.api(t.adminToken, 'GET', `/opportunities/${o.id}`)).body.data;
    expect(got).toMatchObject({ amount: '339.00', amount_org: '339.00', lines_net: '300.00', lines_tax: '39.00' });
    const r = await t.api(t.adminToken, 'PATCH', `/opportunities/${o.id}`, { amount: '5' });
    expect(r.body.error.details[0].code).toBe('amount_from_lines');
  });
});

describe('history', () => {
  it('keeps one row per change of stage, amount, close date or probability, with the time in the stage left', async () => {
    const o = await h.opportunity({ amount: '10' });
    await sql`UPDATE opportunities SET stage_entered_at = now() - interval '2 hours' WHERE id = ${o.id}`.execute(t.database.db);
    await t.api(t.adminToken, 'PATCH', `/opportunities/${o.id}`, { stage_id: stage['Needs analysis']!.id });
    await t.api(t.adminToken, 'PATCH', `/opportunities/${o.id}`, { amount: '20', expected_close_date: '2031-01-01' });
    await t.api(t.adminToken, 'PATCH', `/opportunities/${o.id}`, { next_step: 'Call' });
    const r = await t.api(t.adminToken, 'GET', `/opportunities/${o.id}/history`);
    expect(r.status).toBe(200);
    const changes = r.body.data.changes;
    expect(changes.map((c: any) => c.changed)).toEqual([
      ['stage_id', 'amount', 'currency', 'probability'], ['stage_id', 'probability'], ['amount', 'expected_close_date'],
    ]);
    expect(changes[1]).toMatchObject({ from_stage_id: stage.Qualification!.id, to_stage_id: stage['Needs analysis']!.id, probability: 20 });
    expect(changes[1].seconds_in_previous).toBeGreaterThanOrEqual(7200);
    expect(r.body.data.current).toMatchObject({ stage_id: stage['Needs analysis']!.id, rotting: false });
    await expect(sql`UPDATE opportunity_history SET probability = 1 WHERE opportunity_id = ${o.id}`.execute(t.database.db)).rejects.toThrow(/append-only/);
  });

  it('leaves out hidden amount values', async () => {
    expect((await t.api(t.adminToken, 'PATCH', '/roles/readonly', { field_rules: { opportunities: { amount: 'hidden' } } })).status).toBe(200);
    const viewer = await f.user('readonly');
    const o = await h.opportunity({ amount: '777' });
    const r = await t.api(viewer.token, 'GET', `/opportunities/${o.id}/history`);
    expect(r.status).toBe(200);
    expect(JSON.stringify(r.body)).not.toContain('777');
    expect(r.body.data.changes[0].changed).toEqual(['stage_id', 'currency', 'probability']);
  });
});

describe('contact roles', () => {
  it('are replaced as a set and listed with names', async () => {
    const o = await h.opportunity();
    const a = await f.contact({ name: 'Ann' });
    const b = await f.contact({ name: 'Bo' });
    const r = await t.api(t.adminToken, 'PUT', `/opportunities/${o.id}/contacts`, { contacts: [{ contact_id: b.id, role: 'economic_buyer' }, { contact_id: a.id, role: 'decision_maker' }] });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.data).toEqual([{ contact_id: b.id, role: 'economic_buyer', name: 'Bo' }, { contact_id: a.id, role: 'decision_maker', name: 'Ann' }]);
    const bad = await t.api(t.adminToken, 'PUT', `/opportunities/${o.id}/contacts`, { contacts: [{ contact_id: 99999999, role: 'user' }] });
    expect(bad.status).toBe(400);
    expect((await t.api(t.adminToken, 'GET', `/opportunities/${o.id}/contacts`)).body.data).toHaveLength(2);
  });

  it('follow a contact merge: the duplicate\'s role moves, and is dropped where the primary already has one', async () => {
    const o = await h.opportunity();
    const other = await h.opportunity();
    const a = await f.contact({ name: 'Keep' });
    const b = await f.contact({ name: 'Dup' });
    await t.api(t.adminToken, 'PUT', `/opportunities/${o.id}/contacts`, { contacts: [{ contact_id: a.id, role: 'user' }, { contact_id: b.id, role: 'influencer' }] });
    await t.api(t.adminToken, 'PUT', `/opportunities/${other.id}/contacts`, { contacts: [{ contact_id: b.id, role: 'economic_buyer' }] });
    expect((await t.api(t.adminToken, 'POST', '/contacts/merge', { primary_id: a.id, duplicate_ids: [b.id] })).status).toBe(200);
    expect((await t.api(t.adminToken, 'GET', `/opportunities/${o.id}/contacts`)).body.data).toEqual([{ contact_id: a.id, role: 'user', name: 'Keep' }]);
    expect((await t.api(t.adminToken, 'GET', `/opportunities/${other.id}/contacts`)).body.data).toEqual([{ contact_id: a.id, role: 'economic_buyer', name: 'Keep' }]);
  });
});
