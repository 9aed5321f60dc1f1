import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

// The demo's clock. The services stamp what they write with the database's now(); a demo quarter
// needs those writes to have happened over three months. So a demo step writes through the
// services as the demo users would, then moves the timestamps of exactly what that write made
// back to the day it is meant to have happened: the timeline events added since the write began
// (ids above a mark taken before it), the rows of a module's append-only log (opportunity_history)
// likewise, and the named columns of its own rows. This is the only raw SQL of the demo, and it
// changes times only, never amounts or states. The audit log is append-only (a trigger refuses
// updates), so it keeps the true time of the seeding: an auditor sees when the demo was made.

export interface Stamp { table: string; id: number; columns: readonly string[] }

async function maxId(db: Kysely<DB>, table: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT coalesce(max(id), 0)::int AS n FROM ${sql.table(table)}`.execute(db);
  return rows[0]!.n;
}

/** Runs `write`, then dates what it wrote at `when`: its timeline events, rows of `logs`, and `stamps(result)`. */
export async function happenedAt<T>(db: Kysely<DB>, when: Date, write: () => Promise<T>, stamps: (r: T) => Stamp[] = () => [], logs: readonly string[] = []): Promise<T> {
  const tables = ['timeline_events', ...logs];
  const marks = await Promise.all(tables.map((t) => maxId(db, t)));
  const result = await write();
  const at = when.toISOString();
  await sql`UPDATE timeline_events SET occurred_at = ${at}::timestamptz, created_at = ${at}::timestamptz WHERE id > ${marks[0]!}`.execute(db);
  await sql`UPDATE timeline_targets SET occurred_at = ${at}::timestamptz WHERE event_id > ${marks[0]!}`.execute(db);
  // Append-only logs of a module (opportunity_history): their time column is `at`.
  for (const [i, t] of logs.entries()) await sql`UPDATE ${sql.table(t)} SET at = ${at}::timestamptz WHERE id > ${marks[i + 1]!}`.execute(db);
  for (const s of stamps(result)) {
    const set = sql.join(s.columns.map((c) => sql`${sql.ref(c)} = ${at}::timestamptz`));
    await sql`UPDATE ${sql.table(s.table)} SET ${set} WHERE id = ${s.id}`.execute(db);
  }
  return result;
}

/** `days` days before `now` (fractions allowed), at a working hour so dates read naturally. */
export function daysBefore(now: Date, days: number): Date {
  const d = new Date(now.getTime() - days * 86_400_000);
  return d.getTime() > now.getTime() ? now : d;
}

/** YYYY-MM-DD of a date (UTC). */
export const day = (d: Date): string => d.toISOString().slice(0, 10);
