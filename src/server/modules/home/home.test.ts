import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';

const t = useTestApp();
const f = factories(t);

const home = async (token: string) => {
  const r = await t.api(token, 'GET', '/home');
  expect(r.status).toBe(200);
  return r.body.widgets as any[];
};
const widget = async (token: string, key: string) => (await home(token)).find((w) => w.key === key);
const ids = (w: any) => w.data.items.map((i: any) => i.id);
const hoursFromNow = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();
let seq = 0;

async function team(name: string, managerId: number | null = null) {
  const r = await t.api(t.adminToken, 'POST', '/teams', { name: `${name} ${++seq}`, manager_id: managerId });
  expect(r.status).toBe(201);
  return r.body.data.id as number;
}

describe('GET /home', () => {
  it('a sales rep gets my day: only their own due tasks and reminders, no team widgets', async () => {
    const a = await f.user('sales');
    const b = await f.user('sales');
    const overdue = await f.as(a.token).task({ title: 'Overdue call', due_at: hoursFromNow(-48) });
    await f.as(a.token).task({ title: 'Next month', due_at: hoursFromNow(24 * 30) });
    await f.as(a.token).task({ title: 'Done', due_at: hoursFromNow(-30), status: 'open' }).then((x) =>
      t.api(a.token, 'PATCH', `/tasks/${x.id}`, { status: 'done' }));
    const reminded = await f.as(a.token).task({ title: 'Remind me', reminder_at: hoursFromNow(3) });
    const others = await f.as(b.token).task({ title: 'B overdue', due_at: hoursFromNow(-48), reminder_at: hoursFromNow(2) });

    const widgets = await home(a.token);
    const keys = widgets.map((w) => w.key);
    expect(keys).toEqual(expect.arrayContaining(['tasks.due', 'tasks.reminders', 'audit.recent', 'home.assigned']));
    expect(keys).not.toContain('activities.team_week');
    expect(keys).not.toContain('activities.no_follow_up');
    const due = widgets.find((w) => w.key === 'tasks.due');
    expect(due.data.items).toEqual([expect.objectContaining({ object: 'tasks', id: overdue.id, title: 'Overdue call', tag: 'overdue' })]);
    expect(due.data.counts).toEqual({ overdue: 1, today: 0 });
    expect(ids(widgets.find((w) => w.key === 'tasks.reminders'))).toEqual([reminded.id]);
    expect(JSON.stringify(widgets)).not.toContain('B overdue');
    // b's own page lists b's task; the admin (who sees all) still gets only their own tasks.
    expect(ids(await widget(b.token, 'tasks.due'))).toEqual([others.id]);
    expect(ids(await widget(t.adminToken, 'tasks.due'))).not.toContain(others.id);
  });

  it('a manager sees activity per rep this week and quiet records, of their team only', async () => {
    const boss = await f.user('manager');
    const mine = await team('North', boss.id);
    const theirs = await team('South');
    const a = await f.user('sales', { team_id: mine });
    const b = await f.user('sales', { team_id: mine });
    const c = await f.user('sales', { team_id: theirs });
    const busy = await f.as(a.token).account({ name: 'Busy Co' });
    await f.as(a.token).activity({ account_id: busy.id });
    await f.as(a.token).activity({ account_id: busy.id });
    const quiet = await f.as(b.token).account({ name: 'Quiet Co' });
    await f.as(b.token).activity({ account_id: quiet.id, occurred_at: hoursFromNow(-24 * 40) });
    const far = await f.as(c.token).account({ name: 'Far Co' });
    await f.as(c.token).activity({ account_id: far.id });

    const widgets = await home(boss.token);
    const week = widgets.find((w) => w.key === 'activities.team_week');
    expect(week.data.rows).toContainEqual(expect.objectContaining({ user_id: a.id, value: 2 }));
    expect(week.data.rows.map((r: any) => r.user_id)).not.toContain(c.id);
    expect(week.data.rows.find((r: any) => r.user_id === b.id)).toBeUndefined(); // b's activity was 40 days ago
    const stale = widgets.find((w) => w.key === 'activities.no_follow_up');
    expect(ids(stale)).toContain(quiet.id);
    expect(ids(stale)).not.toContain(busy.id);
    expect(JSON.stringify(stale)).not.toContain('Far Co');
  });

  it('a field the role hides is absent from every widget', async () => {
    const s = await f.user('service');
    const task = await f.task({ title: 'Marker-7Q2X', reminder_at: hoursFromNow(5), owner_id: s.id });
    expect((await t.api(t.adminToken, 'PATCH', '/roles/service', { field_rules: { tasks: { title: 'hidden', due_at: 'hidden' } } })).status).toBe(200);
    const widgets = await home(s.token);
    const reminders = widgets.find((w) => w.key === 'tasks.reminders');
    expect(reminders.data.items).toEqual([expect.objectContaining({ id: task.id, title: null })]);
    expect(JSON.stringify(widgets)).not.toContain('Marker-7Q2X');
    // The due widget filters by a field the role may not read: it answers its error, the page stands.
    expect(widgets.find((w) => w.key === 'tasks.due')).toMatchObject({ error: { code: 'validation_failed' } });
  });

  it('recent records are the ones I changed and may still see; assigned lists what became mine this week', async () => {
    const a = await f.user('sales');
    const b = await f.user('sales');
    const kept = await f.as(a.token).contact({ name: 'Kept Contact' });
    const given = await f.as(a.token).contact({ name: 'Given Away' });
    expect(ids(await widget(a.token, 'audit.recent'))).toEqual([given.id, kept.id]);
    expect((await t.api(t.adminToken, 'PATCH', `/contacts/${given.id}`, { owner_id: b.id })).status).toBe(200);
    expect(ids(await widget(a.token, 'audit.recent'))).toEqual([kept.id]);
    const handed = await f.account({ name: 'Handed Over', owner_id: a.id });
    const assigned = await widget(a.token, 'home.assigned');
    expect(assigned.data.items).toContainEqual(expect.objectContaining({ object: 'accounts', id: handed.id, title: 'Handed Over' }));
    expect(JSON.stringify(assigned)).not.toContain('Given Away');
  });
});
