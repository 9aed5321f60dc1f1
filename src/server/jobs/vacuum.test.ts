import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../db/test-helpers.ts';
import { vacuumSoon } from './vacuum.ts';

const t = useTestApp();

const lastVacuum = async () => {
  const { rows } = await sql<{ at: Date | null }>`SELECT last_vacuum AS at FROM pg_stat_user_tables WHERE relname = 'contacts'`.execute(t.database.db);
  return rows[0]?.at ?? null;
};

describe('routine VACUUM', () => {
  it('PGlite (no autovacuum): a nightly schedule runs VACUUM (ANALYZE), brought forward by vacuumSoon (an import of 10,000+ rows calls it); PostgreSQL: none', async () => {
    await t.app.jobs.drain();
    const row = await t.database.db.selectFrom('schedules').selectAll().where('name', '=', 'vacuum').executeTakeFirst();
    if (t.database.kind === 'postgres') {
      // The server's autovacuum reclaims dead rows; Guanxi schedules nothing there.
      expect(row).toBeUndefined();
      return;
    }
    expect(row?.spec).toBe('41 3 * * *');
    expect(row!.next_run_at.getTime()).toBeGreaterThan(Date.now());
    expect(await lastVacuum()).toBeNull();

    await vacuumSoon(t.database.db);
    await t.app.jobs.drain();
    expect(await lastVacuum()).toBeInstanceOf(Date);
    const job = await t.database.db.selectFrom('jobs').select(['status', 'last_error']).where('name', '=', 'schedule:vacuum').executeTakeFirstOrThrow();
    expect(job).toEqual({ status: 'done', last_error: null });
    const after = await t.database.db.selectFrom('schedules').select('next_run_at').where('name', '=', 'vacuum').executeTakeFirstOrThrow();
    expect(after.next_run_at.getTime()).toBeGreaterThan(Date.now());
  });
});
