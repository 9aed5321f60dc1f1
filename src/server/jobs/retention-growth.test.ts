import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../db/test-helpers.ts';
import { runRetention } from './retention.ts';
import { queueMail } from '../modules/mail/mail.service.ts';
import { storeIncoming } from '../modules/inbox/inbox.receive.ts';
import type { IncomingMail } from '../modules/inbox/inbox.parse.ts';

// The retention rules of issue 15's remaining tables: sign-ins, an import's rows, mail out and
// in, web-form submissions. What is past its period goes; what is not, or is the organisation's
// correspondence (mail matched to a contact) or still to do (queued mail), stays.
const t = useTestApp();
const env = { jobsDays: 30, eventsDays: 30, filesDays: 30 };
const n = async (q: string) => Number((await sql.raw<{ n: number }>(`SELECT count(*)::int AS n FROM ${q}`).execute(t.database.db)).rows[0]!.n);

const mail = (id: string, from: string): IncomingMail => ({
  messageId: `<${id}@elsewhere.test>`, inReplyTo: null, references: [], subject: id, from: { address: from, name: null },
  to: ['sales@guanxi.test'], cc: [], date: new Date(), text: 'hello', html: null, attachments: [], size: 100,
});

describe('retention of sign-ins, import rows, mail and web-form submissions', () => {
  it('follows the periods an administrator sets, and keeps what is recent, matched or still queued', async () => {
    const db = t.database.db;
    await sql`INSERT INTO login_history (email, success, at) VALUES ('old@x.test', false, now() - interval '40 days'), ('new@x.test', false, now() - interval '5 days')`.execute(db);
    const { rows: [imp] } = await sql<{ id: number }>`INSERT INTO imports (object, file_name, format, status, finished_at) VALUES
      ('contacts', 'old.csv', 'csv', 'done', now() - interval '40 days') RETURNING id`.execute(db) as { rows: { id: number }[] };
    const { rows: [recentImp] } = await sql<{ id: number }>`INSERT INTO imports (object, file_name, format, status, finished_at) VALUES
      ('contacts', 'new.csv', 'csv', 'done', now() - interval '5 days') RETURNING id`.execute(db) as { rows: { id: number }[] };
    for (const id of [imp!.id, recentImp!.id]) await sql`INSERT INTO import_errors (import_id, line, reason) VALUES (${id}, 2, 'name: Required')`.execute(db);
    await db.transaction().execute(async (trx) => {
      for (const to of ['sent@x.test', 'queued@x.test']) await queueMail(trx, { to, template: 'smtp_test', locale: 'en', vars: { organization: { name: 'G' } } });
    });
    await sql`UPDATE mail_outbox SET created_at = now() - interval '40 days'`.execute(db);
    await sql`UPDATE mail_outbox SET status = 'sent', sent_at = now() - interval '40 days' WHERE to_address = 'sent@x.test'`.execute(db);
    await t.api(t.adminToken, 'POST', '/contacts', { name: '客户甲', email: 'known@kehu.cn' });
    await storeIncoming(db, mail('stranger', 'stranger@elsewhere.test'), null);
    await storeIncoming(db, mail('customer', 'known@kehu.cn'), null);
    await sql`UPDATE mail_messages SET received_at = now() - interval '40 days'`.execute(db);
    await sql`UPDATE mail_threads SET last_message_at = now() - interval '40 days'`.execute(db);

    // The defaults (a year, 90 days) keep all of it.
    const before = { logins: await n('login_history'), errors: await n('import_errors'), out: await n('mail_outbox'), in: await n('mail_messages') };
    await runRetention(db, env);
    expect({ logins: await n('login_history'), errors: await n('import_errors'), out: await n('mail_outbox'), in: await n('mail_messages') }).toEqual(before);

    const put = await t.api(t.adminToken, 'PUT', '/settings/retention', { login_history_days: 30, imports_days: 30, mail_days: 30, form_submissions_days: 30 });
    expect(put.status).toBe(200);
    const gone = await runRetention(db, env);
    expect(gone).toMatchObject({ login_history: 1, import_errors: 1, mail_outbox: 1, mail_messages: 2 });
    expect((await sql<{ email: string }>`SELECT email FROM login_history WHERE email LIKE '%@x.test'`.execute(db)).rows).toEqual([{ email: 'new@x.test' }]);
    expect((await sql<{ import_id: number }>`SELECT import_id FROM import_errors`.execute(db)).rows).toEqual([{ import_id: recentImp!.id }]);
    // The import's summary stays without its rows.
    expect(await n(`imports WHERE id = ${imp!.id}`)).toBe(1);
    expect((await sql<{ to_address: string }>`SELECT to_address FROM mail_outbox`.execute(db)).rows).toEqual([{ to_address: 'queued@x.test' }]);
    // The stranger's message and its thread went; the customer's stays.
    expect((await sql<{ from_address: string }>`SELECT from_address FROM mail_messages`.execute(db)).rows).toEqual([{ from_address: 'known@kehu.cn' }]);
    expect(await n('mail_threads')).toBe(1);
  });
});
