import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../db/test-helpers.ts';
import { loadConfig } from '../config.ts';
import { runRetention } from './retention.ts';

const t = useTestApp();
const cfg = { jobsDays: 30, eventsDays: 7, filesDays: 10 };
const ago = (days: number) => new Date(Date.now() - days * 86400_000);

async function file(name: string, createdDaysAgo: number): Promise<number> {
  const f = await t.database.db.insertInto('files').values({ name, created_at: ago(createdDaysAgo) }).returning('id').executeTakeFirstOrThrow();
  await t.database.db.insertInto('file_chunks').values({ file_id: f.id, seq: 0, data: new Uint8Array([1, 2, 3]) }).execute();
  return f.id;
}

async function importOf(fileId: number, status: string, finishedDaysAgo: number | null) {
  await sql`INSERT INTO imports (object, file_id, file_name, format, status, finished_at)
    VALUES ('contacts', ${fileId}, 'x.csv', 'csv', ${status}, ${finishedDaysAgo === null ? null : ago(finishedDaysAgo)})`.execute(t.database.db);
}

describe('retention', () => {
  it('deletes what is past its time and keeps fresh and in-use rows', async () => {
    const db = t.database.db;
    const admin = await db.selectFrom('users').select('id').executeTakeFirstOrThrow();
    await db.insertInto('jobs').values([
      { name: 'old.done', payload: '{}', run_at: ago(40), status: 'done', finished_at: ago(40) },
      { name: 'old.failed', payload: '{}', run_at: ago(40), status: 'failed', finished_at: ago(40) },
      { name: 'fresh.done', payload: '{}', run_at: ago(1), status: 'done', finished_at: ago(1) },
      { name: 'old.queued', payload: '{}', run_at: ago(40), status: 'queued' },
    ]).execute();
    await db.insertInto('sessions').values([
      { token_hash: 'expired', user_id: admin.id, expires_at: ago(1) },
      { token_hash: 'valid', user_id: admin.id, expires_at: new Date(Date.now() + 3600_000) },
    ]).execute();
    await db.insertInto('idempotency_keys').values([
      { key: 'old-done', user_id: admin.id, status: 201, body: '{}', created_at: ago(2) },
      { key: 'old-pending', user_id: admin.id, status: 0, body: null, created_at: ago(2) },
      { key: 'fresh-done', user_id: admin.id, status: 201, body: '{}', created_at: ago(0.5) },
    ]).execute();
    await db.insertInto('event_outbox').values([
      { events: '[{"old":1}]', delivered_at: ago(8) },
      { events: '[{"fresh":1}]', delivered_at: ago(1) },
      { events: '[{"undelivered":1}]', created_at: ago(60) },
    ]).execute();
    const files = {
      doneLongAgo: await file('done-long-ago', 30),
      failedLongAgo: await file('failed-long-ago', 30),
      doneRecently: await file('done-recently', 30),
      running: await file('running', 30),
      notStarted: await file('not-started', 30),
      unusedOld: await file('unused-old', 2),
      unusedFresh: await file('unused-fresh', 0.1),
    };
    await importOf(files.doneLongAgo, 'done', 11);
    await importOf(files.failedLongAgo, 'failed', 11);
    await importOf(files.doneRecently, 'done', 9);
    await importOf(files.running, 'running', null);
    await importOf(files.notStarted, 'uploaded', null);

    const counts = await runRetention(db, cfg);
    // Modules add their own steps (notifications: read ones after 90 days, tested in that module).
    expect(counts).toMatchObject({ jobs: 2, sessions: 1, idempotency_keys: 1, event_outbox: 1, files: 3, notifications: 0 });

    expect((await db.selectFrom('jobs').select('name').where('name', 'like', '%.%').orderBy('name').execute()).map((r) => r.name)).toEqual(['fresh.done', 'old.queued']);
    expect((await db.selectFrom('sessions').select('token_hash').where('token_hash', 'in', ['expired', 'valid']).execute()).map((r) => r.token_hash)).toEqual(['valid']);
    expect((await db.selectFrom('idempotency_keys').select('key').orderBy('key').execute()).map((r) => r.key)).toEqual(['fresh-done', 'old-pending']);
    expect((await db.selectFrom('event_outbox').select('events').orderBy('id').execute()).map((r) => r.events)).toEqual([[{ fresh: 1 }], [{ undelivered: 1 }]]);
    const left = (await db.selectFrom('files').select('name').orderBy('id').execute()).map((r) => r.name);
    expect(left).toEqual(['done-recently', 'running', 'not-started', 'unused-fresh']);
    const chunks = await db.selectFrom('file_chunks').select('file_id').execute();
    expect(chunks.map((c) => c.file_id).sort()).toEqual([files.doneRecently, files.running, files.notStarted, files.unusedFresh].sort());
    // The import rows stay (history); only their file is gone.
    expect((await db.selectFrom('imports').select('file_id').execute()).filter((i) => i.file_id === null)).toHaveLength(2);
    // A second pass finds nothing left, in any table.
    expect(Object.values(await runRetention(db, cfg)).every((v) => v === 0)).toBe(true);
  });

  it('reads its periods from the environment: one for all kinds, or per kind', () => {
    expect(loadConfig({}).retention).toEqual({ jobsDays: 30, eventsDays: 30, filesDays: 30 });
    expect(loadConfig({ GUANXI_RETENTION_DAYS: '14', GUANXI_RETENTION_FILES_DAYS: '3' }).retention).toEqual({ jobsDays: 14, eventsDays: 14, filesDays: 3 });
    expect(() => loadConfig({ GUANXI_RETENTION_JOBS_DAYS: '0' })).toThrow(/GUANXI_RETENTION_JOBS_DAYS/);
  });

  it('runs as a recurring job of the app', async () => {
    await t.app.jobs.drain();
    const row = await t.database.db.selectFrom('schedules').selectAll().where('name', '=', 'retention').executeTakeFirstOrThrow();
    expect(row.spec).toBe('17 * * * *');
    await t.database.db.insertInto('sessions').values({ token_hash: 'expired-2', user_id: 1, expires_at: ago(1) }).execute();
    await sql`UPDATE schedules SET next_run_at = now() - interval '1 second' WHERE name = 'retention'`.execute(t.database.db);
    await t.app.jobs.drain();
    expect(await t.database.db.selectFrom('sessions').select('token_hash').where('token_hash', '=', 'expired-2').executeTakeFirst()).toBeUndefined();
  });
});
