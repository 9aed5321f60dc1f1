import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../http/auth-hook.ts';
import { doc, idParam, parse } from '../../http/validate.ts';
import { requireCan } from '../../core/access.ts';
import { bindDb } from '../../core/bind-db.ts';
import { createField, deleteField, FieldBody, FieldPatch, listFields, updateField } from './custom-fields.service.ts';

export default async function customFieldsRoutes(app: FastifyInstance) {
  const fields = bindDb(app, { listFields, createField, updateField, deleteField });

  app.get('/custom-fields', { schema: { tags: ['custom-fields'] } }, async (req) => {
    const actor = actorOf(req);
    const { object } = req.query as { object?: string };
    return { data: await fields.listFields(actor, object), next_cursor: null };
  });

  app.post('/custom-fields', { schema: { tags: ['custom-fields'], body: doc(FieldBody) } }, async (req, reply) => {
    const actor = actorOf(req);
    requireCan(actor, 'admin');
    const row = await fields.createField(actor, parse(FieldBody, req.body));
    reply.status(201);
    return { data: row };
  });

  app.patch('/custom-fields/:id', { schema: { tags: ['custom-fields'], body: doc(FieldPatch) } }, async (req) => {
    const actor = actorOf(req);
    requireCan(actor, 'admin');
    const { id } = parse(idParam, req.params);
    return { data: await fields.updateField(actor, id, parse(FieldPatch, req.body)) };
  });

  app.delete('/custom-fields/:id', { schema: { tags: ['custom-fields'] } }, async (req, reply) => {
    const actor = actorOf(req);
    requireCan(actor, 'admin');
    await fields.deleteField(actor, parse(idParam, req.params).id);
    reply.status(204).send();
  });
}
