import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from './test-helpers.ts';
import { isDatabaseUnavailable } from './unavailable.ts';

// A connection checked out of the pool (here: idle inside a transaction) whose server process
// is terminated emits 'error' on its pg client; with no listener Node would crash the process
// (and this test run). On PostgreSQL the test kills this app's own backends only (its
// application_name names its schema); PGlite has no connections to lose and must just work.
const t = useTestApp();

describe('losing a database connection', () => {
  it('fails only the work on that connection, with an error the API answers 503, and the pool recovers', async () => {
    const postgres = t.database.kind === 'postgres';
    let resume!: () => void;
    const paused = new Promise<void>((r) => (resume = r));
    let started!: () => void;
    const inside = new Promise<void>((r) => (started = r));
    const work = t.database.db.transaction().execute(async (trx) => {
      await sql`SELECT 1`.execute(trx);
      started();
      await paused;
      return (await sql<{ n: number }>`SELECT 2 AS n`.execute(trx)).rows[0]!.n;
    });
    const outcome = work.then((n) => ({ n }), (err: unknown) => ({ err }));
    await inside;
    if (postgres) {
      const killed = await sql<{ n: number }>`SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
        WHERE application_name = current_setting('application_name') AND pid <> pg_backend_pid()`.execute(t.database.db);
      expect(killed.rows[0]!.n).toBeGreaterThanOrEqual(1);
      // Give the terminated backend's message time to reach the idle, checked-out client.
      await new Promise((r) => setTimeout(r, 300));
    }
    resume();
    const r = await outcome;
    if (postgres) expect('err' in r && isDatabaseUnavailable(r.err)).toBe(true);
    else expect(r).toEqual({ n: 2 });
    // Later requests get healthy connections.
    for (let i = 0; i < 6; i++) expect((await t.api(t.adminToken, 'GET', '/contacts?limit=1')).status).toBe(200);
    expect((await t.api('', 'GET', '/health')).body).toEqual({ status: 'ok', database: 'ok' });
  });
});
