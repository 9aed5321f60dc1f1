import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hook.ts';
import { doc, parse } from '../../http/validate.ts';
import { can, requireCan } from '../../core/access.ts';
import { writeAudit } from '../../core/audit.ts';
import { notFound } from '../../http/errors.ts';
import type { RolePermissions } from '../../db/schema.ts';
import { assertAdminRemains, lockAdministrators } from './users.service.ts';

const Visibility = z.enum(['own', 'team', 'all', 'none']);
const RoleBody = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  visibility: z.record(z.string().max(50), Visibility).optional(),
  field_rules: z.record(z.string().max(50), z.record(z.string().max(80), z.enum(['hidden', 'read']).nullable())).optional(),
  can: z.object({ admin: z.boolean(), write: z.boolean(), import: z.boolean(), export: z.boolean(), delete: z.boolean() }).partial().optional(),
});

export default async function rolesRoutes(app: FastifyInstance) {
  app.get('/roles', { schema: { tags: ['users'] } }, async (req) => {
    // Field rules name the fields a role may not see: only administrators read permissions.
    const admin = can(actorOf(req), 'admin');
    const rows = await app.db.selectFrom('roles').selectAll().orderBy('key').execute();
    return { data: rows.map((r) => ({ key: r.key, name: r.name, ...(admin ? (r.permissions as RolePermissions) : {}) })), next_cursor: null };
  });

  app.patch('/roles/:key', { schema: { tags: ['users'], body: doc(RoleBody) } }, async (req) => {
    const actor = actorOf(req);
    requireCan(actor, 'admin');
    const { key } = req.params as { key: string };
    const body = parse(RoleBody, req.body);
    return app.db.transaction().execute(async (trx) => {
      if (body.can?.admin === false) await lockAdministrators(trx);
      const role = await trx.selectFrom('roles').selectAll().where('key', '=', key).forUpdate().executeTakeFirst();
      if (!role) throw notFound('Role');
      const before = role.permissions as RolePermissions;
      const fieldRules: Record<string, Record<string, 'hidden' | 'read'>> = structuredClone(before.field_rules ?? {});
      for (const [object, rules] of Object.entries(body.field_rules ?? {})) {
        const merged: Record<string, 'hidden' | 'read'> = { ...(fieldRules[object] ?? {}) };
        // null removes a rule (the field becomes readable and writable again).
        for (const [field, rule] of Object.entries(rules)) if (rule === null) delete merged[field]; else merged[field] = rule;
        fieldRules[object] = merged;
      }
      const after: RolePermissions = {
        visibility: { ...(before.visibility ?? {}), ...(body.visibility ?? {}) },
        field_rules: fieldRules,
        can: { ...(before.can ?? {}), ...(body.can ?? {}) },
      };
      // An admin cannot lock every admin out of administration.
      if (key === 'admin') after.can = { ...after.can, admin: true };
      await trx.updateTable('roles').set({ permissions: JSON.stringify(after), name: body.name ?? role.name, updated_at: new Date() }).where('key', '=', key).execute();
      if (body.can?.admin === false) await assertAdminRemains(trx);
      await writeAudit(trx, { actorId: actor.id, action: 'update', object: 'roles', recordId: null, changes: { role: key, before, after } });
      return { data: { key, name: body.name ?? role.name, ...after } };
    });
  });
}
