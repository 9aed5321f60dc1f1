import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/auth-hook.ts';
import { IdParam } from '../../../shared/contracts/common.ts';
import { bindDb } from '../../core/bind-db.ts';
import { createView, deleteView, listViews, updateView, ViewBody, ViewPatch } from './views.service.ts';

/** Saved list views: each user's own, plus the ones others shared. */
export default async function viewsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const views = bindDb(app, { listViews, createView, updateView, deleteView });

  app.get('/views', { schema: { tags: ['views'], querystring: z.object({ object: z.string().max(50) }) } }, async (req) => {
    const actor = actorOf(req);
    return { data: await views.listViews(actor, req.query.object), next_cursor: null };
  });

  app.post('/views', { schema: { tags: ['views'], body: ViewBody } }, async (req, reply) => {
    const actor = actorOf(req);
    const row = await views.createView(actor, req.body);
    reply.status(201);
    return { data: row };
  });

  app.patch('/views/:id', { schema: { tags: ['views'], params: IdParam, body: ViewPatch } }, async (req) => {
    const actor = actorOf(req);
    return { data: await views.updateView(actor, req.params.id, req.body) };
  });

  app.delete('/views/:id', { schema: { tags: ['views'], params: IdParam } }, async (req, reply) => {
    const actor = actorOf(req);
    await views.deleteView(actor, req.params.id);
    reply.status(204).send();
  });
}
