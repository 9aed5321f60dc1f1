import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { hashPassword } from '../../core/passwords.ts';
import { assertPasswordPolicy, NewPassword } from '../../core/password-policy.ts';
import { writeAudit } from '../../core/audit.ts';
import { AppError } from '../../http/errors.ts';
import { LOCALES } from '../../../shared/fields.ts';
import { inTransaction } from '../../db/tx.ts';

export const UserFields = z.object({
  email: z.email({ message: 'Not a valid email address' }).max(320),
  name: z.string().trim().min(1).max(200),
  password: NewPassword,
  role: z.string().min(1).max(50),
  team_id: z.number().int().positive().nullable().optional(),
  locale: z.enum(LOCALES).optional(),
});

export async function createUser(db: Kysely<DB>, input: z.infer<typeof UserFields>, actorId: number | null) {
  const role = await db.selectFrom('roles').select('key').where('key', '=', input.role).executeTakeFirst();
  if (!role) throw new AppError('validation_failed', 'Unknown role', [{ field: 'role', message: 'Unknown role', code: 'unknown_role' }]);
  // Also for callers that skip the request contract: the CLI and GUANXI_ADMIN_PASSWORD.
  assertPasswordPolicy(input.password, input.email);
  const password_hash = await hashPassword(input.password);
  return inTransaction(db, async (trx) => {
    const user = await trx
      .insertInto('users')
      .values({ email: input.email.toLowerCase(), name: input.name, password_hash, role: input.role, team_id: input.team_id ?? null, locale: input.locale ?? 'en' })
      .returning(['id', 'email', 'name', 'role', 'team_id', 'locale', 'active', 'created_at'])
      .executeTakeFirstOrThrow();
    await writeAudit(trx, { actorId, action: 'create', object: 'users', recordId: user.id, changes: { email: user.email, name: user.name, role: user.role, team_id: user.team_id } });
    return user;
  });
}

/** Signs a user out of every session, or of every other one (`exceptTokenHash`: the current). */
export async function endSessions(db: Kysely<DB>, userId: number, exceptTokenHash?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptTokenHash) q = q.where('token_hash', '<>', exceptTokenHash);
  await q.execute();
}

/** Revokes every live API key of a user; returns how many. A revoked key never works again. */
export async function revokeApiKeys(db: Kysely<DB>, userId: number): Promise<number> {
  const r = await db.updateTable('api_keys').set({ revoked_at: new Date() }).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/**
 * Refuses a change that would leave no active user with administration rights (a role whose
 * `can.admin` is true). Called inside the change's transaction after the change, which rolls
 * back with it; lockAdministrators first, so two admins demoting each other at once cannot
 * both pass.
 */
export async function assertAdminRemains(db: Kysely<DB>): Promise<void> {
  const { n } = await db
    .selectFrom('users')
    .innerJoin('roles', 'roles.key', 'users.role')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('users.active', '=', true)
    .where(sql<boolean>`(roles.permissions->'can'->>'admin')::boolean IS TRUE`)
    .executeTakeFirstOrThrow();
  if (n === 0) throw new AppError('conflict', 'This would leave no active administrator: make another user an administrator first', { reason: 'last_admin' });
}

/** Serialises changes that may remove administration rights (see assertAdminRemains). */
export async function lockAdministrators(db: Kysely<DB>): Promise<void> {
  await sql`LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE`.execute(db);
}
