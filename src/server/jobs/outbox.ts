import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { dispatch, onDeliverSoon, type RecordEvent } from '../core/events.ts';
import type { JobQueue } from './queue.ts';
import { registerSoonPasses } from './soon-passes.ts';

/** Rows claimed per round trip; a claimed row is leased so another process leaves it alone. */
const BATCH = 100;
const LEASE_SECONDS = 60;
/** After this many failed deliveries the row is given up (gave_up_at) and kept for inspection. */
export const MAX_DELIVERY_ATTEMPTS = 10;
/** The sweep that delivers what no in-process nudge did (a crash between commit and delivery). */
const SWEEP_SECONDS = 30;

type Log = { error: (o: object, m: string) => void };

/**
 * Delivers pending outbox rows in id order to the subscribers of core/events.ts, marking each
 * delivered once every subscriber took all its events. A subscriber failure leaves the row
 * pending with a backoff (2^attempts seconds, at most an hour) and later rows go on: delivery
 * is at least once, in id order on first attempt. Answers how many rows were delivered.
 */
export async function deliverOutbox(db: Kysely<DB>, log: Log = console): Promise<number> {
  let delivered = 0;
  for (;;) {
    const { rows } = await sql<{ id: number; events: RecordEvent[]; attempts: number }>`
      UPDATE event_outbox SET attempts = attempts + 1, locked_until = now() + make_interval(secs => ${LEASE_SECONDS})
      WHERE id IN (
        SELECT id FROM event_outbox
        WHERE delivered_at IS NULL AND gave_up_at IS NULL AND next_attempt_at <= now()
          AND (locked_until IS NULL OR locked_until < now())
        ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
      RETURNING id, events, attempts`.execute(db);
    if (!rows.length) return delivered;
    rows.sort((a, b) => Number(a.id) - Number(b.id));
    // Marked delivered together after the batch (one statement per batch, not per write): a
    // crash before that only delivers the batch again, which at-least-once allows.
    const done: number[] = [];
    for (const row of rows) {
      try {
        // `<outbox row>.<position>` names each event for good: subscribers de-duplicate by it.
        for (const [i, e] of row.events.entries()) await dispatch(e, { db, key: `${row.id}.${i}` });
        done.push(row.id);
      } catch (err) {
        const message = String((err as Error)?.message ?? err).slice(0, 2000);
        const giveUp = row.attempts >= MAX_DELIVERY_ATTEMPTS;
        log.error({ outbox: row.id, attempt: row.attempts, err: message }, giveUp ? 'event delivery gave up' : 'event delivery failed');
        await sql`UPDATE event_outbox SET locked_until = NULL, last_error = ${message},
          gave_up_at = ${giveUp ? sql`now()` : sql`NULL`},
          next_attempt_at = now() + make_interval(secs => ${Math.min(2 ** row.attempts, 3600)}) WHERE id = ${row.id}`.execute(db);
      }
    }
    if (done.length) {
      await sql`UPDATE event_outbox SET delivered_at = now(), locked_until = NULL, last_error = NULL WHERE id = ANY(${sql.val(done)}::bigint[])`.execute(db);
      delivered += done.length;
    }
    if (rows.length < BATCH) return delivered;
  }
}

/**
 * Wires delivery to the job queue: a recurring sweep (once across processes) and, while the
 * queue runs, a pass right after each write commits (deliverSoon). Answers an unregister
 * function that waits for a pass in flight (call it before closing the database).
 */
export function registerOutbox(queue: JobQueue, db: Kysely<DB>, log: Log = console): () => Promise<void> {
  return registerSoonPasses(queue, { name: 'events.deliver', seconds: SWEEP_SECONDS, pass: () => deliverOutbox(db, log), onSoon: onDeliverSoon, log, what: 'event delivery' });
}
