import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../db/test-helpers.ts';
import { seedDemo } from './demo.ts';

// `guanxi seed demo` leaves a consistent quarter of sales (the sales modules' demo steps), written
// through the services: every stage has deals, the totals add up, receivables age, and a second
// run adds nothing.

const NOW = new Date();
const rows = async <T>(t: ReturnType<typeof useTestApp>, q: ReturnType<typeof sql<T>>) => (await q.execute(t.database.db)).rows;

describe('demo: a quarter of sales', () => {
  const t = useTestApp();
  let counts: Record<string, number>;
  let token = '';

  it('seeds the quarter through the services', { timeout: 300_000 }, async () => {
    counts = await seedDemo(t.database.db, NOW);
    expect(counts.opportunities).toBeGreaterThanOrEqual(75);
    expect(counts.products).toBe(12);
    token = await t.login('manager@demo.guanxi', 'guanxi-demo');
  });

  it('has deals in every stage of both pipelines, spread over the quarter, with their history', async () => {
    const perStage = await rows(t, sql<{ pipeline: string; stage: string; category: string; n: number }>`
      SELECT p.name AS pipeline, s.name AS stage, s.category, count(o.id)::int AS n FROM pipelines p JOIN pipeline_stages s ON s.pipeline_id = p.id
      LEFT JOIN opportunities o ON o.stage_id = s.id WHERE p.name IN ('新客户销售', '老客户续约') GROUP BY 1, 2, 3, s.position ORDER BY 1, s.position`);
    expect(perStage.length).toBe(10);
    for (const s of perStage) expect(s.n, `${s.pipeline} ${s.stage}`).toBeGreaterThan(0);
    const cats = await rows(t, sql<{ category: string; n: number }>`SELECT stage_category AS category, count(*)::int AS n FROM opportunities GROUP BY 1`);
    expect(Object.fromEntries(cats.map((c) => [c.category, c.n]))).toEqual({
      open: perStage.filter((s) => s.category === 'open').reduce((a, s) => a + s.n, 0),
      won: perStage.filter((s) => s.category === 'won').reduce((a, s) => a + s.n, 0),
      lost: perStage.filter((s) => s.category === 'lost').reduce((a, s) => a + s.n, 0),
    });
    const span = (await rows(t, sql<{ oldest: number; newest: number }>`SELECT extract(epoch FROM ${NOW.toISOString()}::timestamptz - min(created_at))::float8 / 86400 AS oldest,
      extract(epoch FROM ${NOW.toISOString()}::timestamptz - max(stage_entered_at))::float8 / 86400 AS newest FROM opportunities`))[0]!;
    expect(span.oldest).toBeGreaterThan(60);
    expect(span.oldest).toBeLessThan(92);
    // Lost deals say why; closed ones were closed in the past; moves record the time spent before.
    expect((await rows(t, sql<{ n: number }>`SELECT count(*)::int AS n FROM opportunities WHERE stage_category = 'lost' AND coalesce(lost_reason, '') = ''`))[0]!.n).toBe(0);
    const moves = (await rows(t, sql<{ n: number }>`SELECT count(*)::int AS n FROM opportunity_history WHERE from_stage_id IS NOT NULL AND 'stage_id' = ANY(changed)`))[0]!;
    expect(moves.n).toBeGreaterThan(80);
    const first = (await rows(t, sql<{ id: number }>`SELECT id::int AS id FROM opportunities WHERE stage_category = 'won' ORDER BY id LIMIT 1`))[0]!;
    const h = await t.api(token, 'GET', `/opportunities/${first.id}/history`);
    expect(h.status).toBe(200);
    expect(h.body.data.changes.length).toBeGreaterThan(1);
    expect(h.body.data.current.seconds).toBeGreaterThan(86_400);
    // Some open deals have sat in their stage past its rotting days.
    const rotting = await rows(t, sql<{ n: number }>`SELECT count(*)::int AS n FROM opportunities o JOIN pipeline_stages s ON s.id = o.stage_id
      WHERE o.stage_category = 'open' AND o.stage_entered_at < now() - make_interval(days => s.rotting_days)`);
    expect(rotting[0]!.n).toBeGreaterThan(0);
    // Reports and the trend read these dates: won deals took days to close, snapshots span weeks.
    const cycle = await rows(t, sql<{ d: number }>`SELECT avg(extract(epoch FROM closed_at - created_at) / 86400)::float8 AS d FROM opportunities WHERE stage_category = 'won'`);
    expect(cycle[0]!.d).toBeGreaterThan(1);
    const weeks = await rows(t, sql<{ n: number }>`SELECT count(DISTINCT week_start)::int AS n FROM forecast_snapshots`);
    expect(weeks[0]!.n).toBeGreaterThanOrEqual(3);
  });

  it('history is written on the days the deals moved: ≥ 10 weeks, wins and losses in the past, agreeing with the records', async () => {
    const h = (await rows(t, sql<{ weeks: number; newest: number; stamped_now: number }>`SELECT
        extract(epoch FROM max(at) - min(at))::float8 / 604800 AS weeks, extract(epoch FROM ${NOW.toISOString()}::timestamptz - max(at))::float8 / 86400 AS newest,
        (count(*) FILTER (WHERE at > ${NOW.toISOString()}::timestamptz))::int AS stamped_now FROM opportunity_history`))[0]!;
    expect(h.weeks).toBeGreaterThanOrEqual(10);
    expect(h.stamped_now).toBe(0);
    // Won and lost at least a week ago, by the history.
    const closed = Object.fromEntries((await rows(t, sql<{ category: string; n: number }>`SELECT s.category, count(*)::int AS n FROM opportunity_history h
      JOIN pipeline_stages s ON s.id = h.to_stage_id WHERE 'stage_id' = ANY(h.changed) AND s.category <> 'open' AND h.at < ${NOW.toISOString()}::timestamptz - interval '7 days' GROUP BY 1`)).map((r) => [r.category, r.n]));
    expect(closed.won).toBeGreaterThan(0);
    expect(closed.lost).toBeGreaterThan(0);
    // Each opportunity was created at its first history row and entered its stage at its last move (or creation).
    const bad = await rows(t, sql<{ id: number }>`SELECT o.id::int AS id FROM opportunities o
      WHERE o.created_at <> (SELECT min(at) FROM opportunity_history h WHERE h.opportunity_id = o.id)
         OR o.stage_entered_at <> (SELECT max(at) FROM opportunity_history h WHERE h.opportunity_id = o.id AND (h.from_stage_id IS NULL OR 'stage_id' = ANY(h.changed)))
         OR (o.stage_category <> 'open' AND o.closed_at <> o.stage_entered_at)`);
    expect(bad).toEqual([]);
    // Time in the previous stage is the gap between the two moves, not the time since seeding.
    const gaps = await rows(t, sql<{ n: number }>`SELECT count(*)::int AS n FROM opportunity_history h WHERE h.seconds_in_previous IS NOT NULL
      AND abs(h.seconds_in_previous - extract(epoch FROM h.at - (SELECT max(p.at) FROM opportunity_history p WHERE p.opportunity_id = h.opportunity_id AND p.id < h.id
        AND (p.from_stage_id IS NULL OR 'stage_id' = ANY(p.changed))))) > 1`);
    expect(gaps[0]!.n).toBe(0);
  });

  it('weekly snapshots hold each week’s pipeline as it was, so the trend moves', async () => {
    const weeks = await rows(t, sql<{ week_start: string; period: string; pipeline: number; won: number; commit: number }>`SELECT to_char(week_start, 'YYYY-MM-DD') AS week_start, period,
      sum(pipeline)::float8 AS pipeline, sum(won)::float8 AS won, sum(commit)::float8 AS commit FROM forecast_snapshots GROUP BY 1, 2 ORDER BY 1`);
    expect(weeks.length).toBe(13);
    const quarter = `${NOW.getUTCFullYear()}-Q${Math.floor(NOW.getUTCMonth() / 3) + 1}`;
    const current = weeks.filter((w) => w.period === quarter);
    expect(current.length).toBeGreaterThanOrEqual(2);
    // Not one figure copied over the weeks: the weeks differ, and won only grows within a quarter.
    expect(new Set(weeks.map((w) => `${w.pipeline}/${w.won}/${w.commit}`)).size).toBeGreaterThan(weeks.length / 2);
    for (let i = 1; i < current.length; i++) expect(current[i]!.won).toBeGreaterThanOrEqual(current[i - 1]!.won);
    // This week's row is the live forecast, which the trend endpoint shows the manager.
    const trend = await t.api(token, 'GET', `/forecasts/trend?period=${quarter}`);
    expect(trend.status).toBe(200);
    expect(trend.body.data.weeks.length).toBe(current.length);
  });

  it('a real write after the demo is dated now, and the app still cannot rewrite history', async () => {
    const o = (await rows(t, sql<{ id: number; version: number; stage_id: number }>`SELECT id::int AS id, version, stage_id::int AS stage_id FROM opportunities WHERE stage_category = 'open' ORDER BY id LIMIT 1`))[0]!;
    const r = await t.api(t.adminToken, 'PATCH', `/opportunities/${o.id}`, { probability: 33 });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const last = (await rows(t, sql<{ age: number }>`SELECT extract(epoch FROM now() - at)::float8 AS age FROM opportunity_history WHERE opportunity_id = ${o.id} ORDER BY id DESC LIMIT 1`))[0]!;
    expect(Math.abs(last.age)).toBeLessThan(600);
    await expect(sql`UPDATE opportunity_history SET at = now() - interval '1 year' WHERE opportunity_id = ${o.id}`.execute(t.database.db)).rejects.toThrow(/append-only/);
  });

  it('won amount is the sum of the won deals, and the board columns have totals', async () => {
    const won = (await rows(t, sql<{ s: string; n: number }>`SELECT sum(amount_org)::text AS s, count(*)::int AS n FROM opportunities o JOIN pipelines p ON p.id = o.pipeline_id
      WHERE o.stage_category = 'won' AND p.name = '新客户销售'`))[0]!;
    expect(Number(won.s)).toBeGreaterThan(0);
    const p = (await t.api(token, 'GET', '/pipelines')).body.data.find((x: { name: string }) => x.name === '新客户销售');
    expect(p.is_default).toBe(true);
    const board = await t.api(token, 'GET', `/opportunities/board?pipeline=${p.id}`);
    expect(board.status, JSON.stringify(board.body)).toBe(200);
    const columns = board.body.data.columns as { category: string; count: number; sum: string }[];
    expect(columns.length).toBe(6);
    for (const c of columns) expect(Number(c.sum), JSON.stringify(c)).toBeGreaterThan(0);
    // The won column is the won deals: their count and the sum of their amounts.
    const wonColumn = columns.find((c) => c.category === 'won')!;
    expect(wonColumn.count).toBe(won.n);
    expect(Number(wonColumn.sum)).toBeCloseTo(Number(won.s), 2);
  });

  it('quotes were sent and accepted through their actions, one waits for approval; orders follow the accepted ones', async () => {
    const q = Object.fromEntries((await rows(t, sql<{ status: string; n: number }>`SELECT status, count(*)::int AS n FROM quotes GROUP BY 1`)).map((r) => [r.status, r.n]));
    expect(q.accepted).toBeGreaterThan(5);
    expect(q.sent).toBeGreaterThan(3);
    expect(q.pending_approval).toBe(1);
    // Accepted quotes carry the evidence the accept action writes, and each became one order.
    const evidence = await rows(t, sql<{ n: number }>`SELECT count(*)::int AS n FROM quotes WHERE status = 'accepted' AND (accepted_by_name IS NULL OR sent_pdf_hash IS NULL)`);
    expect(evidence[0]!.n).toBe(0);
    const o = Object.fromEntries((await rows(t, sql<{ status: string; n: number }>`SELECT status, count(*)::int AS n FROM orders GROUP BY 1`)).map((r) => [r.status, r.n]));
    expect((o.fulfilled ?? 0) + (o.invoiced ?? 0)).toBeGreaterThan(3);
    expect(o.on_hold).toBe(1);
    expect(Object.values(o).reduce((a, n) => a + n, 0)).toBe(q.accepted);
    const contracts = await rows(t, sql<{ n: number; planned: number }>`SELECT count(*)::int AS n, count(*) FILTER (WHERE EXISTS (SELECT 1 FROM contract_instalments i WHERE i.contract_id = c.id))::int AS planned FROM contracts c`);
    expect(contracts[0]!.n).toBeGreaterThan(0);
    expect(contracts[0]!.planned).toBe(contracts[0]!.n);
  });

  it('invoices: amount due is the total less the allocations, paid by three methods, ageing in every bucket, a promise to pay', async () => {
    const bad = await rows(t, sql<{ n: number }>`SELECT count(*)::int AS n FROM invoices i WHERE i.status <> 'draft'
      AND i.amount_due <> i.gross_total - coalesce((SELECT sum(a.amount) FROM payment_allocations a WHERE a.target_kind = 'invoice' AND a.target_id = i.id), 0)`);
    expect(bad[0]!.n).toBe(0);
    const st = Object.fromEntries((await rows(t, sql<{ status: string; n: number }>`SELECT status, count(*)::int AS n FROM invoices GROUP BY 1`)).map((r) => [r.status, r.n]));
    expect(st.paid).toBeGreaterThan(0);
    expect(st.partially_paid).toBeGreaterThan(0);
    expect(st.issued).toBeGreaterThan(0);
    const methods = (await rows(t, sql<{ method: string }>`SELECT DISTINCT method FROM payments ORDER BY 1`)).map((r) => r.method);
    expect(methods).toEqual(['alipay', 'bank_transfer', 'wechat_pay']);
    const ageing = await t.api(token, 'GET', '/reports/sales/ageing');
    expect(ageing.status).toBe(200);
    for (const b of ['current', 'd1_30', 'd31_60', 'd61_90', 'd90_plus']) expect(Number(ageing.body.totals[b]), b).toBeGreaterThan(0);
    const promises = await rows(t, sql<{ n: number }>`SELECT count(*)::int AS n FROM invoice_collection_actions WHERE promise_to_pay_date IS NOT NULL`);
    expect(promises[0]!.n).toBe(1);
  });

  it('demo records belong to the demo users', async () => {
    for (const table of ['opportunities', 'quotes', 'orders', 'contracts', 'invoices', 'payments']) {
      const bad = await rows(t, sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)} x LEFT JOIN users u ON u.id = x.owner_id WHERE u.email IS NULL OR u.email NOT LIKE '%@demo.guanxi'`);
      expect(bad[0]!.n, table).toBe(0);
    }
  });

  it('seeding twice adds nothing', async () => {
    const before = await rows(t, sql<{ n: number }>`SELECT (SELECT count(*) FROM opportunities) + (SELECT count(*) FROM invoices) + (SELECT count(*) FROM payments) + (SELECT count(*) FROM territories) AS n`);
    const again = await seedDemo(t.database.db, NOW);
    expect(Object.values(again).every((v) => v === 0)).toBe(true);
    expect(await rows(t, sql<{ n: number }>`SELECT (SELECT count(*) FROM opportunities) + (SELECT count(*) FROM invoices) + (SELECT count(*) FROM payments) + (SELECT count(*) FROM territories) AS n`)).toEqual(before);
  });
});
