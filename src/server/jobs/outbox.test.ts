import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { connectSameDatabase, useTestApp } from '../db/test-helpers.ts';
import { multipartBody } from '../db/multipart.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { onRecordEvent, type RecordEvent } from '../core/events.ts';
import { deliverOutbox } from './outbox.ts';

const t = useTestApp();
const quiet = { error: () => {} };
let unsubscribe: () => void = () => {};
afterEach(() => unsubscribe());

function collect(fail?: (e: RecordEvent) => boolean): RecordEvent[] {
  const seen: RecordEvent[] = [];
  unsubscribe = onRecordEvent((e) => {
    seen.push(e);
    if (fail?.(e)) throw new Error('subscriber down');
  });
  return seen;
}

const pending = async () =>
  (await t.database.db.selectFrom('event_outbox').select(['id', 'events']).where('delivered_at', 'is', null).where('gave_up_at', 'is', null).orderBy('id').execute());

describe('event outbox', () => {
  it('stores the events of a write in its transaction: a committed write leaves a row, a rolled-back one none', async () => {
    await deliverOutbox(t.database.db, quiet);
    const created = await t.api(t.adminToken, 'POST', '/accounts', { name: 'Outbox Ltd' });
    expect(created.status).toBe(201);
    const id = created.body.data.id;
    expect((await pending()).map((r) => r.events)).toEqual([[{ type: 'created', object: 'accounts', id, actorId: expect.any(Number) }]]);
    // A stale version fails inside the transaction: the update and its event roll back together.
    const stale = await t.api(t.adminToken, 'PATCH', `/accounts/${id}`, { name: 'Changed' }, { 'if-match': '"99"' });
    expect(stale.status).toBeGreaterThanOrEqual(400);
    expect(await pending()).toHaveLength(1);
    expect((await t.api(t.adminToken, 'DELETE', `/accounts/${id}`)).status).toBe(204);
    expect((await pending()).map((r) => (r.events as RecordEvent[])[0]!.type)).toEqual(['created', 'deleted']);
  });

  it('delivers pending rows in id order, once, and marks them delivered', async () => {
    await deliverOutbox(t.database.db, quiet);
    const seen = collect();
    const ids: number[] = [];
    for (const name of ['First', 'Second', 'Third']) ids.push((await t.api(t.adminToken, 'POST', '/accounts', { name })).body.data.id);
    expect(seen).toEqual([]); // the queue is not running in tests: nothing delivered yet
    expect(await deliverOutbox(t.database.db, quiet)).toBe(3);
    expect(seen.map((e) => [e.type, e.id])).toEqual(ids.map((id) => ['created', id]));
    expect(await deliverOutbox(t.database.db, quiet)).toBe(0);
    expect(seen).toHaveLength(3);
    expect(await pending()).toEqual([]);
  });

  it('while the queue runs, delivers right after the write commits (no waiting for the sweep)', async () => {
    await deliverOutbox(t.database.db, quiet);
    const seen = collect();
    t.app.jobs.start();
    try {
      const id = (await t.api(t.adminToken, 'POST', '/accounts', { name: 'Prompt' })).body.data.id;
      for (let i = 0; i < 200 && !seen.length; i++) await new Promise((r) => setTimeout(r, 25));
      expect(seen.map((e) => [e.type, e.id])).toEqual([['created', id]]);
    } finally {
      await t.app.jobs.stop();
    }
  });

  it('retries a row whose subscriber failed, with backoff, without holding up later rows', async () => {
    await deliverOutbox(t.database.db, quiet);
    let down = true;
    const seen = collect((e) => down && e.type === 'updated');
    const id = (await t.api(t.adminToken, 'POST', '/accounts', { name: 'Flaky' })).body.data.id;
    expect((await t.api(t.adminToken, 'PATCH', `/accounts/${id}`, { name: 'Flaky 2' })).status).toBe(200);
    await t.api(t.adminToken, 'POST', '/accounts', { name: 'After' });
    expect(await deliverOutbox(t.database.db, quiet)).toBe(2);
    const [row] = await pending();
    const failed = await t.database.db.selectFrom('event_outbox').selectAll().where('id', '=', row!.id).executeTakeFirstOrThrow();
    expect(failed).toMatchObject({ attempts: 1, last_error: 'subscriber down' });
    expect(failed.next_attempt_at.getTime()).toBeGreaterThan(Date.now());
    expect(await deliverOutbox(t.database.db, quiet)).toBe(0); // backing off
    down = false;
    await sql`UPDATE event_outbox SET next_attempt_at = now() WHERE id = ${row!.id}`.execute(t.database.db);
    expect(await deliverOutbox(t.database.db, quiet)).toBe(1);
    expect(seen.map((e) => e.type)).toEqual(['created', 'updated', 'created', 'updated']);
    expect(await pending()).toEqual([]);
  });

  it('delivers after a restart what a process committed but never delivered (killed in between)', async () => {
    await deliverOutbox(t.database.db, quiet);
    await t.app.jobs.drain(); // the first process has stored its schedules
    // The "killed" process committed a write and even leased its row, then died.
    const id = (await t.api(t.adminToken, 'POST', '/contacts', { name: 'Survivor' })).body.data.id;
    await sql`UPDATE event_outbox SET attempts = 1, locked_until = now() - interval '1 second' WHERE delivered_at IS NULL`.execute(t.database.db);
    const seen = collect();
    const other = await connectSameDatabase(t.database);
    const app2 = await buildApp(other.database, { ...loadConfig({}), webDir: '/nonexistent' });
    try {
      await app2.ready();
      // The recovery sweep is a recurring job of the new process; make it due as if 30 s passed.
      await sql`UPDATE schedules SET next_run_at = now() - interval '1 second' WHERE name = 'events.deliver'`.execute(other.database.db);
      await app2.jobs.drain();
      expect(seen.map((e) => [e.type, e.object, e.id])).toEqual([['created', 'contacts', id]]);
      expect(await pending()).toEqual([]);
    } finally {
      await app2.jobs.stop();
      await app2.close();
      await other.close();
    }
  });

  it('an import batch writes one outbox row for all its events', async () => {
    await deliverOutbox(t.database.db, quiet);
    for (let i = 1; i <= 3; i++) await t.api(t.adminToken, 'POST', '/contacts', { name: `Imp ${i}`, email: `imp${i}@outbox.test` });
    await deliverOutbox(t.database.db, quiet);
    const csv = ['name,email', ...[1, 2, 3, 4, 5].map((i) => `Imported ${i},imp${i}@outbox.test`)].join('\n');
    const body = await multipartBody({ object: 'contacts' }, { name: 'outbox.csv', data: csv });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/imports', headers: { ...body.headers, authorization: `Bearer ${t.adminToken}` }, payload: body.payload });
    const up = res.json().data;
    expect((await t.api(t.adminToken, 'POST', `/imports/${up.id}/start`, { mapping: up.suggested_mapping, duplicate_mode: 'update' })).status).toBe(202);
    await t.app.jobs.drain();
    const rows = await pending();
    expect(rows).toHaveLength(1);
    const events = rows[0]!.events as RecordEvent[];
    expect(events.map((e) => e.type)).toEqual(['imported', 'updated', 'updated', 'updated']);
    const created = await t.database.db.selectFrom('contacts').select('id').where('email', 'in', ['imp4@outbox.test', 'imp5@outbox.test']).orderBy('id').execute();
    expect(events[0]).toMatchObject({ object: 'contacts', id: up.id, record: { created_ids: created.map((c) => c.id) } });
  });
});
