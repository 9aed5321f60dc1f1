import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../db/test-helpers.ts';
import { runRetention } from '../jobs/retention.ts';

const t = useTestApp();
const cfg = { jobsDays: 30, eventsDays: 30, filesDays: 30 };

const keys = async (...names: string[]) =>
  (await t.database.db.selectFrom('idempotency_keys').select('key').where('key', 'in', names).orderBy('key').execute()).map((r) => r.key);
const age = (key: string, hours: number) =>
  sql`UPDATE idempotency_keys SET created_at = now() - make_interval(hours => ${hours}) WHERE key = ${key}`.execute(t.database.db);

describe('idempotency keys over years of use', () => {
  it('a key expires after 24 hours: a retention pass deletes it and the same request is then a new write', async () => {
    const headers = { 'idempotency-key': 'expires' };
    const first = await t.api(t.adminToken, 'POST', '/contacts', { name: 'Expiring key' }, headers);
    expect(first.status).toBe(201);
    await age('expires', 23);
    await runRetention(t.database.db, cfg);
    expect(await keys('expires')).toEqual(['expires']);
    const replay = await t.api(t.adminToken, 'POST', '/contacts', { name: 'Expiring key' }, headers);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body.data.id).toBe(first.body.data.id);

    await age('expires', 25);
    await runRetention(t.database.db, cfg);
    expect(await keys('expires')).toEqual([]);
    const again = await t.api(t.adminToken, 'POST', '/contacts', { name: 'Expiring key' }, headers);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    expect(again.body.data.id).not.toBe(first.body.data.id);
  });

  it('an expired key is a new write even before the retention job has run, with another body too', async () => {
    const headers = { 'idempotency-key': 'stale' };
    const first = await t.api(t.adminToken, 'POST', '/contacts', { name: 'Stale A' }, headers);
    await age('stale', 25);
    const again = await t.api(t.adminToken, 'POST', '/contacts', { name: 'Stale B' }, headers);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    expect(again.body.data.id).not.toBe(first.body.data.id);
    // The key now holds the new answer, fresh for another day.
    const replay = await t.api(t.adminToken, 'POST', '/contacts', { name: 'Stale B' }, headers);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body.data.id).toBe(again.body.data.id);
  });

  it('deleting a record deletes the keys of its writes, also when a cascade takes it', async () => {
    const c = await t.api(t.adminToken, 'POST', '/contacts', { name: 'Forget me', email: 'forget@example.com' }, { 'idempotency-key': 'del-create' });
    const id = c.body.data.id;
    await t.api(t.adminToken, 'PATCH', `/contacts/${id}`, { city: 'Suzhou' }, { 'idempotency-key': 'del-patch' });
    const task = await t.api(t.adminToken, 'POST', '/tasks', { title: 'Call Forget me', contact_id: id }, { 'idempotency-key': 'del-task' });
    expect(task.status).toBe(201);
    const other = await t.api(t.adminToken, 'POST', '/contacts', { name: 'Keep me' }, { 'idempotency-key': 'del-other' });
    expect(other.status).toBe(201);
    expect(await keys('del-create', 'del-patch', 'del-task', 'del-other')).toEqual(['del-create', 'del-other', 'del-patch', 'del-task']);

    expect((await t.api(t.adminToken, 'DELETE', `/contacts/${id}`)).status).toBe(204);
    expect(await keys('del-create', 'del-patch', 'del-task', 'del-other')).toEqual(['del-other']);
    const left = await t.database.db.selectFrom('idempotency_keys').select('body').execute();
    expect(JSON.stringify(left)).not.toContain('forget@example.com');
    // The freed key is a new write, not a replay of the deleted contact.
    const again = await t.api(t.adminToken, 'POST', '/contacts', { name: 'Forget me', email: 'forget@example.com' }, { 'idempotency-key': 'del-create' });
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    expect(again.body.data.id).not.toBe(id);
  });
});
