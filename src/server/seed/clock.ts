import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

// The demo's clock. The services stamp what they write with the database's now(); a demo quarter
// needs those writes to have happened over three months. So a demo step writes through the
// services as the demo users would, then moves the timestamps of exactly what that write made
// back to the day it is meant to have happened: the timeline events added since the write began
// (ids above a mark taken before it) and the named columns of its own rows. This is the only raw
// SQL of the demo, and it changes times only, never amounts or states.
// Append-only logs are never updated: the audit log keeps the true time of the seeding (an auditor
// sees when the demo was made), and opportunity_history is written with its past time at insert
// time: while a demo write runs, the session setting DEMO_CLOCK holds the time it is meant to have
// happened, and the history insert reads `clockNow` (that time, or now() when unset, as for every
// real write). The setting is a session one on the seed's own single connection (seed/demo.ts
// runs the whole demo on one), set and cleared around each write, so no other write sees it.

export const DEMO_CLOCK = 'guanxi.demo_clock';
/** SQL for "now" of an append-only log row: the demo's clock during a demo write, else now(). */
export const clockNow = sql<Date>`coalesce(nullif(current_setting('guanxi.demo_clock', true), '')::timestamptz, now())`;

export interface Stamp { table: string; id: number; columns: readonly string[] }

async function maxId(db: Kysely<DB>, table: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT coalesce(max(id), 0)::int AS n FROM ${sql.table(table)}`.execute(db);
  return rows[0]!.n;
}

/** Runs `write` on the demo clock set to `when`, then dates what it wrote at `when`: its timeline events and `stamps(result)`. */
export async function happenedAt<T>(db: Kysely<DB>, when: Date, write: () => Promise<T>, stamps: (r: T) => Stamp[] = () => []): Promise<T> {
  const mark = await maxId(db, 'timeline_events');
  const at = when.toISOString();
  await sql`SELECT set_config(${DEMO_CLOCK}, ${at}, false)`.execute(db);
  let result: T;
  try {
    result = await write();
  } finally {
    await sql`SELECT set_config(${DEMO_CLOCK}, '', false)`.execute(db);
  }
  await sql`UPDATE timeline_events SET occurred_at = ${at}::timestamptz, created_at = ${at}::timestamptz WHERE id > ${mark}`.execute(db);
  await sql`UPDATE timeline_targets SET occurred_at = ${at}::timestamptz WHERE event_id > ${mark}`.execute(db);
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
