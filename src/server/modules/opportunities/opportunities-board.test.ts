import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';
import { opportunityHelpers } from './opportunities.test-support.ts';

// The kanban board of a pipeline: columns with count, sum and weighted sum by the database over
// what the caller may see (a rep: own; a manager: team), no sums for a role hiding the amount,
// cards in order with rotting flags, moves through the stage rules; every endpoint answers a
// hidden opportunity like a missing one.
const t = useTestApp();
const f = factories(t);
const h = opportunityHelpers(t);
const stage = (name: string, category: string, probability: number, rotting_days: number | null = null) =>
  ({ name, category, probability, forecast_category: 'pipeline', rotting_days });

let pipeline: { id: number; stages: { id: number; name: string }[] };
let rep: { id: number; token: string };
let mate: { id: number; token: string };
let manager: { id: number; token: string };
let outsider: { id: number; token: string };
let hidden: number;
const col = (board: any, name: string) => board.columns.find((c: any) => c.name === name);
const s = (name: string) => pipeline.stages.find((x) => x.name === name)!.id;

beforeAll(async () => {
  const r = await t.api(t.adminToken, 'POST', '/pipelines', { name: 'Board', stages: [stage('Lead', 'open', 10, 5), stage('Offer', 'open', 50), stage('Won', 'won', 100), stage('Lost', 'lost', 0)] });
  pipeline = r.body.data;
  const team = (await t.api(t.adminToken, 'POST', '/teams', { name: 'North' })).body.data.id;
  const other = (await t.api(t.adminToken, 'POST', '/teams', { name: 'South' })).body.data.id;
  rep = await f.user('sales', { team_id: team });
  mate = await f.user('sales', { team_id: team });
  manager = await f.user('manager', { team_id: team });
  outsider = await f.user('sales', { team_id: other });
  const make = (token: string, stageName: string, amount: string, extra = {}) => h.opportunity({ pipeline_id: pipeline.id, stage_id: s(stageName), amount, ...extra }, token);
  await make(rep.token, 'Lead', '100.10');
  await make(rep.token, 'Lead', '200.20', { probability: 25 });
  await make(rep.token, 'Offer', '1000');
  await make(mate.token, 'Lead', '50');
  hidden = (await make(outsider.token, 'Offer', '9876.54')).id;
});

const board = async (token: string, extra = '') => {
  const r = await t.api(token, 'GET', `/opportunities/board?pipeline=${pipeline.id}${extra}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.data;
};

describe('columns', () => {
  it('are the pipeline\'s stages in order, counted, summed and weighted as a direct query does', async () => {
    const b = await board(t.adminToken);
    expect(b.columns.map((c: any) => c.name)).toEqual(['Lead', 'Offer', 'Won', 'Lost']);
    expect(b.currency).toBe('CNY');
    const { rows } = await sql<{ stage_id: number; n: number; s: string; w: string }>`SELECT stage_id::int AS stage_id, count(*)::int AS n,
      sum(amount_org)::text AS s, round(sum(amount_org * probability) / 100, 2)::text AS w FROM opportunities WHERE pipeline_id = ${pipeline.id} GROUP BY stage_id`.execute(t.database.db);
    for (const c of b.columns) {
      const d = rows.find((r) => r.stage_id === c.id);
      expect([c.count, Number(c.sum), Number(c.weighted)]).toEqual([d?.n ?? 0, Number(d?.s ?? 0), Number(d?.w ?? 0)]);
    }
    expect(col(b, 'Lead')).toMatchObject({ count: 3, sum: '350.30', weighted: '65.06' });
  });

  it('count only what the caller sees: a rep their own, a manager the team', async () => {
    expect(col(await board(rep.token), 'Lead')).toMatchObject({ count: 2, sum: '300.30', weighted: '60.06' });
    expect(col(await board(rep.token), 'Offer')).toMatchObject({ count: 1, sum: '1000.00', weighted: '500.00' });
    expect(col(await board(manager.token), 'Lead')).toMatchObject({ count: 3, sum: '350.30' });
    expect(col(await board(manager.token), 'Offer')).toMatchObject({ count: 1, sum: '1000.00' });
    expect(JSON.stringify(await board(manager.token))).not.toContain('9876');
  });

  it('take the list filters', async () => {
    expect(col(await board(rep.token, '&filter[amount][gt]=150'), 'Lead')).toMatchObject({ count: 1, sum: '200.20' });
  });

  it('leave out the sums for a role that may not read the amount, and its cards carry no amount', async () => {
    expect((await t.api(t.adminToken, 'PATCH', '/roles/marketing', { field_rules: { opportunities: { amount: 'hidden' } } })).status).toBe(200);
    const viewer = await f.user('marketing');
    const b = await board(viewer.token);
    expect(col(b, 'Offer')).not.toHaveProperty('sum');
    expect(col(b, 'Offer')).not.toHaveProperty('weighted');
    expect(col(b, 'Offer').count).toBe(2);
    const cards = await t.api(viewer.token, 'GET', `/opportunities/board/cards?pipeline=${pipeline.id}&stage=${s('Offer')}`);
    expect(cards.status).toBe(200);
    expect(JSON.stringify(cards.body)).not.toMatch(/9876|1000/);
    const record = await t.api(viewer.token, 'GET', `/opportunities/${hidden}`);
    expect(record.body.data).not.toHaveProperty('amount_org');
  });

  it('refuse an unknown pipeline (404) or a stage of another pipeline (400)', async () => {
    expect((await t.api(rep.token, 'GET', '/opportunities/board?pipeline=999999')).status).toBe(404);
    const other = (await h.defaultPipeline()).stages[0]!.id;
    const r = await t.api(rep.token, 'GET', `/opportunities/board/cards?pipeline=${pipeline.id}&stage=${other}`);
    expect(r.status).toBe(400);
  });
});

describe('cards', () => {
  it('page a column in board order, flagging cards past their stage\'s rotting days', async () => {
    const ids: number[] = [];
    let cursor: string | null = null;
    const { rows } = await sql<{ id: number }>`SELECT id::int AS id FROM opportunities WHERE stage_id = ${s('Lead')} ORDER BY board_position LIMIT 1`.execute(t.database.db);
    await sql`UPDATE opportunities SET stage_entered_at = now() - interval '6 days' WHERE id = ${rows[0]!.id}`.execute(t.database.db);
    const flags = new Map<number, boolean>();
    do {
      const r = await t.api(manager.token, 'GET', `/opportunities/board/cards?pipeline=${pipeline.id}&stage=${s('Lead')}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      for (const c of r.body.data) flags.set(c.id, c.rotting);
      ids.push(...r.body.data.map((c: { id: number }) => c.id));
      cursor = r.body.next_cursor;
    } while (cursor);
    expect(ids).toHaveLength(3);
    expect(ids[0]).toBe(rows[0]!.id);
    expect([...flags.values()]).toEqual([true, false, false]);
  });
});

