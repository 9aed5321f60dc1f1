import type { FastifyInstance } from 'fastify';
import { actorOf, adminOnly } from '../../http/auth-hook.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParam } from '../../../shared/contracts/common.ts';
import { bindDb } from '../../core/bind-db.ts';
import { createUser, UserFields } from './users.service.ts';
import { createTeam, getUser, listTeams, listUsers, TeamBody, updateTeam, updateUser, UserList, UserPatch } from './users-admin.service.ts';

export default async function usersRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const users = bindDb(app, { listUsers, getUser, createUser, updateUser, listTeams, createTeam, updateTeam });

  // Any signed-in user may list users (owner pickers); only admins change them.
  app.get('/users', { schema: { tags: ['users'], querystring: UserList } }, async (req) => {
    actorOf(req);
    return users.listUsers(req.query);
  });

  app.get('/users/:id', { schema: { tags: ['users'], params: IdParam } }, async (req) => {
    actorOf(req);
    return { data: await users.getUser(req.params.id) };
  });

  app.post('/users', { preValidation: adminOnly, schema: { tags: ['users'], body: UserFields } }, async (req, reply) => {
    const actor = actorOf(req);
    const user = await users.createUser(req.body, actor.id);
    reply.status(201);
    return { data: user };
  });

  app.patch('/users/:id', { preValidation: adminOnly, schema: { tags: ['users'], params: IdParam, body: UserPatch } }, async (req) => {
    const actor = actorOf(req);
    return { data: await users.updateUser(actor, req.params.id, req.body) };
  });

  app.get('/teams', { schema: { tags: ['users'] } }, async (req) => {
    actorOf(req);
    return { data: await users.listTeams(), next_cursor: null };
  });
  app.post('/teams', { preValidation: adminOnly, schema: { tags: ['users'], body: TeamBody } }, async (req, reply) => {
    const actor = actorOf(req);
    const team = await users.createTeam(actor, req.body);
    reply.status(201);
    return { data: team };
  });
  app.patch('/teams/:id', { preValidation: adminOnly, schema: { tags: ['users'], params: IdParam, body: TeamBody.partial() } }, async (req) => {
    const actor = actorOf(req);
    return { data: await users.updateTeam(actor, req.params.id, req.body) };
  });
}
