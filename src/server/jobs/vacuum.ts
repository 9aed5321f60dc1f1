import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/connect.ts';
import type { DB } from '../db/schema.ts';
import type { JobQueue } from './queue.ts';

/** Nightly at 03:41 UTC, a quiet hour; a schedule never overlaps itself (jobs/schedules.ts). */
export const VACUUM_CRON = '41 3 * * *';
/** An import of at least this many rows asks for a run soon after it, not at night. */
export const VACUUM_AFTER_IMPORT_ROWS = 10_000;

/**
 * PGlite has no autovacuum: without a VACUUM, updated and deleted rows and their index entries
 * are never reclaimed (an edited contact never reuses its space). So on PGlite a recurring job
 * runs `VACUUM (ANALYZE)`, which also refreshes the planner's statistics. On PostgreSQL the
 * server's autovacuum does this and nothing is scheduled.
 */
export function registerVacuum(queue: JobQueue, database: Database): void {
  if (database.kind !== 'pglite') return;
  queue.schedule('vacuum', VACUUM_CRON, async () => void (await sql`VACUUM (ANALYZE)`.execute(database.db)));
}

/** Brings the next vacuum forward to now (after a large import); nothing where none is scheduled. */
export async function vacuumSoon(db: Kysely<DB>): Promise<void> {
  await sql`UPDATE schedules SET next_run_at = now() WHERE name = 'vacuum' AND next_run_at > now()`.execute(db);
}
