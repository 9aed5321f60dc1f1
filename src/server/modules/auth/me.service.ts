import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../core/access.ts';
import { writeAudit } from '../../core/audit.ts';
import { assertPasswordPolicy, NewPassword } from '../../core/password-policy.ts';
import { hashPassword, verifyPassword } from '../../core/passwords.ts';
import { AppError } from '../../http/errors.ts';
import { LOCALES } from '../../../shared/fields.ts';
import { endSessions } from '../users/users.service.ts';
import { selectPasswordHash, updateUserRow } from '../users/users.repo.ts';

export const MeBody = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  locale: z.enum(LOCALES).optional(),
  password: NewPassword.optional(),
  current_password: z.string().optional(),
});

/**
 * A user's change of their own name, locale or password. A new password needs the current one
 * and signs out every other session (keepSession: the token hash of the one making the change).
 */
export async function updateMe(db: Kysely<DB>, actor: Actor, body: z.infer<typeof MeBody>, keepSession: string | undefined): Promise<void> {
  const set: Record<string, unknown> = { updated_at: new Date() };
  if (body.name) set.name = body.name;
  if (body.locale) set.locale = body.locale;
  if (body.password) {
    const hash = await selectPasswordHash(db, actor.id);
    if (!body.current_password || !(await verifyPassword(body.current_password, hash))) {
      throw new AppError('validation_failed', 'The current password is wrong', [{ field: 'current_password', message: 'Wrong password', code: 'wrong_password' }]);
    }
    assertPasswordPolicy(body.password, actor.email);
    set.password_hash = await hashPassword(body.password);
  }
  await db.transaction().execute(async (trx) => {
    await updateUserRow(trx, actor.id, set);
    // Whoever knew the old password is signed out everywhere else; this session stays.
    if (body.password) await endSessions(trx, actor.id, keepSession);
    const changed = Object.keys(set).filter((k) => k !== 'updated_at').map((k) => (k === 'password_hash' ? 'password' : k));
    await writeAudit(trx, { actorId: actor.id, action: 'update', object: 'users', recordId: actor.id, changes: { fields: changed } });
  });
}
