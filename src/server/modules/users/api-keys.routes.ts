import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hook.ts';
import { doc, idParam, parse } from '../../http/validate.ts';
import { can } from '../../core/access.ts';
import { writeAudit } from '../../core/audit.ts';
import { notFound } from '../../http/errors.ts';
import { createApiKey } from '../auth/auth.service.ts';

const KeyBody = z.object({ name: z.string().trim().min(1).max(100) });

export default async function apiKeysRoutes(app: FastifyInstance) {
  app.get('/api-keys', { schema: { tags: ['auth'] } }, async (req) => {
    const actor = actorOf(req);
    let q = app.db.selectFrom('api_keys').select(['id', 'user_id', 'name', 'prefix', 'created_at', 'last_used_at', 'revoked_at']).orderBy('id', 'desc').limit(500);
    if (!can(actor, 'admin')) q = q.where('user_id', '=', actor.id);
    return { data: await q.execute(), next_cursor: null };
  });

  app.post('/api-keys', { schema: { tags: ['auth'], body: doc(KeyBody) } }, async (req, reply) => {
    const actor = actorOf(req);
    const key = await createApiKey(app.db, actor.id, parse(KeyBody, req.body).name);
    await writeAudit(app.db, { actorId: actor.id, action: 'create', object: 'api_keys', recordId: key.id, changes: { name: key.name, prefix: key.prefix } });
    reply.status(201);
    return { data: key };
  });

  app.delete('/api-keys/:id', { schema: { tags: ['auth'] } }, async (req, reply) => {
    const actor = actorOf(req);
    const { id } = parse(idParam, req.params);
    let q = app.db.updateTable('api_keys').set({ revoked_at: new Date() }).where('id', '=', id).where('revoked_at', 'is', null);
    if (!can(actor, 'admin')) q = q.where('user_id', '=', actor.id);
    const r = await q.executeTakeFirst();
    if (!r.numUpdatedRows) throw notFound('API key');
    await writeAudit(app.db, { actorId: actor.id, action: 'revoke', object: 'api_keys', recordId: id });
    reply.status(204).send();
  });
}
