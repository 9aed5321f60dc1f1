import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

// Record events. A write stores its events in the event_outbox table inside its own transaction
// (writeEvents), so they commit or roll back with it; after commit it calls deliverSoon(), and
// the job queue delivers them to the subscribers here at least once (jobs/outbox.ts), even when
// the process died between commit and delivery. Later modules (webhooks, workflow rules,
// notifications) subscribe here and must tolerate seeing an event twice. The audit row and
// timeline entries are written inside the transaction itself (core/audit.ts, core/timeline.ts).
/** `imported`: one per import batch; `id` is the import's, `record.created_ids` the new records'. */
export interface RecordEvent {
  type: 'created' | 'updated' | 'deleted' | 'merged' | 'imported';
  object: string;
  id: number;
  actorId: number | null;
  record?: Record<string, unknown>;
  changes?: Record<string, [unknown, unknown]>;
}

/**
 * What a subscriber gets with each event: the database the event was delivered from (a
 * subscriber writes there, never to a database it captured) and a key naming this event for
 * good — the same on every redelivery, different for every other event — to de-duplicate by.
 */
export interface DeliveryContext {
  db: Kysely<DB>;
  key: string;
}

type Listener = (e: RecordEvent, ctx: DeliveryContext) => void | Promise<void>;
const listeners = new Set<Listener>();

export function onRecordEvent(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/**
 * Stores the events of one write in the outbox: one row (one INSERT) per call, however many
 * events, so an import batch costs one statement. Call it inside the write's transaction.
 */
export async function writeEvents(trx: Transaction<DB> | Kysely<DB>, events: RecordEvent[]): Promise<void> {
  if (!events.length) return;
  await trx.insertInto('event_outbox').values({ events: JSON.stringify(events) }).execute();
}

/** Runs every subscriber on one event in turn; throws the first failure (the outbox retries). */
export async function dispatch(e: RecordEvent, ctx: DeliveryContext): Promise<void> {
  let failure: unknown = null;
  for (const l of [...listeners]) {
    try {
      await l(e, ctx);
    } catch (err) {
      failure ??= err;
    }
  }
  if (failure) throw failure;
}

const wakers = new Set<() => void>();

/** Registers a running deliverer (jobs/outbox.ts); deliverSoon() wakes it. */
export function onDeliverSoon(wake: () => void): () => void {
  wakers.add(wake);
  return () => wakers.delete(wake);
}

/** After a write committed: deliver its outbox row now rather than at the next poll. */
export function deliverSoon(): void {
  for (const w of wakers) w();
}
