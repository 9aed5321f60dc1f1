import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { hashPassword } from '../../core/passwords.ts';
import { writeAudit } from '../../core/audit.ts';
import { AppError } from '../../http/errors.ts';
import { LOCALES } from '../../../shared/fields.ts';
import { inTransaction } from '../../db/tx.ts';

export const UserFields = z.object({
  email: z.email({ message: 'Not a valid email address' }).max(320),
  name: z.string().trim().min(1).max(200),
  password: z.string().min(8, 'At least 8 characters').max(500),
  role: z.string().min(1).max(50),
  team_id: z.number().int().positive().nullable().optional(),
  locale: z.enum(LOCALES).optional(),
});

export async function createUser(db: Kysely<DB>, input: z.infer<typeof UserFields>, actorId: number | null) {
  const role = await db.selectFrom('roles').select('key').where('key', '=', input.role).executeTakeFirst();
  if (!role) throw new AppError('validation_failed', 'Unknown role', [{ field: 'role', message: 'Unknown role' }]);
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
