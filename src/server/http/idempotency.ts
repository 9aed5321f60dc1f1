import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from './auth-hook.ts';
import { AppError } from './errors.ts';
import { onRecordsDeleted } from '../records/delete-rules.ts';

/** Status of a reserved key whose first request is still running. */
const PENDING = 0;
/** How long a retry waits for the first request's answer before hearing "in progress". */
const WAIT_MS = 10_000;
const POLL_MS = 25;
/** A reservation this old belongs to a request that died (crash, kill -9): a retry takes it over. */
const ABANDONED_AFTER = '60 seconds';
/** A key answers retries for a day; after that the same key is a new write (retention deletes it). */
export const IDEMPOTENCY_HOURS = 24;
const EXPIRED = sql`now() - make_interval(hours => ${IDEMPOTENCY_HOURS})`;

/** The record a keyed write created or changed: deleting it deletes the key and the answer it kept. */
export interface KeyedRecord { object: string; id: number }

/** What identifies the request a key was first used for: method, URL and body. */
function requestHash(req: FastifyRequest): string {
  return createHash('sha256').update(`${req.method} ${req.url}\n${JSON.stringify(req.body ?? null)}`).digest('hex');
}

/**
 * Replays the first answer when a write is retried with the same Idempotency-Key, so a
 * client that lost the response (timeout, crash) can safely send the request again.
 *
 * The key is reserved (a pending row, committed) before the write runs, so concurrent
 * requests with one key cannot both write: the others wait for the first answer and replay
 * it, or hear 409 if it takes too long. A key sent again with another method, URL or body is
 * refused (422 idempotency_key_reused). A write that fails frees its key: it changed nothing,
 * so the client may retry it.
 */
export async function idempotent<T>(
  app: FastifyInstance, req: FastifyRequest, reply: FastifyReply, status: number, fn: () => Promise<T>,
  recordOf?: (body: T) => KeyedRecord | null,
): Promise<T> {
  const header = req.headers['idempotency-key'];
  if (typeof header !== 'string' || !header) {
    reply.status(status);
    return fn();
  }
  const actor = actorOf(req);
  const key = header.slice(0, 200);
  const hash = requestHash(req);
  const row = () => app.db.selectFrom('idempotency_keys').select(['status', 'body', 'request_hash']).where('user_id', '=', actor.id).where('key', '=', key);
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const { rows: reserved } = await sql<{ key: string }>`
      INSERT INTO idempotency_keys (key, user_id, status, body, request_hash) VALUES (${key}, ${actor.id}, ${PENDING}, NULL, ${hash})
      ON CONFLICT (user_id, key) DO UPDATE
        SET created_at = now(), status = ${PENDING}, body = NULL, request_hash = ${hash}, object = NULL, record_id = NULL
        WHERE (idempotency_keys.status = ${PENDING} AND idempotency_keys.request_hash = ${hash}
            AND idempotency_keys.created_at < now() - ${ABANDONED_AFTER}::interval)
          -- An expired answer the retention job has not deleted yet: the key is free again.
          OR (idempotency_keys.status <> ${PENDING} AND idempotency_keys.created_at < ${EXPIRED})
      RETURNING key`.execute(app.db);
    if (reserved.length) break;
    const prior = await row().executeTakeFirst();
    if (!prior) continue; // the first request failed and freed the key: reserve it again
    if (prior.request_hash !== null && prior.request_hash !== hash) {
      throw new AppError('idempotency_key_reused', 'This Idempotency-Key was used for another request; use a new key for a new request');
    }
    if (prior.status !== PENDING) {
      reply.status(prior.status).header('idempotent-replayed', 'true');
      return prior.body as T;
    }
    if (Date.now() > deadline) throw new AppError('conflict', 'A request with this Idempotency-Key is still in progress; retry later', { reason: 'idempotency_in_progress' });
    await sleep(POLL_MS);
  }
  let body: T;
  try {
    body = await fn();
  } catch (e) {
    await app.db.deleteFrom('idempotency_keys').where('user_id', '=', actor.id).where('key', '=', key).execute();
    throw e;
  }
  const record = recordOf?.(body) ?? null;
  await app.db.updateTable('idempotency_keys').set({ status, body: JSON.stringify(body), object: record?.object ?? null, record_id: record?.id ?? null }).where('user_id', '=', actor.id).where('key', '=', key).execute();
  reply.status(status);
  return body;
}

// A deleted record (also one a cascade takes) takes the keys whose answers hold it.
onRecordsDeleted(async (trx, def, ids) => {
  await sql`DELETE FROM idempotency_keys WHERE object = ${def.name} AND record_id = ANY(${sql.val(ids)}::bigint[])`.execute(trx);
});
