import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { fireDueSchedules, parseSchedule, SCHEDULE_JOB_PREFIX, type Schedule, type ScheduleSpec } from './schedules.ts';

export interface JobContext {
  id: number;
  attempt: number;
  /** Extends the lease; long handlers call it between batches. */
  heartbeat(): Promise<void>;
  /** Aborted when the process is stopping (stop({ interrupt: true })): long handlers stop at their next safe point. */
  signal?: AbortSignal;
}
export type JobHandler = (payload: Record<string, unknown>, ctx: JobContext) => Promise<void>;

export interface JobQueue {
  enqueue(name: string, payload: Record<string, unknown>, opts?: { runAt?: Date; maxAttempts?: number }): Promise<number>;
  register(name: string, handler: JobHandler): void;
  /**
   * A recurring job: every `spec` seconds, or at the minutes of a `m h * * *` cron expression
   * (UTC). It runs once across all processes sharing the database, and its next run time is
   * stored (schedules table), so it survives restarts. A failed run is not retried: the next
   * run comes at its time.
   */
  schedule(name: string, spec: ScheduleSpec, handler: JobHandler): void;
  /** True between start() and stop(). */
  started(): boolean;
  start(): void;
  /** Stops polling and waits for the running job; `interrupt` asks it to stop early (it is released, not failed, and runs again later). */
  stop(opts?: { interrupt?: boolean }): Promise<void>;
  /** Runs queued jobs until none is ready (tests, CLI). */
  drain(): Promise<void>;
}

// A lease short enough that a crashed process's job is picked up again within ~20 s.
const LEASE_SECONDS = 20;
const POLL_MS = 500;

/**
 * Jobs live in the jobs table and are claimed with FOR UPDATE SKIP LOCKED, so several Guanxi
 * processes on one PostgreSQL share them, and a job whose process died (lease expired) is
 * claimed again. Same SQL on PGlite.
 */
export function createJobQueue(db: Kysely<DB>, log: { error: (o: object, m: string) => void } = console): JobQueue {
  const handlers = new Map<string, JobHandler>();
  const schedules = new Map<string, Schedule>();
  const ensured = { done: false };
  const me = `${process.pid}-${randomUUID().slice(0, 8)}`;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = true;
  let abort = new AbortController();

  async function claim() {
    const names = [...handlers.keys()];
    if (!names.length) return null;
    const { rows } = await sql<{ id: number; name: string; payload: Record<string, unknown>; attempts: number; max_attempts: number }>`
      UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_by = ${me},
             locked_until = now() + make_interval(secs => ${LEASE_SECONDS})
      WHERE id = (
        SELECT id FROM jobs
        WHERE name = ANY(${sql.val(names)}::text[])
          AND ((status = 'queued' AND run_at <= now()) OR (status = 'running' AND locked_until < now()))
        ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING id, name, payload, attempts, max_attempts`.execute(db);
    return rows[0] ?? null;
  }

  async function runOne(): Promise<boolean> {
    if (abort.signal.aborted) return false;
    const job = await claim();
    if (!job) return false;
    const signal = abort.signal;
    const ctx: JobContext = {
      signal,
      id: job.id,
      attempt: job.attempts,
      heartbeat: async () => {
        await sql`UPDATE jobs SET locked_until = now() + make_interval(secs => ${LEASE_SECONDS}) WHERE id = ${job.id} AND locked_by = ${me}`.execute(db);
      },
    };
    try {
      await handlers.get(job.name)!(job.payload, ctx);
      await db.updateTable('jobs').set({ status: 'done', finished_at: new Date(), locked_by: null, locked_until: null }).where('id', '=', job.id).execute();
    } catch (e) {
      if (signal.aborted) {
        // Interrupted on purpose: back in the queue at once, the attempt not counted.
        await sql`UPDATE jobs SET status = 'queued', attempts = attempts - 1, locked_by = NULL, locked_until = NULL, run_at = now() WHERE id = ${job.id}`.execute(db);
        return false;
      }
      const final = job.attempts >= job.max_attempts;
      log.error({ job: job.id, name: job.name, err: (e as Error).message }, 'job failed');
      await sql`UPDATE jobs SET status = ${final ? 'failed' : 'queued'}, last_error = ${String((e as Error).message).slice(0, 2000)},
        locked_by = NULL, locked_until = NULL, finished_at = ${final ? new Date() : null},
        run_at = now() + make_interval(secs => ${2 ** job.attempts}) WHERE id = ${job.id}`.execute(db);
    }
    return true;
  }

  async function fireSchedules() {
    try {
      await fireDueSchedules(db, schedules, ensured);
    } catch (e) {
      log.error({ err: (e as Error).message }, 'schedules failed');
    }
  }

  async function loop() {
    await fireSchedules();
    while (!stopped) {
      let worked = false;
      try {
        worked = await runOne();
      } catch (e) {
        log.error({ err: (e as Error).message }, 'job poll failed');
      }
      if (!worked) break;
    }
  }

  function tick() {
    if (stopped || running) return;
    running = loop().finally(() => {
      running = null;
      if (!stopped) timer = setTimeout(tick, POLL_MS);
    });
  }

  return {
    async enqueue(name, payload, opts = {}) {
      const row = await db
        .insertInto('jobs')
        .values({ name, payload: JSON.stringify(payload), run_at: opts.runAt ?? new Date(), max_attempts: opts.maxAttempts ?? 3 })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (!stopped && !running) {
        if (timer) clearTimeout(timer);
        setImmediate(tick);
      }
      return row.id;
    },
    register(name, handler) {
      handlers.set(name, handler);
    },
    schedule(name, spec, handler) {
      schedules.set(name, parseSchedule(spec));
      ensured.done = false;
      handlers.set(SCHEDULE_JOB_PREFIX + name, handler);
    },
    started: () => !stopped,
    start() {
      if (!stopped) return;
      stopped = false;
      if (abort.signal.aborted) abort = new AbortController();
      tick();
    },
    async stop(opts = {}) {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (opts.interrupt) abort.abort();
      await running;
    },
    async drain() {
      await fireSchedules();
      while (await runOne());
    },
  };
}
