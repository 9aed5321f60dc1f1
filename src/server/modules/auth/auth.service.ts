import { sql, type Kysely } from 'kysely';
import type { DB, RolePermissions } from '../../db/schema.ts';
import type { Actor } from '../../core/access.ts';
import { AppError } from '../../http/errors.ts';
import { randomToken, tokenHash, verifyPassword } from '../../core/passwords.ts';
import type { Config } from '../../config.ts';

const API_KEY_PREFIX = 'gx_';
const TOUCH_EVERY_MS = 5 * 60_000;

export async function login(
  db: Kysely<DB>,
  config: Config,
  input: { email: string; password: string; ip?: string; userAgent?: string },
): Promise<{ token: string; expiresAt: Date; actor: Actor }> {
  const user = await db.selectFrom('users').selectAll().where(sql`lower(email)`, '=', input.email.trim().toLowerCase()).executeTakeFirst();
  const ok = user && user.active && (await verifyPassword(input.password, user.password_hash));
  await db
    .insertInto('login_history')
    .values({ user_id: user?.id ?? null, email: input.email.slice(0, 320), success: Boolean(ok), ip: input.ip ?? null, user_agent: input.userAgent?.slice(0, 500) ?? null })
    .execute();
  if (!ok) throw new AppError('unauthenticated', 'Wrong email or password');
  const token = randomToken();
  const expiresAt = new Date(Date.now() + config.sessionMaxDays * 86_400_000);
  await db.insertInto('sessions').values({ token_hash: tokenHash(token), user_id: user.id, expires_at: expiresAt }).execute();
  const actor = await loadActor(db, user.id);
  return { token, expiresAt, actor: actor! };
}

export async function logout(db: Kysely<DB>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash(token)).execute();
}

export async function loadActor(db: Kysely<DB>, userId: number): Promise<Actor | null> {
  const row = await db
    .selectFrom('users')
    .innerJoin('roles', 'roles.key', 'users.role')
    .select(['users.id', 'users.email', 'users.name', 'users.role', 'users.team_id', 'users.locale', 'users.active', 'roles.permissions'])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (!row || !row.active) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role, team_id: row.team_id, locale: row.locale, permissions: row.permissions as RolePermissions };
}

/** Resolves a bearer token or cookie value: a session token or an API key. */
export async function resolveToken(db: Kysely<DB>, config: Config, token: string): Promise<{ actor: Actor; via: 'session' | 'api_key' } | null> {
  const hash = tokenHash(token);
  if (token.startsWith(API_KEY_PREFIX)) {
    const key = await db.selectFrom('api_keys').select(['id', 'user_id', 'last_used_at']).where('token_hash', '=', hash).where('revoked_at', 'is', null).executeTakeFirst();
    if (!key) return null;
    if (!key.last_used_at || Date.now() - new Date(key.last_used_at).getTime() > TOUCH_EVERY_MS) {
      await db.updateTable('api_keys').set({ last_used_at: new Date() }).where('id', '=', key.id).execute();
    }
    const actor = await loadActor(db, key.user_id);
    return actor ? { actor, via: 'api_key' } : null;
  }
  // One query: the session with its user and role.
  const s = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('roles', 'roles.key', 'users.role')
    .select(['sessions.expires_at', 'sessions.last_seen_at', 'users.id', 'users.email', 'users.name', 'users.role', 'users.team_id', 'users.locale', 'users.active', 'roles.permissions'])
    .where('sessions.token_hash', '=', hash)
    .executeTakeFirst();
  if (!s || !s.active) return null;
  const now = Date.now();
  const idleLimit = new Date(s.last_seen_at).getTime() + config.sessionIdleHours * 3_600_000;
  if (new Date(s.expires_at).getTime() < now || idleLimit < now) {
    await db.deleteFrom('sessions').where('token_hash', '=', hash).execute();
    return null;
  }
  if (now - new Date(s.last_seen_at).getTime() > TOUCH_EVERY_MS) {
    await db.updateTable('sessions').set({ last_seen_at: new Date() }).where('token_hash', '=', hash).execute();
  }
  const actor: Actor = { id: s.id, email: s.email, name: s.name, role: s.role, team_id: s.team_id, locale: s.locale, permissions: s.permissions as RolePermissions };
  return { actor, via: 'session' };
}

export async function createApiKey(db: Kysely<DB>, userId: number, name: string) {
  const token = API_KEY_PREFIX + randomToken(24);
  const row = await db
    .insertInto('api_keys')
    .values({ user_id: userId, name, prefix: token.slice(0, 8), token_hash: tokenHash(token) })
    .returning(['id', 'name', 'prefix', 'created_at'])
    .executeTakeFirstOrThrow();
  return { ...row, token };
}
