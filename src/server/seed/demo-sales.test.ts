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

  it('seeds the quarter through the services', { timeout: 120_000 }, async () => {
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
