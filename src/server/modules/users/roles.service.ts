import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB, RolePermissions } from '../../db/schema.ts';
import { can, type Actor } from '../../core/access.ts';
import { writeAudit } from '../../core/audit.ts';
import { notFound } from '../../http/errors.ts';
import { assertAdminRemains, lockAdministrators } from './users.service.ts';
import { selectRoleForUpdate, selectRoles, updateRoleRow } from './users.repo.ts';

const Visibility = z.enum(['own', 'team', 'all', 'none']);
export const RoleBody = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  visibility: z.record(z.string().max(50), Visibility).optional(),
  field_rules: z.record(z.string().max(50), z.record(z.string().max(80), z.enum(['hidden', 'read']).nullable())).optional(),
  can: z.object({ admin: z.boolean(), write: z.boolean(), import: z.boolean(), export: z.boolean(), delete: z.boolean() }).partial().optional(),
});

export async function listRoles(db: Kysely<DB>, actor: Actor) {
  // Field rules name the fields a role may not see: only administrators read permissions.
  const admin = can(actor, 'admin');
  const rows = await selectRoles(db);
  return rows.map((r) => ({ key: r.key, name: r.name, ...(admin ? (r.permissions as RolePermissions) : {}) }));
}

export function updateRole(db: Kysely<DB>, actor: Actor, key: string, body: z.infer<typeof RoleBody>) {
  return db.transaction().execute(async (trx) => {
    if (body.can?.admin === false) await lockAdministrators(trx);
    const role = await selectRoleForUpdate(trx, key);
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
    await updateRoleRow(trx, key, body.name ?? role.name, after);
    if (body.can?.admin === false) await assertAdminRemains(trx);
    await writeAudit(trx, { actorId: actor.id, action: 'update', object: 'roles', recordId: null, changes: { role: key, before, after } });
    return { key, name: body.name ?? role.name, ...after };
  });
}
