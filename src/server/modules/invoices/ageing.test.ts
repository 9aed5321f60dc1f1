import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';
import { BILLING_TEST_MODULE, issuedInvoice } from './billing.test-support.ts';
import { hasInvoicesOverdue } from './invoices.billing.ts';

// The ageing report: buckets at their boundaries, the organisation currency, keyset pages of
// accounts with totals over all, and only the invoices the caller may see.
const t = useTestApp({ modules: [BILLING_TEST_MODULE] });
const f = factories(t);

describe('GET /reports/sales/ageing', () => {
  it('buckets amounts due by days past due at the boundaries, in the organisation currency, page by page', async () => {
    const rates = await t.api(t.adminToken, 'PUT', '/settings/exchange-rates', { rates: [{ from_currency: 'USD', to_currency: 'CNY', rate: '7.1', valid_from: '2026-01-01' }] });
    expect(rates.status).toBe(200);
    const acme = await f.account({ name: 'Acme' });
    const beta = await f.account({ name: 'Beta' });
    // Due dates relative to as_of 2026-06-30 (terms 0: due on the issue day).
    const due = async (account: number, amount: string, date: string, currency?: string) => issuedInvoice(t, t.adminToken, account, amount, { issue_date: date, terms: 0, currency });
    await due(acme.id, '1.00', '2026-06-30'); // 0 days: current
    await due(acme.id, '2.00', '2026-05-31'); // 30 days: 1–30
    await due(acme.id, '4.00', '2026-05-30'); // 31 days: 31–60
    await due(acme.id, '8.00', '2026-05-01'); // 60 days: 31–60
    await due(acme.id, '16.00', '2026-04-30'); // 61 days: 61–90
    await due(acme.id, '32.00', '2026-04-01'); // 90 days: 61–90
    await due(acme.id, '64.00', '2026-03-31'); // 91 days: 90+
    await due(beta.id, '10.00', '2026-06-29', 'USD'); // 1 day, 71.00 CNY
    await due(beta.id, '5.00', '2026-07-01'); // issued after as_of: left out
    const r = await t.api(t.adminToken, 'GET', '/reports/sales/ageing?as_of=2026-06-30&limit=1');
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual([{ account_id: acme.id, account_name: 'Acme', invoices: 7, current: '1.00', d1_30: '2.00', d31_60: '12.00', d61_90: '48.00', d90_plus: '64.00', total: '127.00' }]);
    expect(r.body.totals).toEqual({ invoices: 8, current: '1.00', d1_30: '73.00', d31_60: '12.00', d61_90: '48.00', d90_plus: '64.00', total: '198.00' });
    expect(r.body.currency).toBe('CNY');
    const next = await t.api(t.adminToken, 'GET', `/reports/sales/ageing?as_of=2026-06-30&limit=1&cursor=${r.body.next_cursor}`);
    expect(next.body.data).toEqual([expect.objectContaining({ account_id: beta.id, d1_30: '71.00', total: '71.00' })]);
    expect(next.body.next_cursor).toBeNull();
    expect(await hasInvoicesOverdue(t.database.db, acme.id, 90, '2026-06-30')).toBe(true);
    expect(await hasInvoicesOverdue(t.database.db, beta.id, 1, '2026-06-30')).toBe(false);
    // A currency without a rate refuses the report rather than leave it out.
    await due(beta.id, '3.00', '2026-06-01', 'EUR');
    const noRate = await t.api(t.adminToken, 'GET', '/reports/sales/ageing?as_of=2026-06-30');
    expect([noRate.status, noRate.body.error.code]).toEqual([409, 'no_exchange_rate']);
    await sql`UPDATE invoices SET status = 'void' WHERE currency = 'EUR'`.execute(t.database.db);
    expect((await t.api(t.adminToken, 'GET', '/reports/sales/ageing?as_of=bad')).status).toBe(400);
  });

  it("a rep's ageing covers only his invoices; an account he may not see keeps its name hidden", async () => {
    const rep = await f.user('sales');
    const mine = await f.as(rep.token).account({ name: 'Mine' });
    const theirs = await f.account({ name: 'Secret Co' });
    await issuedInvoice(t, rep.token, mine.id, '10.00', { issue_date: '2026-06-01', terms: 0 });
    await issuedInvoice(t, t.adminToken, mine.id, '999.00', { issue_date: '2026-06-01', terms: 0 });
    await issuedInvoice(t, t.adminToken, theirs.id, '777.00', { issue_date: '2026-06-01', terms: 0, owner_id: rep.id });
    const r = await t.api(rep.token, 'GET', '/reports/sales/ageing?as_of=2026-06-30');
    expect(r.status).toBe(200);
    expect(r.body.totals).toMatchObject({ invoices: 2, total: '787.00', d1_30: '787.00' });
    expect(r.body.data).toEqual(expect.arrayContaining([
      expect.objectContaining({ account_id: mine.id, account_name: 'Mine', total: '10.00' }),
      expect.objectContaining({ account_id: theirs.id, account_name: null, total: '777.00' }),
    ]));
    expect(JSON.stringify(r.body)).not.toContain('Secret Co');
    expect(JSON.stringify(r.body)).not.toContain('999');
  });
});
