import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB, RolePermissions } from '../../db/schema.ts';
import { can, followSourceRules, type Actor } from '../../core/access.ts';
import { writeAudit } from '../../core/audit.ts';
import { notFound } from '../../http/errors.ts';
import { objectNames } from '../../records/registry.ts';
import { RECORD_ACTIONS, type RecordAction } from '../../../shared/objects.ts';
import { assertAdminRemains, lockAdministrators } from './users.service.ts';
import { selectRoleForUpdate, selectRoles, updateRoleRow } from './users.repo.ts';

const Visibility = z.enum(['own', 'team', 'all', 'none']);
export const RoleBody = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  visibility: z.record(z.string().max(50), Visibility).optional(),
  field_rules: z.record(z.string().max(50), z.record(z.string().max(80), z.enum(['hidden', 'read']).nullable())).optional(),
  can: z.object({ admin: z.boolean(), write: z.boolean(), import: z.boolean(), export: z.boolean(), delete: z.boolean() }).partial().optional(),
  /** Per object and action: true/false overrides the object's default policy, null removes the override. */
  objects: z.record(z.string().max(50), z.partialRecord(z.enum(RECORD_ACTIONS), z.boolean().nullable()))
    .superRefine((objects, ctx) => {
      const known = objectNames();
      for (const name of Object.keys(objects)) {
        if (!known.includes(name)) ctx.addIssue({ code: 'custom', path: [name], message: `Unknown object ${name}` });
      }
    })
    .optional(),
});

type ObjectRules = NonNullable<RolePermissions['objects']>;

/** The role's per-object settings with the request's applied (null removes one; an object left with none is dropped). */
function mergeObjectRules(before: ObjectRules | undefined, changes: z.infer<typeof RoleBody>['objects']): ObjectRules {
  const out: ObjectRules = structuredClone(before ?? {});
  for (const [object, actions] of Object.entries(changes ?? {})) {
    const merged: Partial<Record<RecordAction, boolean>> = { ...(out[object] ?? {}) };
    for (const [action, allowed] of Object.entries(actions) as [RecordAction, boolean | null][]) {
      if (allowed === null) delete merged[action]; else merged[action] = allowed;
    }
    if (Object.keys(merged).length) out[object] = merged; else delete out[object];
  }
  return out;
}

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
      fieldRules[object] = followSourceRules(object, merged);
    }
    const after: RolePermissions = {
      visibility: { ...(before.visibility ?? {}), ...(body.visibility ?? {}) },
      field_rules: fieldRules,
      can: { ...(before.can ?? {}), ...(body.can ?? {}) },
      objects: mergeObjectRules(before.objects, body.objects),
    };
    // An admin cannot lock every admin out of administration.
    if (key === 'admin') after.can = { ...after.can, admin: true };
    await updateRoleRow(trx, key, body.name ?? role.name, after);
    if (body.can?.admin === false) await assertAdminRemains(trx);
    await writeAudit(trx, { actorId: actor.id, action: 'update', object: 'roles', recordId: null, changes: { role: key, before, after } });
    return { key, name: body.name ?? role.name, ...after };
  });
}
