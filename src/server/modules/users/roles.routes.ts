import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../http/auth-hook.ts';
import { doc, parse } from '../../http/validate.ts';
import { requireCan } from '../../core/access.ts';
import { bindDb } from '../../core/bind-db.ts';
import { listRoles, RoleBody, updateRole } from './roles.service.ts';

export default async function rolesRoutes(app: FastifyInstance) {
  const roles = bindDb(app, { listRoles, updateRole });

  app.get('/roles', { schema: { tags: ['users'] } }, async (req) => ({ data: await roles.listRoles(actorOf(req)), next_cursor: null }));

  app.patch('/roles/:key', { schema: { tags: ['users'], body: doc(RoleBody) } }, async (req) => {
    const actor = actorOf(req);
    requireCan(actor, 'admin');
    const { key } = req.params as { key: string };
    return { data: await roles.updateRole(actor, key, parse(RoleBody, req.body)) };
  });
}
