import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { connectSameDatabase, useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';
import { useSink, userWithLocale } from './mail.test-support.ts';
import { deliverMail } from './mail.deliver.ts';
import { queueDueReminders } from './mail.reminders.ts';
import { queueMail } from './mail.service.ts';
import { claimDue } from './mail.repo.ts';

const t = useTestApp();
const sink = useSink(t);
const f = factories(t);
const past = () => new Date(Date.now() - 60_000).toISOString();
const silent = { error: () => {} };

async function outbox(where = sql`true`) {
  const { rows } = await sql<any>`SELECT * FROM mail_outbox WHERE ${where} ORDER BY id`.execute(t.database.db);
  return rows;
}

describe('task reminders by e-mail', () => {
  it('arrive once, in the owner\'s locale, with values escaped in HTML', async () => {
    const owner = await userWithLocale(t, 'zh-CN', 'zhang@guanxi.test');
    const task = await f.task({ title: '<script>alert(1)</script> 回访', reminder_at: past(), owner_id: owner, due_at: '2026-12-01T02:00:00Z' });
    const before = sink.received.length;
    expect(await queueDueReminders(t.database.db)).toBe(1);
    expect(await queueDueReminders(t.database.db)).toBe(0);
    await deliverMail(t.database.db, silent);
    await deliverMail(t.database.db, silent);
    const got = sink.received.slice(before);
    expect(got).toHaveLength(1);
    const m = got[0]!;
    expect(m.to).toEqual(['zhang@guanxi.test']);
    expect(m.subject).toBe('任务提醒：<script>alert(1)</script> 回访');
    expect(m.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; 回访');
    expect(m.html).not.toContain('<script>');
    expect(m.html).toContain('截止时间');
    expect(m.text).toContain('<script>alert(1)</script> 回访');
    const [row] = await outbox(sql`template_key = 'task_reminder' AND user_id = ${owner}`);
    expect(row).toMatchObject({ status: 'sent', locale: 'zh-CN', attempts: 1 });
    expect(m.headers['message-id']).toBe(row.message_id);
    const { rows } = await sql<any>`SELECT reminded_at, version FROM tasks WHERE id = ${task.id}`.execute(t.database.db);
    expect(rows[0].reminded_at).not.toBeNull();
    // Sending the reminder is not an edit: a form opened on the task before it still saves (migration 019).
    expect(rows[0].version).toBe(task.version);
  });

  it('moving the reminder later arms it again; done tasks are not reminded', async () => {
    const owner = await userWithLocale(t, 'zh-TW', 'lin@guanxi.test');
    const task = await f.task({ title: 'Re-armed', reminder_at: past(), owner_id: owner });
    await f.task({ title: 'Finished', reminder_at: past(), owner_id: owner, status: 'done' });
    expect(await queueDueReminders(t.database.db)).toBe(1);
    await sql`UPDATE tasks SET reminder_at = now() + interval '1 second' WHERE id = ${task.id}`.execute(t.database.db);
    expect(await queueDueReminders(t.database.db)).toBe(0);
    await sql`UPDATE tasks SET reminder_at = now() WHERE id = ${task.id}`.execute(t.database.db);
    expect(await queueDueReminders(t.database.db)).toBe(1);
    const rows = await outbox(sql`user_id = ${owner}`);
    expect(rows.map((r: any) => r.subject)).toEqual(['任務提醒：Re-armed', '任務提醒：Re-armed']);
  });

  it('two processes queue each due reminder once', async () => {
    const owner = await userWithLocale(t, 'en', 'twice@guanxi.test');
    for (let i = 0; i < 6; i++) await f.task({ title: `Parallel ${i}`, reminder_at: past(), owner_id: owner });
    const other = await connectSameDatabase(t.database);
    try {
      const [a, b] = await Promise.all([queueDueReminders(t.database.db), queueDueReminders(other.database.db)]);
      expect(a + b).toBe(6);
    } finally {
      await other.close();
    }
    const rows = await outbox(sql`user_id = ${owner}`);
    expect(rows.map((r: any) => r.subject).sort()).toEqual([0, 1, 2, 3, 4, 5].map((i) => `Reminder: Parallel ${i}`));
  });

  it('a task without an owner is skipped with the reason, never sent', async () => {
    const task = await f.task({ title: 'Nobody', reminder_at: past() });
    await sql`UPDATE tasks SET owner_id = NULL WHERE id = ${task.id}`.execute(t.database.db);
    expect(await queueDueReminders(t.database.db)).toBe(1);
    const [row] = await outbox(sql`subject = 'Reminder: Nobody'`);
    expect(row).toMatchObject({ status: 'skipped', last_error: 'no_email_address' });
    await deliverMail(t.database.db, silent);
    expect(sink.received.some((m) => m.subject === 'Reminder: Nobody')).toBe(false);
  });
});

describe('the mail outbox', () => {
  const queue = (to: string, vars: Record<string, unknown> = {}, contactId: number | null = null) =>
    t.database.db.transaction().execute((trx) =>
      queueMail(trx, { to, template: 'smtp_test', locale: 'en', vars: { organization: { name: 'Outbox' }, ...vars }, contactId }));

  it('malformed addresses are kept as skipped with a reason', async () => {
    expect(await queue('not-an-address')).toMatchObject({ status: 'skipped', reason: 'invalid_email' });
    expect(await queue('')).toMatchObject({ status: 'skipped', reason: 'no_email_address' });
  });

  it('retries after the server refuses once, sending the same Message-ID', async () => {
    const { id } = await queue('retry@guanxi.test');
    sink.refuseNext(1);
    expect(await deliverMail(t.database.db, silent)).toBe(0);
    let [row] = await outbox(sql`id = ${id}`);
    expect(row).toMatchObject({ status: 'queued', attempts: 1 });
    expect(row.last_error).toContain('451');
    expect(new Date(row.next_attempt_at).getTime()).toBeGreaterThan(Date.now());
    // Not due yet: the next pass leaves it.
    expect(await deliverMail(t.database.db, silent)).toBe(0);
    await sql`UPDATE mail_outbox SET next_attempt_at = now() WHERE id = ${id}`.execute(t.database.db);
    expect(await deliverMail(t.database.db, silent)).toBe(1);
    [row] = await outbox(sql`id = ${id}`);
    expect(row).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
    const got = sink.received.filter((m) => m.to[0] === 'retry@guanxi.test');
    expect(got.map((m) => m.headers['message-id'])).toEqual([row.message_id]);
  });

  it('gives up after the last attempt, keeping the error', async () => {
    const { id } = await queue('giveup@guanxi.test');
    await sql`UPDATE mail_outbox SET attempts = 5 WHERE id = ${id}`.execute(t.database.db);
    sink.refuseNext(1);
    await deliverMail(t.database.db, silent);
    const [row] = await outbox(sql`id = ${id}`);
    expect(row).toMatchObject({ status: 'failed', attempts: 6 });
    expect(row.last_error).toContain('451');
    const r = await t.api(t.adminToken, 'GET', '/mail/outbox?status=failed');
    expect(r.body.data.map((m: any) => m.id)).toContain(Number(id));
  });

  it('a message leased by a process that died is sent by another, once the lease runs out', async () => {
    const { id } = await queue('crash@guanxi.test');
    const claimed = await claimDue(t.database.db, 10, 120);
    expect(claimed.map((r) => Number(r.id))).toContain(Number(id));
    // Still leased: nobody else sends it.
    expect(await deliverMail(t.database.db, silent)).toBe(0);
    await sql`UPDATE mail_outbox SET locked_until = now() - interval '1 second' WHERE id = ${id}`.execute(t.database.db);
    expect(await deliverMail(t.database.db, silent)).toBe(1);
    expect(sink.received.filter((m) => m.to[0] === 'crash@guanxi.test')).toHaveLength(1);
  });

  it('a sent mail to a contact is on the contact\'s timeline', async () => {
    const contact = await f.contact({ name: '王小明' });
    await queue('wang@guanxi.test', { organization: { name: '茶行' } }, contact.id);
    await deliverMail(t.database.db, silent);
    const r = await t.api(t.adminToken, 'GET', `/contacts/${contact.id}/timeline`);
    const entry = r.body.data.find((e: any) => e.kind === 'email_sent');
    expect(entry).toMatchObject({ title: 'Test e-mail from 茶行' });
  });

  it('the outbox list is for admins only and pages by cursor', async () => {
    const sales = await t.userToken('sales');
    expect((await t.api(sales.token, 'GET', '/mail/outbox')).status).toBe(403);
    const first = await t.api(t.adminToken, 'GET', '/mail/outbox?limit=2');
    expect(first.body.data).toHaveLength(2);
    const second = await t.api(t.adminToken, 'GET', `/mail/outbox?limit=2&cursor=${first.body.next_cursor}`);
    expect(second.body.data[0].id).toBeLessThan(first.body.data[1].id);
  });
});
