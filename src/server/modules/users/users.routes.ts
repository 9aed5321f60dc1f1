import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../http/auth-hook.ts';
import { doc, idParam, parse } from '../../http/validate.ts';
import { requireCan } from '../../core/access.ts';
import { bindDb } from '../../core/bind-db.ts';
import { createUser, UserFields } from './users.service.ts';
import { createTeam, getUser, listTeams, listUsers, TeamBody, updateTeam, updateUser, UserList, UserPatch } from './users-admin.service.ts';

export default async function usersRoutes(app: FastifyInstance) {
  const users = bindDb(app, { listUsers, getUser, createUser, updateUser, listTeams, createTeam, updateTeam });

  // Any signed-in user may list users (owner pickers); only admins change them.
  app.get('/users', { schema: { tags: ['users'] } }, async (req) => {
    actorOf(req);
    return users.listUsers(parse(UserList, req.query));
  });

  app.get('/users/:id', { schema: { tags: ['users'] } }, async (req) => {
    actorOf(req);
    return { data: await users.getUser(parse(idParam, req.params).id) };
  });

  app.post('/users', { schema: { tags: ['users'], body: doc(UserFields) } }, async (req, reply) => {
    const actor = actorOf(req);
    requireCan(actor, 'admin');
    const user = await users.createUser(parse(UserFields, req.body), actor.id);
    reply.status(201);
    return { data: user };
  });

  app.patch('/users/:id', { schema: { tags: ['users'], body: doc(UserPatch) } }, async (req) => {
    const actor = actorOf(req);
    requireCan(actor, 'admin');
    const { id } = parse(idParam, req.params);
    return { data: await users.updateUser(actor, id, parse(UserPatch, req.body)) };
  });

  app.get('/teams', { schema: { tags: ['users'] } }, async (req) => {
    actorOf(req);
    return { data: await users.listTeams(), next_cursor: null };
  });
  app.post('/teams', { schema: { tags: ['users'], body: doc(TeamBody) } }, async (req, reply) => {
    const actor = actorOf(req);
    requireCan(actor, 'admin');
    const team = await users.createTeam(actor, parse(TeamBody, req.body));
    reply.status(201);
    return { data: team };
  });
  app.patch('/teams/:id', { schema: { tags: ['users'], body: doc(TeamBody.partial()) } }, async (req) => {
    const actor = actorOf(req);
    requireCan(actor, 'admin');
    const { id } = parse(idParam, req.params);
    return { data: await users.updateTeam(actor, id, parse(TeamBody.partial(), req.body)) };
  });
}
