import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { DEFAULT_ROLES } from './access.ts';
import { createUser } from '../modules/users/users.service.ts';
import { loadModules } from './module-loader.ts';
import { ensureSequence } from './numbering.ts';
import { fillSortKeys } from '../records/sort-key-fill.ts';

/**
 * Built-in roles exist on every database, each module's bootstrap step runs (`opts.modules`:
 * extra module folders), and an admin is created on first start when asked for.
 */
export async function bootstrap(db: Kysely<DB>, admin: { email?: string; password?: string }, opts: { modules?: readonly string[] } = {}): Promise<{ createdAdmin: boolean }> {
  for (const [key, r] of Object.entries(DEFAULT_ROLES)) {
    await db.insertInto('roles').values({ key, name: r.name, permissions: JSON.stringify(r.permissions) }).onConflict((oc) => oc.column('key').doNothing()).execute();
  }
  const modules = await loadModules(opts.modules);
  for (const m of modules) await m.bootstrap?.(db);
  // Records written before their object had a pinyin sort key get it (a chunk at a time).
  await fillSortKeys(db);
  // Every declared document number type has its counter row (an admin's pattern is kept).
  for (const m of modules) for (const def of m.objects ?? []) if (def.numbering) await ensureSequence(db, def.numbering);
  if (!admin.email || !admin.password) return { createdAdmin: false };
  const any = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (any) return { createdAdmin: false };
  await createUser(db, { email: admin.email, password: admin.password, name: 'Administrator', role: 'admin' }, null);
  return { createdAdmin: true };
}
