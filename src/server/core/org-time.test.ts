import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../db/test-helpers.ts';
import { factories } from '../db/factories.ts';
import { issuedInvoice } from '../modules/invoices/billing.test-support.ts';
import { reportHelpers } from '../modules/sales-reports/reports.test-support.ts';
import { expireQuotes } from '../modules/quotes/quotes.expiry.ts';
import { quoteKit, tokenOf } from '../modules/quotes/quotes.test-support.ts';
import { quarterOf, weekStart } from '../modules/forecasts/forecasts.period.ts';
import { bookedSources } from '../modules/commissions/sources.repo.ts';
import { hasInvoicesOverdue } from '../modules/invoices/invoices.billing.ts';
import { dayBoundsUtc, dayIn, orgToday } from './org-time.ts';

// The organisation's time zone decides which day and period an instant belongs to: half an hour
// before midnight UTC on 30 June is already 1 July (Q3) in Shanghai, still 30 June (Q2) in UTC.
const t = useTestApp();
const f = factories(t);
const h = reportHelpers(t);
const k = quoteKit(t);
const LATE = '2026-06-30T23:30:00Z';
const YEAR = 'from=2026-01-01&to=2026-12-31';

async function zone(z: string) {
  const r = await t.api(t.adminToken, 'PATCH', '/settings', { time_zone: z });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}
const quarters = async (basis: string) =>
  ((await h.get(`/reports/sales/revenue?${YEAR}&interval=quarter&basis=${basis}`)).rows as { key: string; amount: string }[]).map((r) => [r.key, r.amount]);