describe('moves', () => {
  it('move a card to another stage and place, updating the totals; a refused move changes nothing', async () => {
    const o = await h.opportunity({ pipeline_id: pipeline.id, stage_id: s('Lead'), amount: '10' }, rep.token);
    const offerFirst = (await t.api(rep.token, 'GET', `/opportunities/board/cards?pipeline=${pipeline.id}&stage=${s('Offer')}`)).body.data[0].id;
    const before = await board(rep.token);
    const r = await t.api(rep.token, 'POST', `/opportunities/${o.id}/move`, { stage_id: s('Offer'), before_id: offerFirst });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.data).toMatchObject({ stage_name: 'Offer', probability: 50, version: o.version + 1 });
    const cards = (await t.api(rep.token, 'GET', `/opportunities/board/cards?pipeline=${pipeline.id}&stage=${s('Offer')}`)).body.data.map((c: any) => c.id);
    expect(cards.slice(0, 2)).toEqual([o.id, offerFirst]);
    const after = await board(rep.token);
    expect(col(after, 'Offer').count).toBe(col(before, 'Offer').count + 1);
    expect(Number(col(after, 'Offer').sum)).toBeCloseTo(Number(col(before, 'Offer').sum) + 10);
    expect(Number(col(after, 'Lead').sum)).toBeCloseTo(Number(col(before, 'Lead').sum) - 10);
    const raw = await h.raw(o.id);
    const lost = await t.api(rep.token, 'POST', `/opportunities/${o.id}/move`, { stage_id: s('Lost') });
    expect(lost.status).toBe(422);
    expect(lost.body.error.code).toBe('stage_fields_required');
    expect(await h.raw(o.id)).toEqual(raw);
    const withReason = await t.api(rep.token, 'POST', `/opportunities/${o.id}/move`, { stage_id: s('Lost'), values: { lost_reason: 'Budget' } });
    expect(withReason.body.data).toMatchObject({ stage_category: 'lost', lost_reason: 'Budget', probability: 0 });
    const foreign = await t.api(rep.token, 'POST', `/opportunities/${o.id}/move`, { stage_id: (await h.defaultPipeline()).stages[0]!.id });
    expect(foreign.body.error.details[0].code).toBe('stage_not_in_pipeline');
  });
});

describe('a hidden opportunity', () => {
  it('answers 404 like a missing one on every endpoint of the module', async () => {
    const calls: [string, string, unknown?][] = [
      ['POST', 'move', { stage_id: s('Lead') }], ['GET', 'history'], ['GET', 'contacts'], ['PUT', 'contacts', { contacts: [] }], ['POST', 'quote', {}],
    ];
    for (const [method, path, body] of calls) {
      const a = await t.api(rep.token, method, `/opportunities/${hidden}/${path}`, body);
      const b = await t.api(rep.token, method, `/opportunities/99999999/${path}`, body);
      expect([path, a.status]).toEqual([path, 404]);
      expect(a.body).toEqual(b.body);
    }
    expect(Number((await h.raw(hidden)).stage_id)).toBe(s('Offer'));
  });
});
