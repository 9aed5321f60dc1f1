import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hook.ts';
import { doc, idParam, parse } from '../../http/validate.ts';
import { notFound } from '../../http/errors.ts';
import { getObject } from '../../records/registry.ts';
import { FILTER_OPS } from '../../../shared/fields.ts';
import { assertViewReadable, redactView } from './view-redact.ts';

const ViewBody = z.object({
  object: z.string().min(1).max(50),
  name: z.string().trim().min(1).max(100),
  filters: z.array(z.object({ field: z.string().max(80), op: z.enum(FILTER_OPS), value: z.string().max(1000) })).max(50).default([]),
  sort: z.string().max(100).nullable().optional(),
  columns: z.array(z.string().max(80)).max(200).default([]),
  density: z.enum(['small', 'middle', 'large']).optional(),
  shared: z.boolean().optional(),
  position: z.number().int().optional(),
});
const ViewPatch = ViewBody.omit({ object: true }).partial();

/** Saved list views: each user's own, plus the ones others shared. */
export default async function viewsRoutes(app: FastifyInstance) {
  app.get('/views', { schema: { tags: ['views'] } }, async (req) => {
    const actor = actorOf(req);
    const { object } = parse(z.object({ object: z.string().max(50) }), req.query);
    const rows = await app.db
      .selectFrom('saved_views')
      .selectAll()
      .where('object', '=', object)
      .where((eb) => eb.or([eb('user_id', '=', actor.id), eb('shared', '=', true)]))
      .orderBy('position')
      .orderBy('id')
      .limit(200)
      .execute();
    return { data: rows.map((r) => ({ ...redactView(actor, r), mine: r.user_id === actor.id })), next_cursor: null };
  });

  app.post('/views', { schema: { tags: ['views'], body: doc(ViewBody) } }, async (req, reply) => {
    const actor = actorOf(req);
    const body = parse(ViewBody, req.body);
    getObject(body.object);
    assertViewReadable(actor, body.object, body);
    const row = await app.db
      .insertInto('saved_views')
      .values({ ...body, user_id: actor.id, filters: JSON.stringify(body.filters), columns: JSON.stringify(body.columns), sort: body.sort ?? null })
      .returningAll()
      .executeTakeFirstOrThrow();
    reply.status(201);
    return { data: redactView(actor, row) };
  });

  app.patch('/views/:id', { schema: { tags: ['views'], body: doc(ViewPatch) } }, async (req) => {
    const actor = actorOf(req);
    const body = parse(ViewPatch, req.body);
    const id = parse(idParam, req.params).id;
    const mine = await app.db.selectFrom('saved_views').select('object').where('id', '=', id).where('user_id', '=', actor.id).executeTakeFirst();
    if (!mine) throw notFound('View');
    assertViewReadable(actor, mine.object, body);
    const set: Record<string, unknown> = { ...body };
    if (body.filters) set.filters = JSON.stringify(body.filters);
    if (body.columns) set.columns = JSON.stringify(body.columns);
    const row = await app.db.updateTable('saved_views').set(set).where('id', '=', id).where('user_id', '=', actor.id).returningAll().executeTakeFirst();
    if (!row) throw notFound('View');
    return { data: redactView(actor, row) };
  });

  app.delete('/views/:id', { schema: { tags: ['views'] } }, async (req, reply) => {
    const actor = actorOf(req);
    const r = await app.db.deleteFrom('saved_views').where('id', '=', parse(idParam, req.params).id).where('user_id', '=', actor.id).executeTakeFirst();
    if (!r.numDeletedRows) throw notFound('View');
    reply.status(204).send();
  });
}
