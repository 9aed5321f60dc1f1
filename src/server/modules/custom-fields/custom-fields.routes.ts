import type { FastifyInstance } from 'fastify';
import { actorOf, adminOnly } from '../../http/auth-hook.ts';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParam } from '../../../shared/contracts/common.ts';
import { bindDb } from '../../core/bind-db.ts';
import { createField, deleteField, FieldBody, FieldPatch, listFields, updateField } from './custom-fields.service.ts';

export default async function customFieldsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const fields = bindDb(app, { listFields, createField, updateField, deleteField });

  app.get('/custom-fields', { schema: { tags: ['custom-fields'], querystring: z.object({ object: z.string().max(50).optional() }) } }, async (req) => {
    const actor = actorOf(req);
    return { data: await fields.listFields(actor, req.query.object), next_cursor: null };
  });

  app.post('/custom-fields', { preValidation: adminOnly, schema: { tags: ['custom-fields'], body: FieldBody } }, async (req, reply) => {
    const actor = actorOf(req);
    const row = await fields.createField(actor, req.body);
    reply.status(201);
    return { data: row };
  });

  app.patch('/custom-fields/:id', { preValidation: adminOnly, schema: { tags: ['custom-fields'], params: IdParam, body: FieldPatch } }, async (req) => {
    const actor = actorOf(req);
    return { data: await fields.updateField(actor, req.params.id, req.body) };
  });

  app.delete('/custom-fields/:id', { preValidation: adminOnly, schema: { tags: ['custom-fields'], params: IdParam } }, async (req, reply) => {
    const actor = actorOf(req);
    await fields.deleteField(actor, req.params.id);
    reply.status(204).send();
  });
}
