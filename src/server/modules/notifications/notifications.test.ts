import { NOTIFICATION_KINDS } from '../../../shared/notification-kinds.ts';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';
import { deliverOutbox } from '../../jobs/outbox.ts';
import { runRetention } from '../../jobs/retention.ts';
import { mentionToken } from '../../../shared/mentions.ts';
import { useSink } from '../mail/mail.test-support.ts';
import { deliverMail } from '../mail/mail.deliver.ts';
import { queueDueReminders } from '../mail/mail.reminders.ts';
import { notify } from './notifications.service.ts';

const t = useTestApp();
const sink = useSink(t);
const f = factories(t);
const silent = { error: () => {} };
let seq = 0;

/** A user of a role and locale with a token. */
async function person(role = 'sales', locale = 'en') {
  const email = `n${++seq}-${role}@notify.test`;
  const r = await t.api(t.adminToken, 'POST', '/users', { email, name: `${role} ${seq}`, password: 'password-123', role, locale });
  if (r.status !== 201) throw new Error(JSON.stringify(r.body));
  return { id: r.body.data.id as number, email, name: `${role} ${seq}`, token: await t.login(email, 'password-123') };
}

const deliver = () => deliverOutbox(t.database.db, silent);
const list = async (token: string, query = '') => (await t.api(token, 'GET', `/notifications${query}`)).body;
const unread = async (token: string) => (await t.api(token, 'GET', '/notifications/unread-count')).body.count as number;
async function mails(userId: number) {
  const { rows } = await sql<any>`SELECT template_key, status, to_address FROM mail_outbox WHERE user_id = ${userId} ORDER BY id`.execute(t.database.db);
  return rows;
}

describe('assigned', () => {
  it('a record created for someone else, or handed over, notifies the new owner once; the writer never', async () => {
    const b = await person();
    const c = await person('sales', 'zh-CN');
    const task = await f.task({ title: 'Call 李雷', owner_id: b.id });
    await f.task({ title: 'Mine' }); // the admin's own: nobody to tell
    await deliver();
    const got = await list(b.token);
    expect(got.data).toHaveLength(1);
    expect(got.data[0]).toMatchObject({ kind: 'assigned', object: 'tasks', record_id: task.id, title: 'Call 李雷', read_at: null, text: expect.stringContaining('assigned this task to you') });
    expect(got.data[0].actor.name).toBeTruthy();
    // An edit that does not touch the owner says nothing; handing it over tells the next owner.
    await t.api(t.adminToken, 'PATCH', `/tasks/${task.id}`, { priority: 'high' });
    await t.api(t.adminToken, 'PATCH', `/tasks/${task.id}`, { owner_id: c.id });
    await deliver();
    expect(await unread(b.token)).toBe(1);
    const cs = await list(c.token);
    expect(cs.data).toHaveLength(1);
    expect(cs.data[0].text).toContain('将此任务分配给了您');
    // b no longer sees the task (own records only): the entry stays, without the title.
    const again = await list(b.token);
    expect(again.data[0]).toMatchObject({ title: null, params: {} });
    // A user handing a record to themselves is not told.
    await t.api(c.token, 'PATCH', `/tasks/${task.id}`, { owner_id: c.id });
    const self = await f.as(c.token).task({ title: 'Self' });
    await deliver();
    expect((await list(c.token)).data.map((n: any) => n.record_id)).toEqual([task.id]);
    expect(self.owner_id).toBe(c.id);
  });

  it('an event delivered twice gives one notification and one e-mail', async () => {
    const b = await person();
    await f.task({ title: 'Twice', owner_id: b.id });
    await deliver();
    await sql`UPDATE event_outbox SET delivered_at = NULL, next_attempt_at = now()`.execute(t.database.db);
    await deliver();
    expect((await list(b.token)).data).toHaveLength(1);
    expect((await mails(b.id)).map((m) => m.template_key)).toEqual(['notification_assigned']);
  });
});

