import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import { LOCALES } from '../../../shared/fields.ts';
import { NewPassword } from '../../core/password-policy.ts';
import { createUser } from '../users/users.service.ts';
import { anyUserExists, lockUsersTable } from '../users/users.repo.ts';

export const SetupBody = z.object({
  email: z.email({ message: 'Not a valid email address' }).max(320),
  name: z.string().trim().min(1).max(200),
  password: NewPassword,
  locale: z.enum(LOCALES).optional(),
});

export const setupNeeded = async (db: Kysely<DB>) => !(await anyUserExists(db));

/** The first administrator; serialised so two first-run requests cannot both create one. */
export function createFirstAdmin(db: Kysely<DB>, body: z.infer<typeof SetupBody>) {
  return db.transaction().execute(async (trx) => {
    await lockUsersTable(trx);
    if (await anyUserExists(trx)) throw new AppError('conflict', 'Guanxi is already set up; sign in instead');
    return createUser(trx, { ...body, role: 'admin' }, null);
  });
}
