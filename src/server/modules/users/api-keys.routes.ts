import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hook.ts';
import { doc, idParam, parse } from '../../http/validate.ts';
import { bindDb } from '../../core/bind-db.ts';
import { listApiKeys, newApiKey, revokeApiKey } from './api-keys.service.ts';

const KeyBody = z.object({ name: z.string().trim().min(1).max(100) });

export default async function apiKeysRoutes(app: FastifyInstance) {
  const keys = bindDb(app, { listApiKeys, newApiKey, revokeApiKey });

  app.get('/api-keys', { schema: { tags: ['auth'] } }, async (req) => ({ data: await keys.listApiKeys(actorOf(req)), next_cursor: null }));

  app.post('/api-keys', { schema: { tags: ['auth'], body: doc(KeyBody) } }, async (req, reply) => {
    const actor = actorOf(req);
    const key = await keys.newApiKey(actor, parse(KeyBody, req.body).name);
    reply.status(201);
    return { data: key };
  });

  app.delete('/api-keys/:id', { schema: { tags: ['auth'] } }, async (req, reply) => {
    const actor = actorOf(req);
    await keys.revokeApiKey(actor, parse(idParam, req.params).id);
    reply.status(204).send();
  });
}