describe('mentioned', () => {
  it('notifies each newly mentioned user who may read the record, once per edit', async () => {
    const author = await person('manager');
    const manager = await person('admin');
    const outsider = await person('sales'); // own records only: may not see the author's activity
    const body = `Ask ${mentionToken(manager.name, manager.id)} and ${mentionToken(outsider.name, outsider.id)} ${mentionToken(manager.name, manager.id)}`;
    const act = await f.as(author.token).activity({ kind: 'note', subject: 'Spring tea', body });
    await deliver();
    const got = await list(manager.token);
    expect(got.data).toHaveLength(1);
    expect(got.data[0]).toMatchObject({ kind: 'mentioned', object: 'activities', record_id: act.id, title: 'Spring tea' });
    expect(got.data[0].params.detail).toContain(`@${manager.name}`);
    expect(got.data[0].params.detail).not.toContain('](user:');
    // The outsider learns nothing: no notification, no e-mail.
    expect((await list(outsider.token)).data).toEqual([]);
    expect(await mails(outsider.id)).toEqual([]);
    // An edit keeping the mention says nothing again; one adding a mention tells only the new one.
    const third = await person('admin');
    await t.api(author.token, 'PATCH', `/activities/${act.id}`, { body: `${body} — done` });
    await t.api(author.token, 'PATCH', `/activities/${act.id}`, { body: `${body} ${mentionToken('x', third.id)}` });
    await deliver();
    expect((await list(manager.token)).data).toHaveLength(1);
    expect((await list(third.token)).data).toHaveLength(1);
  });

  it('works in task descriptions; the writer mentioning themselves is not told', async () => {
    const a = await person('admin');
    const b = await person('admin');
    const task = await f.as(a.token).task({ title: 'Mentions', description: `${mentionToken('me', a.id)} ${mentionToken('b', b.id)}` });
    await deliver();
    expect((await list(a.token)).data).toEqual([]);
    expect((await list(b.token)).data.map((n: any) => [n.kind, n.record_id])).toEqual([['mentioned', task.id]]);
  });
});

describe('e-mail copies and preferences', () => {
  it('follow each user\'s choice per kind; the bell shows them anyway', async () => {
    const b = await person('sales', 'zh-TW');
    expect((await t.api(b.token, 'GET', '/notifications/preferences')).body.data.email).toEqual(Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, true])));
    const put = await t.api(b.token, 'PUT', '/notifications/preferences', { email: { assigned: false } });
    expect(put.body.data.email).toMatchObject({ assigned: false, reminder: true });
    expect((await t.api(b.token, 'PUT', '/notifications/preferences', { email: { unknown: true } })).status).toBe(400);
    await f.task({ title: 'Quiet', owner_id: b.id });
    await deliver();
    expect((await list(b.token)).data).toHaveLength(1);
    expect(await mails(b.id)).toEqual([]);
    // Reminders: on by default (as before notifications); turned off, the bell still rings.
    await f.task({ title: '提醒我', owner_id: b.id, reminder_at: new Date(Date.now() - 60_000).toISOString() });
    await queueDueReminders(t.database.db);
    expect((await mails(b.id)).map((m) => m.template_key)).toEqual(['task_reminder']);
    await t.api(b.token, 'PUT', '/notifications/preferences', { email: { reminder: false } });
    await f.task({ title: 'Silent reminder', owner_id: b.id, reminder_at: new Date(Date.now() - 60_000).toISOString() });
    await queueDueReminders(t.database.db);
    expect(await mails(b.id)).toHaveLength(1);
    const kinds = (await list(b.token)).data.map((n: any) => n.kind);
    expect(kinds.filter((k: string) => k === 'reminder')).toHaveLength(2);
  });

  it('escalations come from a service call, by e-mail in the reader\'s language through the SMTP sink', async () => {
    const b = await person('admin', 'zh-CN');
    const task = await f.task({ title: '客户投诉' });
    const before = sink.received.length;
    await t.database.db.transaction().execute((trx) =>
      notify(trx, { userIds: [b.id], kind: 'escalation', object: 'tasks', recordId: task.id, actorId: null, dedupeKey: `sla:${task.id}:1`, params: { detail: '超过 4 小时未回复' } }));
    await t.database.db.transaction().execute((trx) =>
      notify(trx, { userIds: [b.id], kind: 'escalation', object: 'tasks', recordId: task.id, actorId: null, dedupeKey: `sla:${task.id}:1` }));
    await deliverMail(t.database.db, silent);
    const got = sink.received.slice(before).filter((m) => m.to[0] === b.email);
    expect(got.map((m) => m.subject)).toEqual(['已升级：客户投诉']);
    expect(got[0]!.html).toContain('超过 4 小时未回复');
    const [n] = (await list(b.token)).data;
    expect(n).toMatchObject({ kind: 'escalation', title: '客户投诉', text: '此任务已升级：超过 4 小时未回复' });
  });

  it('an inactive user gets nothing', async () => {
    const b = await person();
    await t.api(t.adminToken, 'PATCH', `/users/${b.id}`, { active: false });
    await f.task({ title: 'Gone', owner_id: b.id }).catch(() => null);
    await deliver();
    const { rows } = await sql<any>`SELECT count(*)::int AS n FROM notifications WHERE user_id = ${b.id}`.execute(t.database.db);
    expect(rows[0].n).toBe(0);
    expect(await mails(b.id)).toEqual([]);
  });
});

