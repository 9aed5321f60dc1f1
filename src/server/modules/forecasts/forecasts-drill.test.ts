import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';
import { opportunityHelpers } from '../opportunities/opportunities.test-support.ts';
import { forecastDrillFilters, type ForecastColumn } from '../../../shared/forecast-drill.ts';

// A forecast cell's drill-down lists exactly the opportunities the cell sums: for every rep and
// every column (each open forecast category, all open, won), the list filtered as the web's link
// filters holds the same count and amount as the cell — the opportunity's override before its
// stage's category, also after the override or the stage's category changes.
const t = useTestApp();
const f = factories(t);
const h = opportunityHelpers(t);
const stage = (name: string, category: string, probability: number, forecast_category: string, id?: number) => ({ ...(id ? { id } : {}), name, category, probability, forecast_category });
const Q = '2031-Q2';
const COLUMNS: ForecastColumn[] = ['pipeline', 'best_case', 'commit', 'open', 'won'];

let rep: { id: number; token: string };
let mate: { id: number; token: string };
let pipeline: { id: number; stages: { id: number; name: string }[] };
const sid = (name: string) => pipeline.stages.find((x) => x.name === name)!.id;

const forecast = async () => {
  const r = await t.api(t.adminToken, 'GET', `/forecasts?period=${Q}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.data;
};
const query = (period: { start: string; end: string }, owner: number, column: ForecastColumn) =>
  forecastDrillFilters(period, owner, column).map((x) => `filter[${x.field}][${x.op}]=${encodeURIComponent(x.value)}`).join('&');
const drill = async (period: { start: string; end: string }, owner: number, column: ForecastColumn) => {
  const r = await t.api(t.adminToken, 'GET', `/opportunities?limit=200&${query(period, owner, column)}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  const rows = r.body.data as { amount_org: string | number }[];
  return { count: rows.length, amount: Math.round(rows.reduce((s, o) => s + Number(o.amount_org), 0) * 100) / 100 };
};
const cellOf = (rep: Record<string, number>, column: ForecastColumn) => ({
  count: column === 'won' ? rep.won_count : column === 'open' ? rep.open_count : undefined,
  amount: column === 'open' ? Math.round((rep.pipeline + rep.best_case + rep.commit) * 100) / 100 : rep[column],
});
async function expectDrillMatchesCells() {
  const fc = await forecast();
  for (const r of fc.reps as Record<string, number>[]) {
    for (const column of COLUMNS) {
      const cell = cellOf(r, column);
      const got = await drill(fc, r.user_id!, column);
      expect(got.amount, `${r.user_id} ${column}`).toBe(cell.amount);
      if (cell.count !== undefined) expect(got.count, `${r.user_id} ${column}`).toBe(cell.count);
    }
  }
  return fc;
}

const wonOn = (id: number, at: string) => sql`UPDATE opportunities SET closed_at = ${at}::timestamptz WHERE id = ${id}`.execute(t.database.db);

beforeAll(async () => {
  pipeline = (await t.api(t.adminToken, 'POST', '/pipelines', { name: 'Drill', stages: [
    stage('A', 'open', 10, 'pipeline'), stage('B', 'open', 50, 'best_case'), stage('C', 'open', 80, 'commit'),
    stage('Won', 'won', 100, 'closed'), stage('Lost', 'lost', 0, 'omitted'),
  ] })).body.data;
  const team = (await t.api(t.adminToken, 'POST', '/teams', { name: 'Drill' })).body.data.id;
  rep = await f.user('sales', { team_id: team });
  mate = await f.user('sales', { team_id: team });
  const make = (token: string, st: string, amount: string, close: string, extra = {}) =>
    h.opportunity({ pipeline_id: pipeline.id, stage_id: sid(st), amount, expected_close_date: close, ...extra }, token);
  await make(rep.token, 'A', '100.10', '2031-04-10');
  await make(rep.token, 'B', '200', '2031-05-01');
  await make(rep.token, 'C', '1000', '2031-06-30');
  await make(rep.token, 'A', '300', '2031-06-01', { forecast_category: 'commit' });
  await make(rep.token, 'B', '444', '2031-06-01', { forecast_category: 'omitted' });
  const won = await make(rep.token, 'Won', '500', '2031-05-05');
  await wonOn(won.id, '2031-05-05T08:00:00Z');
  await make(rep.token, 'Lost', '999', '2031-05-05', { lost_reason: 'price' });
  await make(rep.token, 'C', '7777', '2031-07-01');
  await make(mate.token, 'C', '50', '2031-04-01');
  await make(mate.token, 'B', '60.55', '2031-04-02', { forecast_category: 'pipeline' });
});

describe('forecast drill-down', () => {
  it('lists exactly the deals each cell sums, per category, all open and won', async () => {
    const fc = await expectDrillMatchesCells();
    const mine = fc.reps.find((r: { user_id: number }) => r.user_id === rep.id);
    expect([mine.pipeline, mine.best_case, mine.commit, mine.won]).toEqual([100.1, 200, 1300, 500]);
    expect(await drill(fc, rep.id, 'commit')).toEqual({ count: 2, amount: 1300 });
  });

  it('follows an override set later and a stage whose category is edited', async () => {
    const o = await t.api(t.adminToken, 'GET', `/opportunities?${query(await forecast(), mate.id, 'commit')}`);
    const deal = o.body.data[0];
    expect((await t.api(mate.token, 'PATCH', `/opportunities/${deal.id}`, { forecast_category: 'best_case', version: deal.version })).status).toBe(200);
    const edited = await t.api(t.adminToken, 'PATCH', `/pipelines/${pipeline.id}`, { stages: [
      stage('A', 'open', 10, 'best_case', sid('A')), stage('B', 'open', 50, 'best_case', sid('B')), stage('C', 'open', 80, 'commit', sid('C')),
      stage('Won', 'won', 100, 'closed', sid('Won')), stage('Lost', 'lost', 0, 'omitted', sid('Lost')),
    ] });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const fc = await expectDrillMatchesCells();
    const mine = fc.reps.find((r: { user_id: number }) => r.user_id === rep.id);
    const theirs = fc.reps.find((r: { user_id: number }) => r.user_id === mate.id);
    // Rep's stage-A deal moved to best case with its stage; the overridden one stayed commit.
    expect([mine.pipeline, mine.best_case, mine.commit]).toEqual([0, 300.1, 1300]);
    expect([theirs.pipeline, theirs.best_case, theirs.commit]).toEqual([60.55, 50, 0]);
  });

  it('counts a won deal in the period it was won, in the forecast, its drill-down and the sales reports alike', async () => {
    // Expected to close in Q2, won in Q3 (15 August 2031).
    const late = await h.opportunity({ pipeline_id: pipeline.id, stage_id: sid('Won'), amount: '1234.5', expected_close_date: '2031-05-20', owner_id: mate.id });
    await wonOn(late.id, '2031-08-15T09:00:00Z');
    const q2 = await expectDrillMatchesCells();
    expect(q2.reps.find((r: { user_id: number }) => r.user_id === mate.id).won).toBe(0);
    const r3 = await t.api(t.adminToken, 'GET', '/forecasts?period=2031-Q3');
    const q3 = r3.body.data;
    expect(q3.reps.find((r: { user_id: number }) => r.user_id === mate.id)).toMatchObject({ won: 1234.5, won_count: 1 });
    expect(await drill(q3, mate.id, 'won')).toEqual({ count: 1, amount: 1234.5 });
    expect(await drill(q3, rep.id, 'won')).toEqual({ count: 0, amount: 0 });
    // Quota vs actual reads the same won figure.
    expect((await t.api(t.adminToken, 'POST', '/quotas', { owner_type: 'user', owner_id: mate.id, period: '2031-Q3', amount: 2469 })).status).toBe(201);
    const withQuota = (await t.api(t.adminToken, 'GET', '/forecasts?period=2031-Q3')).body.data;
    expect(withQuota.reps.find((r: { user_id: number }) => r.user_id === mate.id)).toMatchObject({ won: 1234.5, quota: 2469, attainment: 0.5 });
    // The sales reports: booked revenue and won deals by quarter put it in Q3 too.
    const revenue = (await t.api(t.adminToken, 'GET', `/reports/sales/revenue?from=2031-01-01&to=2031-12-31&group=period&interval=quarter&owner_id=${mate.id}`)).body;
    const rate = (await t.api(t.adminToken, 'GET', `/reports/sales/win-rate?from=2031-01-01&to=2031-12-31&group=period&interval=quarter`)).body;
    expect(revenue.rows.map((r: { key: string }) => r.key), JSON.stringify(revenue)).toEqual(['2031-07-01']);
    expect(rate.rows.map((r: { key: string; won: number }) => [r.key, r.won]), JSON.stringify(rate)).toEqual([['2031-04-01', 1], ['2031-07-01', 1]]);
  });

  it('puts a deal won in the first hours of a quarter in Shanghai into that quarter, and its drill-down agrees', async () => {
    // 2031-12-31T17:00Z is 1 January 2032, 01:00 in Shanghai (the default zone): Q1 2032 there, Q4 2031 in UTC.
    const edge = await h.opportunity({ pipeline_id: pipeline.id, stage_id: sid('Won'), amount: '777', expected_close_date: '2031-11-20', owner_id: mate.id });
    await wonOn(edge.id, '2031-12-31T17:00:00Z');
    const won = async (period: string) => {
      const fc = (await t.api(t.adminToken, 'GET', `/forecasts?period=${period}`)).body.data;
      return { fc, cell: fc.reps.find((r: { user_id: number }) => r.user_id === mate.id)?.won ?? 0 };
    };
    const q1 = await won('2032-Q1');
    expect(q1.fc).toMatchObject({ time_zone: 'Asia/Shanghai', won_start: '2031-12-31T16:00:00.000Z', won_end: '2032-03-31T16:00:00.000Z' });
    expect(q1.cell).toBe(777);
    expect(await drill(q1.fc, mate.id, 'won')).toEqual({ count: 1, amount: 777 });
    expect((await won('2031-Q4')).cell).not.toBe(777);
    // In UTC the same moment is still 31 December.
    expect((await t.api(t.adminToken, 'PATCH', '/settings', { time_zone: 'UTC' })).status).toBe(200);
    try {
      const q4 = await won('2031-Q4');
      expect(q4.fc.won_end).toBe('2032-01-01T00:00:00.000Z');
      expect(q4.cell).toBe(777);
      expect(await drill(q4.fc, mate.id, 'won')).toEqual({ count: 1, amount: 777 });
      expect((await won('2032-Q1')).cell).toBe(0);
    } finally {
      await t.api(t.adminToken, 'PATCH', '/settings', { time_zone: 'Asia/Shanghai' });
    }
  });
});
