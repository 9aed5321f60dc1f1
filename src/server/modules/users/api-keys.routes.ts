import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/auth-hook.ts';
import { IdParam } from '../../../shared/contracts/common.ts';
import { ApiKeyBody } from '../../../shared/contracts/auth.ts';
import { bindDb } from '../../core/bind-db.ts';
import { listApiKeys, newApiKey, revokeApiKey } from './api-keys.service.ts';

export default async function apiKeysRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const keys = bindDb(app, { listApiKeys, newApiKey, revokeApiKey });

  app.get('/api-keys', { schema: { tags: ['auth'] } }, async (req) => ({ data: await keys.listApiKeys(actorOf(req)), next_cursor: null }));

  app.post('/api-keys', { schema: { tags: ['auth'], body: ApiKeyBody } }, async (req, reply) => {
    const actor = actorOf(req);
    const key = await keys.newApiKey(actor, req.body.name);
    reply.status(201);
    return { data: key };
  });

  app.delete('/api-keys/:id', { schema: { tags: ['auth'], params: IdParam } }, async (req, reply) => {
    const actor = actorOf(req);
    await keys.revokeApiKey(actor, req.params.id);
    reply.status(204).send();
  });
}
