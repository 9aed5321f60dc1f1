import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../db/test-helpers.ts';
import { createJobQueue } from './queue.ts';

const t = useTestApp();

describe('job queue', () => {
  it('runs jobs, retries failures with backoff and gives up after max attempts', async () => {
    const q = createJobQueue(t.database.db, { error: () => {} });
    const seen: unknown[] = [];
    let failures = 0;
    q.register('test.ok', async (p) => void seen.push(p.n));
    q.register('test.fail', async () => {
      failures++;
      throw new Error('boom');
    });
    await q.enqueue('test.ok', { n: 1 });
    const failing = await q.enqueue('test.fail', {}, { maxAttempts: 2 });
    await q.drain();
    expect(seen).toEqual([1]);
    expect(failures).toBe(1);
    let job = await t.database.db.selectFrom('jobs').selectAll().where('id', '=', failing).executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'queued', attempts: 1, last_error: 'boom' });
    await sql`UPDATE jobs SET run_at = now() WHERE id = ${failing}`.execute(t.database.db);
    await q.drain();
    job = await t.database.db.selectFrom('jobs').selectAll().where('id', '=', failing).executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'failed', attempts: 2 });
  });

  it('reclaims a job whose worker died (lease expired), and not one still leased', async () => {
    const q = createJobQueue(t.database.db, { error: () => {} });
    const ran: number[] = [];
    q.register('test.lease', async (p) => void ran.push(Number(p.n)));
    const dead = await q.enqueue('test.lease', { n: 1 });
    const alive = await q.enqueue('test.lease', { n: 2 });
    await sql`UPDATE jobs SET status = 'running', locked_by = 'dead-worker', locked_until = now() - interval '1 second' WHERE id = ${dead}`.execute(t.database.db);
    await sql`UPDATE jobs SET status = 'running', locked_by = 'live-worker', locked_until = now() + interval '1 minute' WHERE id = ${alive}`.execute(t.database.db);
    await q.drain();
    expect(ran).toEqual([1]);
  });
});
