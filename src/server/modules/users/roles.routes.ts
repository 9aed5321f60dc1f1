import type { FastifyInstance } from 'fastify';
import { actorOf, adminOnly } from '../../http/auth-hook.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { bindDb } from '../../core/bind-db.ts';
import { listRoles, RoleBody, updateRole } from './roles.service.ts';

export default async function rolesRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const roles = bindDb(app, { listRoles, updateRole });

  app.get('/roles', { schema: { tags: ['users'] } }, async (req) => ({ data: await roles.listRoles(actorOf(req)), next_cursor: null }));

  app.patch('/roles/:key', { preValidation: adminOnly, schema: { tags: ['users'], params: z.object({ key: z.string().max(50) }), body: RoleBody } }, async (req) => {
    const actor = actorOf(req);
    return { data: await roles.updateRole(actor, req.params.key, req.body) };
  });
}
