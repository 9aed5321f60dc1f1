import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../core/access.ts';
import { loadActor } from '../modules/auth/auth.service.ts';
import { AppError } from '../http/errors.ts';

/** The user a CLI command acts as: --as EMAIL, or the first active admin. */
export async function cliActor(db: Kysely<DB>, email?: string): Promise<Actor> {
  let q = db.selectFrom('users').select('id').where('active', '=', true).orderBy('id').limit(1);
  q = email ? q.where('email', '=', email.toLowerCase()) : q.where('role', '=', 'admin');
  const u = await q.executeTakeFirst();
  const actor = u ? await loadActor(db, u.id) : null;
  if (!actor) throw new AppError('not_found', email ? `No active user ${email}` : 'No admin user yet: create one with `guanxi user create` or GUANXI_ADMIN_EMAIL/GUANXI_ADMIN_PASSWORD');
  return actor;
}
