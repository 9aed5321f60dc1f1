import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ADMIN, useTestApp } from '../db/test-helpers.ts';
import { runRetention } from './retention.ts';
import { deliverOutbox } from './outbox.ts';

const t = useTestApp();
const env = { jobsDays: 30, eventsDays: 30, filesDays: 30 };
/** The tables every busy day adds rows to that are not the organisation's data. */
const TABLES = ['idempotency_keys', 'jobs', 'sessions', 'event_outbox'] as const;

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(t.database.db);
    out[table] = Number(rows[0]!.n);
  }
  return out;
}

/** A day of traffic: keyed creates and edits (as the web app sends them), deletes, sign-ins, the jobs they cause. */
async function busyDay(day: number): Promise<void> {
  for (let i = 0; i < 15; i++) {
    const c = await t.api(t.adminToken, 'POST', '/contacts', { name: `Soak ${day}-${i}` }, { 'idempotency-key': `soak-${day}-${i}` });
    await t.api(t.adminToken, 'PATCH', `/contacts/${c.body.data.id}`, { city: 'Xiamen' }, { 'idempotency-key': `soak-${day}-${i}-edit` });
    if (i % 3 === 0) await t.api(t.adminToken, 'DELETE', `/contacts/${c.body.data.id}`);
  }
  for (let i = 0; i < 3; i++) await t.login(ADMIN.email, ADMIN.password);
  // The queue is not running in tests: deliver the day's events as its sweep would.
  await deliverOutbox(t.database.db, { error: () => {} });
  await t.app.jobs.drain();
}

/** Moves what the day wrote past every retention period, as the clock would. */
async function aDayAndMorePasses(sessionsAfter: Date): Promise<void> {
  const db = t.database.db;
  await sql`UPDATE idempotency_keys SET created_at = created_at - interval '25 hours'`.execute(db);
  await sql`UPDATE jobs SET finished_at = finished_at - interval '31 days' WHERE finished_at IS NOT NULL`.execute(db);
  await sql`UPDATE event_outbox SET delivered_at = delivered_at - interval '31 days' WHERE delivered_at IS NOT NULL`.execute(db);
  await sql`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE created_at > ${sessionsAfter}`.execute(db);
}

describe('soak: nothing grows without bound', () => {
  it('after days of writes, sign-ins and jobs, a retention pass brings every operational table back to where it started', async () => {
    await t.app.jobs.drain();
    // The sign-ins of the days to come end; the test's own session stays.
    const sessionsAfter = (await sql<{ now: Date }>`SELECT now()`.execute(t.database.db)).rows[0]!.now;
    await runRetention(t.database.db, env);
    const start = await counts();
    for (let day = 0; day < 3; day++) {
      await busyDay(day);
      const busy = await counts();
      expect(busy.idempotency_keys).toBeGreaterThan(start.idempotency_keys);
      expect(busy.sessions).toBeGreaterThan(start.sessions);
      await aDayAndMorePasses(sessionsAfter);
      await runRetention(t.database.db, env);
      // Within each table's bound again: nothing is left behind by any of the day's writes.
      const after = await counts();
      const growth = Object.fromEntries(TABLES.map((table) => [table, Math.max(0, after[table]! - start[table]!)]));
      expect(growth).toEqual({ idempotency_keys: 0, jobs: 0, sessions: 0, event_outbox: 0 });
    }
  });
});