describe('the bell\'s API', () => {
  it('reads, counts, pages and marks only the caller\'s own notifications', async () => {
    const b = await person();
    const other = await person();
    for (let i = 0; i < 5; i++) await f.task({ title: `Page ${i}`, owner_id: b.id });
    await f.task({ title: 'Not yours', owner_id: other.id });
    await deliver();
    expect(await unread(b.token)).toBe(5);
    const first = await list(b.token, '?limit=3');
    expect(first.data.map((n: any) => n.title)).toEqual(['Page 4', 'Page 3', 'Page 2']);
    const second = await list(b.token, `?limit=3&cursor=${encodeURIComponent(first.next_cursor)}`);
    expect(second.data.map((n: any) => n.title)).toEqual(['Page 1', 'Page 0']);
    expect(second.next_cursor).toBeNull();

    const mine = first.data[0].id;
    const theirs = (await list(other.token)).data[0].id;
    const foreign = await t.api(b.token, 'POST', `/notifications/${theirs}/read`);
    const missing = await t.api(b.token, 'POST', '/notifications/999999999/read');
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(missing.body);
    expect(await unread(other.token)).toBe(1);

    expect((await t.api(b.token, 'POST', `/notifications/${mine}/read`)).status).toBe(204);
    expect(await unread(b.token)).toBe(4);
    expect((await list(b.token, '?unread=true')).data.map((n: any) => n.id)).not.toContain(mine);
    expect((await t.api(b.token, 'POST', '/notifications/read-all')).body).toEqual({ updated: 4 });
    expect(await unread(b.token)).toBe(0);
    expect((await list(b.token, '?unread=true')).data).toEqual([]);
    expect((await list(b.token)).data).toHaveLength(5);
    expect(await unread(other.token)).toBe(1);
  });

  it('retention removes read notifications after 90 days, unread ones only after a year', async () => {
    const b = await person();
    await f.task({ title: 'Old read', owner_id: b.id });
    await f.task({ title: 'Old unread', owner_id: b.id });
    await f.task({ title: 'Forgotten unread', owner_id: b.id });
    await deliver();
    await sql`UPDATE notifications SET created_at = now() - interval '200 days' WHERE user_id = ${b.id}`.execute(t.database.db);
    await sql`UPDATE notifications SET read_at = now() - interval '91 days' WHERE user_id = ${b.id} AND title = 'Old read'`.execute(t.database.db);
    await sql`UPDATE notifications SET created_at = now() - interval '366 days' WHERE user_id = ${b.id} AND title = 'Forgotten unread'`.execute(t.database.db);
    const counts = await runRetention(t.database.db, { jobsDays: 30, eventsDays: 30, filesDays: 30 });
    expect(counts.notifications).toBeGreaterThanOrEqual(1);
    expect((await list(b.token)).data.map((n: any) => n.title)).toEqual(['Old unread']);
  });
});
