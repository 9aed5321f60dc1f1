import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hook.ts';
import { doc, idParam, parse } from '../../http/validate.ts';
import { bindDb } from '../../core/bind-db.ts';
import { createView, deleteView, listViews, updateView, ViewBody, ViewPatch } from './views.service.ts';

/** Saved list views: each user's own, plus the ones others shared. */
export default async function viewsRoutes(app: FastifyInstance) {
  const views = bindDb(app, { listViews, createView, updateView, deleteView });

  app.get('/views', { schema: { tags: ['views'] } }, async (req) => {
    const actor = actorOf(req);
    const { object } = parse(z.object({ object: z.string().max(50) }), req.query);
    return { data: await views.listViews(actor, object), next_cursor: null };
  });

  app.post('/views', { schema: { tags: ['views'], body: doc(ViewBody) } }, async (req, reply) => {
    const actor = actorOf(req);
    const row = await views.createView(actor, parse(ViewBody, req.body));
    reply.status(201);
    return { data: row };
  });

  app.patch('/views/:id', { schema: { tags: ['views'], body: doc(ViewPatch) } }, async (req) => {
    const actor = actorOf(req);
    const body = parse(ViewPatch, req.body);
    return { data: await views.updateView(actor, parse(idParam, req.params).id, body) };
  });

  app.delete('/views/:id', { schema: { tags: ['views'] } }, async (req, reply) => {
    const actor = actorOf(req);
    await views.deleteView(actor, parse(idParam, req.params).id);
    reply.status(204).send();
  });
}
