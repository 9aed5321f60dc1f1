import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/** Seconds between runs, or a daily cron expression `m h * * *` in UTC (each of m and h: a number, a star, star-slash-n, or a comma list). */
export type ScheduleSpec = number | string;

export interface Schedule {
  /** Stored in schedules.spec: a changed spec resets next_run_at. */
  spec: string;
  next(from: Date): Date;
}

/** Jobs that run a schedule are named with this prefix. */
export const SCHEDULE_JOB_PREFIX = 'schedule:';

function cronField(text: string, max: number, what: string): Set<number> {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const step = /^\*\/(\d+)$/.exec(part);
    if (part === '*' || step) {
      const n = step ? Number(step[1]) : 1;
      if (n < 1 || n > max) throw new Error(`Bad ${what} step in schedule: ${part}`);
      for (let v = 0; v <= max; v += n) values.add(v);
    } else if (/^\d+$/.test(part) && Number(part) <= max) values.add(Number(part));
    else throw new Error(`Bad ${what} in schedule: ${part}`);
  }
  return values;
}

export function parseSchedule(spec: ScheduleSpec): Schedule {
  if (typeof spec === 'number') {
    if (!Number.isInteger(spec) || spec < 1) throw new Error(`A schedule interval is a whole number of seconds >= 1 (got ${spec})`);
    return { spec: `every ${spec}s`, next: (from) => new Date(from.getTime() + spec * 1000) };
  }
  const fields = spec.trim().split(/\s+/);
  if (fields.length !== 5 || fields.slice(2).some((f) => f !== '*')) {
    throw new Error(`A cron schedule is "minute hour * * *" (got "${spec}")`);
  }
  const minutes = cronField(fields[0]!, 59, 'minute');
  const hours = cronField(fields[1]!, 23, 'hour');
  return {
    spec: fields.join(' '),
    next(from) {
      // The first whole minute after `from` that matches; one exists within a day.
      const t = new Date(from.getTime());
      t.setUTCSeconds(0, 0);
      for (let i = 0; i <= 24 * 60; i++) {
        t.setUTCMinutes(t.getUTCMinutes() + 1);
        if (minutes.has(t.getUTCMinutes()) && hours.has(t.getUTCHours())) return t;
      }
      throw new Error(`Schedule "${spec}" never matches`);
    },
  };
}

/**
 * Enqueues one job for every due schedule. The schedule row is locked (SKIP LOCKED) and moved
 * forward in the transaction that inserts the job, so of several processes exactly one enqueues
 * a run, and a crash leaves either both or neither. A schedule whose last run is still queued or
 * running is not due (runs never overlap).
 */
export async function fireDueSchedules(db: Kysely<DB>, schedules: Map<string, Schedule>, ensured: { done: boolean }): Promise<number> {
  if (!schedules.size) return 0;
  if (!ensured.done) {
    const now = new Date();
    for (const [name, s] of schedules) {
      await sql`INSERT INTO schedules (name, spec, next_run_at) VALUES (${name}, ${s.spec}, ${s.next(now)})
        ON CONFLICT (name) DO UPDATE SET spec = EXCLUDED.spec, next_run_at = EXCLUDED.next_run_at WHERE schedules.spec <> EXCLUDED.spec`.execute(db);
    }
    ensured.done = true;
  }
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ name: string }>`
      SELECT name FROM schedules s
      WHERE name = ANY(${sql.val([...schedules.keys()])}::text[]) AND next_run_at <= now()
        AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.name = ${SCHEDULE_JOB_PREFIX} || s.name AND j.status IN ('queued', 'running'))
      ORDER BY name FOR UPDATE SKIP LOCKED`.execute(trx);
    for (const { name } of rows) {
      const now = new Date();
      await trx.updateTable('schedules').set({ next_run_at: schedules.get(name)!.next(now), last_run_at: now }).where('name', '=', name).execute();
      await sql`INSERT INTO jobs (name, payload, run_at, max_attempts) VALUES (${SCHEDULE_JOB_PREFIX + name}, '{}'::jsonb, now(), 1)`.execute(trx);
    }
    return rows.length;
  });
}
