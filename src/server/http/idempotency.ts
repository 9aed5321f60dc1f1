import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from './auth-hook.ts';

/**
 * Replays the first answer when a write is retried with the same Idempotency-Key, so a
 * client that lost the response (timeout, crash) can safely send the request again.
 */
export async function idempotent<T>(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply, status: number, fn: () => Promise<T>): Promise<T> {
  const key = req.headers['idempotency-key'];
  if (typeof key !== 'string' || !key) {
    reply.status(status);
    return fn();
  }
  const actor = actorOf(req);
  const scoped = `${req.method} ${req.url}|${key.slice(0, 200)}`;
  const prior = await app.db.selectFrom('idempotency_keys').select(['status', 'body']).where('user_id', '=', actor.id).where('key', '=', scoped).executeTakeFirst();
  if (prior) {
    reply.status(prior.status).header('idempotent-replayed', 'true');
    return prior.body as T;
  }
  const body = await fn();
  await app.db
    .insertInto('idempotency_keys')
    .values({ key: scoped, user_id: actor.id, status, body: JSON.stringify(body) })
    .onConflict((oc) => oc.doNothing())
    .execute();
  reply.status(status);
  return body;
}