// The tests share one database: each starts from the default zone.
beforeEach(async () => {
  await zone('Asia/Shanghai');
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the organisation time zone', () => {
  it('turns instants into local days and local days into instants', () => {
    expect(dayIn('Asia/Shanghai', new Date(LATE))).toBe('2026-07-01');
    expect(dayIn('UTC', new Date(LATE))).toBe('2026-06-30');
    expect(dayBoundsUtc('Asia/Shanghai', '2026-07-01')).toEqual({ start: '2026-06-30T16:00:00.000Z', end: '2026-07-01T16:00:00.000Z' });
    // Across a DST change the day is 23 hours long.
    expect(dayBoundsUtc('Europe/Berlin', '2026-03-29')).toEqual({ start: '2026-03-28T23:00:00.000Z', end: '2026-03-29T22:00:00.000Z' });
  });

  it("the forecast's current quarter and snapshot week are the zone's", () => {
    expect([quarterOf(new Date(LATE), 'Asia/Shanghai'), quarterOf(new Date(LATE), 'UTC')]).toEqual(['2026-Q3', '2026-Q2']);
    // Sunday 28 June 17:00 UTC is Monday 29 June 01:00 in Shanghai: a new week there.
    const sunday = new Date('2026-06-28T17:00:00Z');
    expect([weekStart(sunday, 'Asia/Shanghai'), weekStart(sunday, 'UTC')]).toEqual(['2026-06-29', '2026-06-22']);
  });

  it('a deal won at 23:30 UTC on 30 June is booked in Q3 in Shanghai (the default) and in Q2 in UTC', async () => {
    await h.deal({ amount: '1000', currency: 'CNY' }, { path: ['Won'], closed: LATE });
    const shanghai = await h.get(`/reports/sales/revenue?${YEAR}&interval=quarter`);
    expect(shanghai.time_zone).toBe('Asia/Shanghai');
    expect(shanghai.rows.map((r: any) => [r.key, r.end, r.amount])).toEqual([['2026-07-01', '2026-09-30', '1000.00']]);
    expect((await h.get(`/reports/sales/win-rate?from=2026-07-01&to=2026-07-01`)).totals.won).toBe(1);
    await zone('UTC');
    const utc = await h.get(`/reports/sales/revenue?${YEAR}&interval=quarter`);
    expect(utc.time_zone).toBe('UTC');
    expect(utc.rows.map((r: any) => [r.key, r.end, r.amount])).toEqual([['2026-04-01', '2026-06-30', '1000.00']]);
    expect((await h.get(`/reports/sales/win-rate?from=2026-07-01&to=2026-07-01`)).totals.won).toBe(0);
  });

  it('an invoice issued and a payment received at 23:30 UTC on 30 June are dated 1 July in Shanghai, 30 June in UTC', async () => {
    const acc = await f.account({ name: 'Late Co' });
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(LATE) });
    const inv = await issuedInvoice(t, t.adminToken, acc.id, '500.00');
    await zone('UTC');
    const inv2 = await issuedInvoice(t, t.adminToken, acc.id, '200.00');
    vi.useRealTimers();
    const dates = await sql<{ id: number; d: string }>`SELECT id::int AS id, to_char(issue_date, 'YYYY-MM-DD') AS d FROM invoices WHERE id IN (${inv.id}, ${inv2.id}) ORDER BY id`.execute(t.database.db);
    expect(dates.rows.map((r) => r.d)).toEqual(['2026-07-01', '2026-06-30']);
    expect(await quarters('invoiced')).toEqual([['2026-04-01', '200.00'], ['2026-07-01', '500.00']]);
  });

  it("the ageing report's and the collections run's today is the organisation's", async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(LATE) });
    expect((await h.get('/reports/sales/ageing')).as_of).toBe('2026-07-01');
    expect(await orgToday(t.database.db)).toBe('2026-07-01');
    await zone('UTC');
    expect((await h.get('/reports/sales/ageing')).as_of).toBe('2026-06-30');
  });

  it('a quote valid until 1 July expires when 2 July begins in the zone, and its accept link refuses it by the same day', async () => {
    const db = t.database.db;
    await k.settings({ max_discount_percent: null, min_margin_percent: null });
    const account = (await t.api(t.adminToken, 'POST', '/accounts', { name: 'Quote buyer' })).body.data;
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-06-30T10:00:00Z') });
    const sent = async () => {
      const q = await k.quote({ values: { valid_until: '2026-07-01', account_id: account.id } });
      const r = await k.act(q.id, 'send');
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return { id: q.id as number, token: tokenOf(r.body.link.path) };
    };
    const [q1, q2] = [await sent(), await sent()];
    vi.useRealTimers();
    const status = async (id: number) => (await sql<{ status: string }>`SELECT status FROM quotes WHERE id = ${id}`.execute(db)).rows[0]!.status;
    // 17:00 UTC on 30 June is 01:00 on 1 July in Shanghai, 15:30 UTC on 1 July is 23:30: still valid.
    expect(await expireQuotes(db, new Date('2026-06-30T17:00:00Z'))).toBe(0);
    expect(await expireQuotes(db, new Date('2026-07-01T15:30:00Z'))).toBe(0);
    // 16:30 UTC on 1 July is 00:30 on 2 July in Shanghai: the link refuses; in UTC it is still 1 July: it accepts.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-07-01T16:30:00Z') });
    const accept = () => t.app.inject({ method: 'POST', url: `/api/v1/public/quotes/${q2.token}/accept`, payload: { name: 'Buyer' } });
    const refused = await accept();
    await zone('UTC');
    const taken = await accept();
    vi.useRealTimers();
    expect([refused.statusCode, refused.json().error.details.reason]).toEqual([409, 'expired']);
    expect(taken.statusCode, taken.body).toBe(200);
    expect(await expireQuotes(db, new Date('2026-07-01T16:30:00Z'))).toBe(0);
    await zone('Asia/Shanghai');
    expect(await expireQuotes(db, new Date('2026-07-01T16:30:00Z'))).toBe(1);
    expect([await status(q1.id), await status(q2.id)]).toEqual(['expired', 'accepted']);
  });

  it("commission periods take a deal on its day in the zone; an invoice due 30 June is overdue from the zone's 1 July", async () => {
    const rep = await f.user('sales');
    await h.deal({ amount: '800', currency: 'CNY', owner_id: rep.id }, { path: ['Won'], closed: LATE });
    const q3 = { userId: rep.id, from: '2026-07-01', to: '2026-09-30', category: null };
    expect((await bookedSources(t.database.db, q3)).map((r) => r.source_date)).toEqual(['2026-07-01']);
    await zone('UTC');
    expect(await bookedSources(t.database.db, q3)).toEqual([]);
    expect((await bookedSources(t.database.db, { ...q3, from: '2026-04-01', to: '2026-06-30' })).map((r) => r.source_date)).toEqual(['2026-06-30']);

    const acc = await f.account({ name: 'Due Co' });
    await issuedInvoice(t, t.adminToken, acc.id, '100.00', { issue_date: '2026-06-30', terms: 0 });
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(LATE) });
    const utc = await hasInvoicesOverdue(t.database.db, acc.id, 0);
    await zone('Asia/Shanghai');
    const shanghai = await hasInvoicesOverdue(t.database.db, acc.id, 0);
    expect([utc, shanghai]).toEqual([false, true]);
  });
});
