import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ADMIN, useTestApp } from '../db/test-helpers.ts';
import { runRetention } from './retention.ts';
import { deliverOutbox } from './outbox.ts';
import { importAs } from '../modules/imports/import-test-helpers.ts';
import { queueMail } from '../modules/mail/mail.service.ts';
import { storeIncoming } from '../modules/inbox/inbox.receive.ts';
import { makeForm, send as submitForm } from '../modules/public/forms.test-support.ts';

const t = useTestApp();
const env = { jobsDays: 30, eventsDays: 30, filesDays: 30 };
/** The tables every busy day adds rows to that are not the organisation's data. */
const TABLES = [
  'idempotency_keys', 'jobs', 'sessions', 'event_outbox', 'login_history', 'password_resets',
  'imports_rows', 'files', 'file_chunks', 'mail_outbox', 'mail_messages', 'mail_threads', 'public_form_submissions', 'notifications',
] as const;

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    // An import's rejected, skipped and warned rows, together.
    const from = table === 'imports_rows'
      ? sql`(SELECT import_id FROM import_errors UNION ALL SELECT import_id FROM import_skipped UNION ALL SELECT import_id FROM import_warnings) x`
      : sql.table(table);
    const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM ${from}`.execute(t.database.db);
    out[table] = Number(rows[0]!.n);
  }
  return out;
}

/**
 * A day of traffic: keyed creates and edits (as the web app sends them), deletes, sign-ins, the
 * jobs they cause, an import with a rejected row, a task assigned to someone (a notification),
 * mail out, mail in from a stranger, a web-form submission.
 */
async function busyDay(day: number, ctx: { formKey: string; colleague: number }): Promise<void> {
  for (let i = 0; i < 15; i++) {
    const c = await t.api(t.adminToken, 'POST', '/contacts', { name: `Soak ${day}-${i}` }, { 'idempotency-key': `soak-${day}-${i}` });
    await t.api(t.adminToken, 'PATCH', `/contacts/${c.body.data.id}`, { city: 'Xiamen' }, { 'idempotency-key': `soak-${day}-${i}-edit` });
    if (i % 3 === 0) await t.api(t.adminToken, 'DELETE', `/contacts/${c.body.data.id}`);
  }
  for (let i = 0; i < 3; i++) await t.login(ADMIN.email, ADMIN.password);
  await importAs(t, t.adminToken, `name,mobile\nImported ${day},1390000${String(day).padStart(4, '0')}\n,13900009999\n`, 'create');
  await t.api(t.adminToken, 'POST', '/tasks', { title: `Follow up ${day}`, owner_id: ctx.colleague });
  await t.database.db.transaction().execute((trx) => queueMail(trx, { to: `soak${day}@guanxi.test`, template: 'smtp_test', locale: 'en', vars: { organization: { name: 'Soak' } } }));
  await storeIncoming(t.database.db, {
    messageId: `<soak-${day}@elsewhere.test>`, inReplyTo: null, references: [], subject: `Offer ${day}`, from: { address: `stranger${day}@elsewhere.test`, name: null },
    to: ['sales@guanxi.test'], cc: [], date: new Date(), text: 'Cheap tea', html: null, attachments: [], size: 200,
  }, null);
  expect((await submitForm(t, ctx.formKey, { name: `Visitor ${day}`, email: `visitor${day}@example.cn` })).status).toBe(200);
  // The queue is not running in tests: deliver the day's events as its sweep would.
  await deliverOutbox(t.database.db, { error: () => {} });
  await t.app.jobs.drain();
}

/** Moves what the day wrote past every retention period, as the clock would (and the mail as sent). */
async function aDayAndMorePasses(sessionsAfter: Date): Promise<void> {
  const db = t.database.db;
  await sql`UPDATE idempotency_keys SET created_at = created_at - interval '25 hours'`.execute(db);
  await sql`UPDATE jobs SET finished_at = finished_at - interval '31 days' WHERE finished_at IS NOT NULL`.execute(db);
  await sql`UPDATE event_outbox SET delivered_at = delivered_at - interval '31 days' WHERE delivered_at IS NOT NULL`.execute(db);
  await sql`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE created_at > ${sessionsAfter}`.execute(db);
  await sql`UPDATE login_history SET at = at - interval '366 days'`.execute(db);
  await sql`UPDATE imports SET finished_at = finished_at - interval '91 days' WHERE finished_at IS NOT NULL`.execute(db);
  await sql`UPDATE mail_outbox SET status = 'sent', sent_at = now() - interval '366 days' WHERE status = 'queued'`.execute(db);
  await sql`UPDATE mail_messages SET received_at = received_at - interval '366 days'`.execute(db);
  await sql`UPDATE mail_threads SET first_message_at = first_message_at - interval '366 days', last_message_at = last_message_at - interval '366 days'`.execute(db);
  await sql`UPDATE public_form_submissions SET created_at = created_at - interval '366 days'`.execute(db);
  await sql`UPDATE notifications SET created_at = created_at - interval '366 days'`.execute(db);
}

describe('soak: nothing grows without bound', () => {
  it('after days of writes, sign-ins, imports, mail, forms and jobs, a retention pass brings every operational table back to where it started', async () => {
    const form = await makeForm(t);
    const colleague = (await t.userToken('sales')).id;
    await t.app.jobs.drain();
    // The sign-ins of the days to come end; the test's own session stays.
    const sessionsAfter = (await sql<{ now: Date }>`SELECT now()`.execute(t.database.db)).rows[0]!.now;
    await runRetention(t.database.db, env);
    const start = await counts();
    for (let day = 0; day < 3; day++) {
      await busyDay(day, { formKey: form.key, colleague });
      const busy = await counts();
      for (const table of ['idempotency_keys', 'sessions', 'login_history', 'imports_rows', 'files', 'mail_outbox', 'mail_messages', 'public_form_submissions', 'notifications'] as const) {
        expect(busy[table], table).toBeGreaterThan(start[table]!);
      }
      await aDayAndMorePasses(sessionsAfter);
      await runRetention(t.database.db, env);
      // Within each table's bound again: nothing is left behind by any of the day's writes.
      const after = await counts();
      const growth = Object.fromEntries(TABLES.map((table) => [table, Math.max(0, after[table]! - start[table]!)]));
      expect(growth).toEqual(Object.fromEntries(TABLES.map((table) => [table, 0])));
    }
  });
});
