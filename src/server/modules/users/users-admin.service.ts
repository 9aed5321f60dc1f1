import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../core/access.ts';
import { writeAudit } from '../../core/audit.ts';
import { assertPasswordPolicy, NewPassword } from '../../core/password-policy.ts';
import { hashPassword } from '../../core/passwords.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { LOCALES } from '../../../shared/fields.ts';
import { decodeCursor } from '../../records/query.ts';
import { pageOf } from '../../records/page.ts';
import { assertAdminRemains, endSessions, lockAdministrators, revokeApiKeys } from './users.service.ts';
import * as repo from './users.repo.ts';

export const UserPatch = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  role: z.string().min(1).max(50).optional(),
  team_id: z.number().int().positive().nullable().optional(),
  active: z.boolean().optional(),
  locale: z.enum(LOCALES).optional(),
  password: NewPassword.optional(),
});
export const UserList = z.object({ q: z.string().max(100).optional(), limit: z.coerce.number().int().min(1).max(200).optional(), cursor: z.string().optional() });
export const TeamBody = z.object({ name: z.string().trim().min(1).max(200), manager_id: z.number().int().positive().nullable().optional() });

export async function listUsers(db: Kysely<DB>, q: z.infer<typeof UserList>) {
  const limit = q.limit ?? 50;
  const after = q.cursor ? decodeCursor(q.cursor) : undefined;
  const rows = await repo.selectUsersPage(db, { text: q.q, after: after && [String(after[0]), after[1]], limit: limit + 1 });
  return pageOf(rows, limit, (u) => [u.name, u.id]);
}

export async function getUser(db: Kysely<DB>, id: number) {
  const row = await repo.selectUser(db, id);
  if (!row) throw notFound('User');
  return row;
}

/** An administrator's change of a user: role, status, password (ending sessions and keys). */
export function updateUser(db: Kysely<DB>, actor: Actor, id: number, body: z.infer<typeof UserPatch>) {
  return db.transaction().execute(async (trx) => {
    // Before any row lock: a change of role or status may remove the last administrator.
    const mayRemoveAdmin = body.role !== undefined || body.active === false;
    if (mayRemoveAdmin) await lockAdministrators(trx);
    const before = await repo.selectUser(trx, id, { forUpdate: true });
    if (!before) throw notFound('User');
    if (body.role !== undefined && !(await repo.roleExists(trx, body.role))) {
      throw new AppError('validation_failed', 'Unknown role', [{ field: 'role', message: 'Unknown role', code: 'unknown_role' }]);
    }
    const { password, ...rest } = body;
    const set: Record<string, unknown> = { ...rest, updated_at: new Date() };
    if (password) {
      assertPasswordPolicy(password, before.email);
      set.password_hash = await hashPassword(password);
    }
    const after = await repo.updateUserRow(trx, id, set);
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
    return after;
  });
}

export const listTeams = (db: Kysely<DB>) => repo.selectTeams(db);

export function createTeam(db: Kysely<DB>, actor: Actor, body: z.infer<typeof TeamBody>) {
  return db.transaction().execute(async (trx) => {
    const t = await repo.insertTeam(trx, { name: body.name, manager_id: body.manager_id ?? null });
    await writeAudit(trx, { actorId: actor.id, action: 'create', object: 'teams', recordId: t.id, changes: body });
    return t;
  });
}

export function updateTeam(db: Kysely<DB>, actor: Actor, id: number, body: Partial<z.infer<typeof TeamBody>>) {
  return db.transaction().execute(async (trx) => {
    const t = await repo.updateTeamRow(trx, id, body);
    if (!t) throw notFound('Team');
    await writeAudit(trx, { actorId: actor.id, action: 'update', object: 'teams', recordId: id, changes: body });
    return t;
  });
}
