import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { connectSameDatabase, useTestApp } from '../db/test-helpers.ts';
import { createJobQueue } from './queue.ts';
import { parseSchedule } from './schedules.ts';

const t = useTestApp();
const quiet = { error: () => {} };

describe('schedule specs', () => {
  it('computes the next run of an interval and of a daily cron expression (UTC)', () => {
    const from = new Date('2026-03-01T10:20:30Z');
    expect(parseSchedule(90).next(from).toISOString()).toBe('2026-03-01T10:22:00.000Z');
    expect(parseSchedule('30 2 * * *').next(from).toISOString()).toBe('2026-03-02T02:30:00.000Z');
    expect(parseSchedule('*/15 * * * *').next(from).toISOString()).toBe('2026-03-01T10:30:00.000Z');
    expect(parseSchedule('0,45 10,11 * * *').next(from).toISOString()).toBe('2026-03-01T10:45:00.000Z');
    expect(parseSchedule('20 10 * * *').next(from).toISOString()).toBe('2026-03-02T10:20:00.000Z');
  });

  it('refuses what it cannot honour', () => {
    for (const bad of [0, -5, 1.5, '60 * * * *', '* 24 * * *', '0 0 1 * *', '0 0 * *', 'x * * * *', '*/0 * * * *']) {
      expect(() => parseSchedule(bad as never), String(bad)).toThrow();
    }
  });
});

describe('recurring jobs', () => {
  it('runs a due schedule exactly once across two processes, and not again before its next time', async () => {
    const other = await connectSameDatabase(t.database);
    try {
      // Several queues per process and many due schedules, all polling at once: any gap in the
      // claim would show as a schedule run twice.
      const names = Array.from({ length: 20 }, (_, i) => `test.once.${i}`);
      const runs = new Map<string, number>();
      const queues = [t.database, other.database, t.database, other.database].map((d) => createJobQueue(d.db, quiet));
      for (const q of queues) for (const n of names) q.schedule(n, 3600, async () => void runs.set(n, (runs.get(n) ?? 0) + 1));
      await Promise.all(queues.map((q) => q.drain())); // creates the rows, not due yet
      expect(runs.size).toBe(0);
      await sql`UPDATE schedules SET next_run_at = now() - interval '1 second' WHERE name LIKE 'test.once.%'`.execute(t.database.db);
      await Promise.all(queues.flatMap((q) => [q.drain(), q.drain()]));
      await Promise.all(queues.map((q) => q.drain()));
      expect(names.map((n) => runs.get(n))).toEqual(names.map(() => 1));
      const row = await t.database.db.selectFrom('schedules').selectAll().where('name', '=', 'test.once.0').executeTakeFirstOrThrow();
      expect(row.spec).toBe('every 3600s');
      expect(row.next_run_at.getTime()).toBeGreaterThan(Date.now() + 3500_000);

      // A restarted process keeps the stored time rather than running at once.
      const restarted = createJobQueue(t.database.db, quiet);
      restarted.schedule('test.once.0', 3600, async () => void runs.set('test.once.0', 99));
      await restarted.drain();
      expect(runs.get('test.once.0')).toBe(1);
    } finally {
      await other.close();
    }
  });

  it('does not start a run while the previous one is still queued or running', async () => {
    const q = createJobQueue(t.database.db, quiet);
    let runs = 0;
    q.schedule('test.overlap', 60, async () => void runs++);
    await q.drain();
    await sql`UPDATE schedules SET next_run_at = now() - interval '1 second' WHERE name = 'test.overlap'`.execute(t.database.db);
    await sql`INSERT INTO jobs (name, payload, status, locked_by, locked_until) VALUES ('schedule:test.overlap', '{}', 'running', 'other', now() + interval '1 minute')`.execute(t.database.db);
    await q.drain();
    expect(runs).toBe(0);
    await sql`UPDATE jobs SET status = 'done' WHERE name = 'schedule:test.overlap'`.execute(t.database.db);
    await q.drain();
    expect(runs).toBe(1);
  });

  it('a changed spec takes effect: the next run is recomputed', async () => {
    const q = createJobQueue(t.database.db, quiet);
    q.schedule('test.respec', 3600, async () => {});
    await q.drain();
    const q2 = createJobQueue(t.database.db, quiet);
    q2.schedule('test.respec', 60, async () => {});
    await q2.drain();
    const row = await t.database.db.selectFrom('schedules').selectAll().where('name', '=', 'test.respec').executeTakeFirstOrThrow();
    expect(row.spec).toBe('every 60s');
    expect(row.next_run_at.getTime()).toBeLessThan(Date.now() + 120_000);
  });
});
