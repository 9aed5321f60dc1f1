import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../../db/test-helpers.ts';
import { SCHEDULE_JOB_PREFIX } from '../../jobs/schedules.ts';
import { EXPIRY_JOB, expireQuotes } from './quotes.expiry.ts';
import { quoteKit, tokenOf } from './quotes.test-support.ts';

// The quote expiry job (quotes.expiry.ts) run with a fixed "today": sent and approved-unsent
// quotes past valid_until become expired once, audited, on the timelines, the owner told; the
// accept link then says the quote has expired. Same on PGlite and PostgreSQL.
const t = useTestApp();
const k = quoteKit(t);
const PAST = '2030-06-30';
const TODAY = '2030-07-01';

async function setup() {
  await k.settings({ max_discount_percent: null, min_margin_percent: null });
  const rep = await t.userToken('sales');
  const account = (await t.api(t.adminToken, 'POST', '/accounts', { name: `Expiry buyer ${Date.now()}` })).body.data;
  const make = (valid_until: string | null) => k.quote({ values: { valid_until, owner_id: rep.id, account_id: account.id } });
  const sent = async (valid_until: string) => {
    const q = await make(valid_until);
    const r = await k.act(q.id, 'send');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return { ...r.body.data, token: tokenOf(r.body.link.path) };
  };
  const approved = async (valid_until: string) => {
    const q = await make(valid_until);
    expect((await k.act(q.id, 'submit')).body.data.status).toBe('approved');
    return k.get(q.id);
  };
  return { rep, account, make, sent, approved };
}

const auditOf = async (id: number) => (await t.api(t.adminToken, 'GET', `/audit-log?filter[object]=quotes&filter[record_id]=${id}&limit=200`)).body.data as { action: string; actor_id: number | null }[];
const bellOf = async (token: string) => (await t.api(token, 'GET', '/notifications')).body.data as { kind: string; record_id: number }[];

describe('quote expiry', () => {
  it('expires sent and approved-unsent quotes past their date once, audited, on the timelines and told to the owner; leaves the rest', async () => {
    const s = await setup();
    const due = await s.sent(PAST);
    const unsent = await s.approved(PAST);
    const today = await s.sent(TODAY); // valid through today
    const draft = await s.make(PAST);
    const open = await s.sent('2030-12-31');
    const answered = await s.sent(PAST);
    expect((await k.act(answered.id, 'accept', { name: '王芳' })).status).toBe(200);

    // One per batch, so the loop takes several transactions.
    expect(await expireQuotes(t.database.db, TODAY, 1)).toBeGreaterThanOrEqual(2);
    expect((await k.get(due.id)).status).toBe('expired');
    expect((await k.get(unsent.id)).status).toBe('expired');
    for (const [q, status] of [[today, 'sent'], [draft, 'draft'], [open, 'sent'], [answered, 'accepted']] as const) expect((await k.get(q.id)).status, String(q.id)).toBe(status);

    for (const q of [due, unsent]) {
      const audit = await auditOf(q.id);
      expect(audit.filter((a) => a.action === 'quote.expire')).toEqual([expect.objectContaining({ actor_id: null })]);
    }
    const timeline = await t.api(t.adminToken, 'GET', `/timeline/accounts/${s.account.id}`);
    expect(timeline.body.data.filter((e: { kind: string }) => e.kind === 'quote_expired').map((e: { title: string }) => e.title).sort()).toEqual([due.number, unsent.number].sort());
    const told = (await bellOf(s.rep.token)).filter((n) => n.kind === 'expired').map((n) => n.record_id).sort();
    expect(told).toEqual([due.id, unsent.id].sort());

    // A second run (or a second process) changes nothing.
    const before = [await k.get(due.id), await auditOf(due.id), await bellOf(s.rep.token)];
    expect(await expireQuotes(t.database.db, TODAY)).toBe(0);
    expect([await k.get(due.id), await auditOf(due.id), await bellOf(s.rep.token)]).toEqual(before);

    // The accept link now says the quote has expired, and writes nothing.
    const page = await t.api('', 'GET', `/public/quotes/${due.token}`);
    expect([page.status, page.body.error.code, page.body.error.details.reason]).toEqual([409, 'quote_not_open', 'expired']);
    const accept = await t.app.inject({ method: 'POST', url: `/api/v1/public/quotes/${due.token}/accept`, payload: { name: 'Late buyer' } });
    expect([accept.statusCode, JSON.parse(accept.body).error.details.reason]).toEqual([409, 'expired']);
    expect(await k.get(due.id)).toEqual(before[0]);
  });

  it('is a daily schedule of the job queue', async () => {
    const s = await setup();
    const q = await s.sent('2030-01-01');
    // A date already past in real time (a quote cannot be sent with one: set it under the API).
    await sql`UPDATE quotes SET valid_until = '2020-01-01' WHERE id = ${q.id}`.execute(t.database.db);
    await t.app.jobs.enqueue(SCHEDULE_JOB_PREFIX + EXPIRY_JOB, {});
    await t.app.jobs.drain();
    expect((await k.get(q.id)).status).toBe('expired');
  });
});
