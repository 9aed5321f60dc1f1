import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';
import { BILLING_TEST_MODULE, billingSnapshot, issuedInvoice } from './billing.test-support.ts';
import { runCollections } from './collections.service.ts';

// Collections: actions with promises to pay, overdue reminders once per invoice and bucket,
// a broken promise shown on the invoice and notified once.
const t = useTestApp({ modules: [BILLING_TEST_MODULE] });
const f = factories(t);

const bell = async (userId: number) =>
  (await sql<{ dedupe_key: string }>`SELECT dedupe_key FROM notifications WHERE user_id = ${userId} ORDER BY id`.execute(t.database.db)).rows.map((r) => r.dedupe_key);

describe('collections', () => {
  it('reminds the owner once per overdue bucket', async () => {
    const rep = await f.user('sales');
    const account = await f.as(rep.token).account();
    const inv = await issuedInvoice(t, t.adminToken, account.id, '50.00', { issue_date: '2026-01-01', terms: 10, owner_id: rep.id });
    expect((await runCollections(t.database.db, '2026-01-11')).overdue).toBe(0); // due that day
    await runCollections(t.database.db, '2026-01-12');
    await runCollections(t.database.db, '2026-01-20');
    expect(await bell(rep.id)).toEqual([`overdue:${inv.id}:1`]);
    await runCollections(t.database.db, '2026-02-11'); // 31 days
    await runCollections(t.database.db, '2026-05-01'); // over 90: one reminder, the last bucket
    expect(await bell(rep.id)).toEqual([`overdue:${inv.id}:1`, `overdue:${inv.id}:2`, `overdue:${inv.id}:4`]);
  });

  it('records actions; a broken promise shows on the invoice and is notified once; bad input changes nothing', async () => {
    const rep = await f.user('sales');
    const account = await f.as(rep.token).account();
    const inv = await issuedInvoice(t, rep.token, account.id, '80.00', { issue_date: '2026-01-01', terms: 30 });
    const snap = await billingSnapshot(t);
    for (const bad of [{ kind: 'fax' }, { kind: 'call', promised_amount: '10' }, { kind: 'call', promise_to_pay_date: '2026-02-30' }, { kind: 'call', promise_to_pay_date: '2026-02-01', promised_amount: '-1' }]) {
      expect((await t.api(rep.token, 'POST', `/invoices/${inv.id}/collection`, bad)).status).toBe(400);
    }
    expect(await billingSnapshot(t)).toEqual(snap);
    const past = new Date(Date.now() - 3 * 86400_000).toISOString().slice(0, 10);
    const a = await t.api(rep.token, 'POST', `/invoices/${inv.id}/collection`, { kind: 'call', note: 'Promised by phone', promise_to_pay_date: past, promised_amount: '80.00' });
    expect(a.status).toBe(201);
    expect(a.body.data).toMatchObject({ kind: 'call', promise_to_pay_date: past, promised_amount: '80.00' });
    const list = await t.api(rep.token, 'GET', `/invoices/${inv.id}/collection`);
    expect(list.body.data).toHaveLength(1);
    const shown = await t.api(rep.token, 'GET', `/invoices/${inv.id}`);
    expect(shown.body.data.broken_promise).toEqual({ date: past, amount: '80.00' });
    // The owner is told, once.
    const today = new Date().toISOString().slice(0, 10);
    expect((await runCollections(t.database.db, today)).broken).toBe(1);
    expect((await runCollections(t.database.db, today)).broken).toBe(0);
    expect((await bell(rep.id)).filter((k) => k.startsWith('promise:'))).toHaveLength(1);
    // Paid: no longer broken.
    await t.api(rep.token, 'POST', '/payments/record', { invoice_id: inv.id, amount: '80.00', method: 'bank_transfer', received_on: today });
    expect((await t.api(rep.token, 'GET', `/invoices/${inv.id}`)).body.data.broken_promise).toBeNull();
  });
});
