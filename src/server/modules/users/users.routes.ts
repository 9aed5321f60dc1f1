import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hook.ts';
import { doc, idParam, parse } from '../../http/validate.ts';
import { requireCan } from '../../core/access.ts';
import { writeAudit } from '../../core/audit.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { LOCALES } from '../../../shared/fields.ts';
import { assertAdminRemains, createUser, endSessions, lockAdministrators, revokeApiKeys, UserFields } from './users.service.ts';
import { assertPasswordPolicy, NewPassword } from '../../core/password-policy.ts';
import { hashPassword } from '../../core/passwords.ts';
import { decodeCursor, encodeCursor } from '../../records/query.ts';

const UserPatch = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  role: z.string().min(1).max(50).optional(),
  team_id: z.number().int().positive().nullable().optional(),
  active: z.boolean().optional(),
  locale: z.enum(LOCALES).optional(),
  password: NewPassword.optional(),
});
const UserList = z.object({ q: z.string().max(100).optional(), limit: z.coerce.number().int().min(1).max(200).optional(), cursor: z.string().optional() });
const TeamBody = z.object({ name: z.string().trim().min(1).max(200), manager_id: z.number().int().positive().nullable().optional() });

const PUBLIC_COLUMNS = ['id', 'email', 'name', 'role', 'team_id', 'locale', 'active', 'created_at'] as const;

export default async function usersRoutes(app: FastifyInstance) {
  // Any signed-in user may list users (owner pickers); only admins change them.
  app.get('/users', { schema: { tags: ['users'] } }, async (req) => {
    actorOf(req);
    const q = parse(UserList, req.query);
    const limit = q.limit ?? 50;
    let query = app.db.selectFrom('users').select([...PUBLIC_COLUMNS]).orderBy('name').orderBy('id').limit(limit + 1);
    if (q.q) query = query.where((eb) => eb.or([eb('name', 'ilike', `%${q.q}%`), eb('email', 'ilike', `%${q.q}%`)]));
    if (q.cursor) {
      const [name, id] = decodeCursor(q.cursor);
      query = query.where(sql<boolean>`(name, id) > (${String(name)}, ${id})`);
    }
    const rows = await query.execute();
    const page = rows.slice(0, limit);
    return { data: page, next_cursor: rows.length > limit ? encodeCursor(page.at(-1)!.name, page.at(-1)!.id) : null };
  });

  app.get('/users/:id', { schema: { tags: ['users'] } }, async (req) => {
    actorOf(req);
    const row = await app.db.selectFrom('users').select([...PUBLIC_COLUMNS]).where('id', '=', parse(idParam, req.params).id).executeTakeFirst();
    if (!row) throw notFound('User');
    return { data: row };
  });

  app.post('/users', { schema: { tags: ['users'], body: doc(UserFields) } }, async (req, reply) => {
    const actor = actorOf(req);
    requireCan(actor, 'admin');
    const user = await createUser(app.db, parse(UserFields, req.body), actor.id);
    reply.status(201);
    return { data: user };
  });

  app.patch('/users/:id', { schema: { tags: ['users'], body: doc(UserPatch) } }, async (req) => {
    const actor = actorOf(req);
    requireCan(actor, 'admin');
    const { id } = parse(idParam, req.params);
    const body = parse(UserPatch, req.body);
    return app.db.transaction().execute(async (trx) => {
      // Before any row lock: a change of role or status may remove the last administrator.
      const mayRemoveAdmin = body.role !== undefined || body.active === false;
      if (mayRemoveAdmin) await lockAdministrators(trx);
      const before = await trx.selectFrom('users').select([...PUBLIC_COLUMNS]).where('id', '=', id).forUpdate().executeTakeFirst();
      if (!before) throw notFound('User');
      if (body.role !== undefined && !(await trx.selectFrom('roles').select('key').where('key', '=', body.role).executeTakeFirst())) {
        throw new AppError('validation_failed', 'Unknown role', [{ field: 'role', message: 'Unknown role' }]);
      }
      const { password, ...rest } = body;
      const set: Record<string, unknown> = { ...rest, updated_at: new Date() };
      if (password) {
        assertPasswordPolicy(password, before.email);
        set.password_hash = await hashPassword(password);
      }
      const after = await trx.updateTable('users').set(set).where('id', '=', id).returning([...PUBLIC_COLUMNS]).executeTakeFirstOrThrow();
      if (mayRemoveAdmin) await assertAdminRemains(trx);
      const changes: Record<string, unknown> = {};
      for (const k of Object.keys(rest)) changes[k] = [(before as Record<string, unknown>)[k], (after as Record<string, unknown>)[k]];
      // A reset password or a deactivated account ends every session and revokes every API key
      // (keys stay revoked if the account is activated again: its owner makes new ones).
      if (body.active === false || password) {
        await endSessions(trx, id);
        const revoked = await revokeApiKeys(trx, id);
        if (revoked) changes.api_keys_revoked = revoked;
      }
      if (password) changes.password = ['(changed)', '(changed)'];
      await writeAudit(trx, { actorId: actor.id, action: 'update', object: 'users', recordId: id, changes });
      return { data: after };
    });
  });

  app.get('/teams', { schema: { tags: ['users'] } }, async (req) => {
    actorOf(req);
    return { data: await app.db.selectFrom('teams').selectAll().orderBy('name').limit(1000).execute(), next_cursor: null };
  });
  app.post('/teams', { schema: { tags: ['users'], body: doc(TeamBody) } }, async (req, reply) => {
    const actor = actorOf(req);
    requireCan(actor, 'admin');
    const body = parse(TeamBody, req.body);
    const team = await app.db.transaction().execute(async (trx) => {
      const t = await trx.insertInto('teams').values({ name: body.name, manager_id: body.manager_id ?? null }).returningAll().executeTakeFirstOrThrow();
      await writeAudit(trx, { actorId: actor.id, action: 'create', object: 'teams', recordId: t.id, changes: body });
      return t;
    });
    reply.status(201);
    return { data: team };
  });
  app.patch('/teams/:id', { schema: { tags: ['users'], body: doc(TeamBody.partial()) } }, async (req) => {
    const actor = actorOf(req);
    requireCan(actor, 'admin');
    const { id } = parse(idParam, req.params);
    const body = parse(TeamBody.partial(), req.body);
    const team = await app.db.transaction().execute(async (trx) => {
      const t = await trx.updateTable('teams').set(body).where('id', '=', id).returningAll().executeTakeFirst();
      if (!t) throw notFound('Team');
      await writeAudit(trx, { actorId: actor.id, action: 'update', object: 'teams', recordId: id, changes: body });
      return t;
    });
    return { data: team };
  });
}
