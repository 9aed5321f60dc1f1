import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../db/test-helpers.ts';
import { factories } from '../db/factories.ts';

const t = useTestApp();
const f = factories(t);

const exists = async (object: string, id: number) => (await t.api(t.adminToken, 'GET', `/${object}/${id}`)).status === 200;
const kinds = async (object: string, id: number) =>
  (await t.api(t.adminToken, 'GET', `/${object}/${id}/timeline`)).body.data.map((e: { title: string }) => e.title).sort();
const eventsOf = async (refType: string, ids: number[]) =>
  Number((await sql<{ n: string }>`SELECT count(*) AS n FROM timeline_events WHERE ref_type = ${refType} AND ref_id = ANY(${sql.val(ids)}::bigint[])`.execute(t.database.db)).rows[0]!.n);

describe('what deleting a contact or an account does to the records linking to it', () => {
  it('an account takes its activities and tasks that belong to no contact; the others lose the link', async () => {
    const acc = await f.account();
    const c = await f.contact({ account_id: acc.id });
    const both = await f.activity({ subject: 'both', contact_id: c.id });
    expect(both.account_id).toBe(acc.id);
    const alone = await f.activity({ subject: 'alone', account_id: acc.id });
    const taskAlone = await f.task({ title: 'task alone', account_id: acc.id });
    const taskBoth = await f.task({ title: 'task both', contact_id: c.id, account_id: acc.id });
    expect(await kinds('accounts', acc.id)).toEqual(['alone', 'both', 'task alone', 'task both']);

    expect((await t.api(t.adminToken, 'DELETE', `/accounts/${acc.id}`)).status).toBe(204);
    expect(await exists('activities', alone.id)).toBe(false);
    expect(await exists('tasks', taskAlone.id)).toBe(false);
    expect(await eventsOf('activity', [alone.id])).toBe(0);
    expect(await eventsOf('task', [taskAlone.id])).toBe(0);
    for (const [object, id] of [['activities', both.id], ['tasks', taskBoth.id], ['contacts', c.id]] as const) {
      const r = await t.api(t.adminToken, 'GET', `/${object}/${id}`);
      expect(r.body.data.account_id).toBeNull();
    }
    expect(await kinds('contacts', c.id)).toEqual(['both', 'task both']);
  });

  it('a contact takes its activities, tasks and their timeline entries with it', async () => {
    const acc = await f.account();
    const c = await f.contact({ account_id: acc.id });
    const a = await f.activity({ subject: 'call', contact_id: c.id });
    const task = await f.task({ title: 'todo', contact_id: c.id });
    expect(await kinds('accounts', acc.id)).toEqual(['call', 'todo']);
    expect((await t.api(t.adminToken, 'DELETE', `/contacts/${c.id}`)).status).toBe(204);
    expect(await exists('activities', a.id)).toBe(false);
    expect(await exists('tasks', task.id)).toBe(false);
    expect(await eventsOf('activity', [a.id]) + await eventsOf('task', [task.id])).toBe(0);
    expect(await kinds('accounts', acc.id)).toEqual([]);
    expect(await exists('accounts', acc.id)).toBe(true);
  });
});
