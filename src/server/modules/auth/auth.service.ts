import { sql, type Kysely } from 'kysely';
import type { DB, RolePermissions } from '../../db/schema.ts';
import type { Actor } from '../../core/access.ts';
import { AppError } from '../../http/errors.ts';
import { randomToken, tokenHash, verifyPassword } from '../../core/passwords.ts';
import type { Config } from '../../config.ts';
import { LOGIN_WINDOW_MINUTES, loginThrottled, normaliseEmail } from './login-throttle.ts';

const API_KEY_PREFIX = 'gx_';
const TOUCH_EVERY_MS = 5 * 60_000;

// A hash of a random secret with the current parameters: an unknown account costs the same
// scrypt work as a wrong password, so the answer's timing does not tell which e-mails exist.
const DUMMY_HASH = 'scrypt$16384$8$1$HR3dbI73iguXn5bHxMBfpQ==$Vu4z71uhZCGTHX1Amh8NtfzMNjBNsqwmgHgH69eHo6Y=';

export async function login(
  db: Kysely<DB>,
  config: Config,
  input: { email: string; password: string; ip?: string; userAgent?: string },
): Promise<{ token: string; expiresAt: Date; actor: Actor }> {
  const email = normaliseEmail(input.email).slice(0, 320);
  const ip = input.ip ?? null;
  const record = (userId: number | null, success: boolean) =>
    db.insertInto('login_history').values({ user_id: userId, email, success, ip, user_agent: input.userAgent?.slice(0, 500) ?? null }).execute();
  if (await loginThrottled(db, email, ip)) {
    await record(null, false);
    throw new AppError('rate_limited', `Too many failed sign-ins; try again in ${LOGIN_WINDOW_MINUTES} minutes`);
  }
  const user = await db.selectFrom('users').selectAll().where(sql`lower(email)`, '=', email).executeTakeFirst();
  // Always one password check, and one answer for an unknown account, a wrong password and a
  // deactivated user.
  const valid = await verifyPassword(input.password, user?.password_hash ?? DUMMY_HASH);
  const ok = Boolean(user && user.active && valid);
  await record(user?.id ?? null, ok);
  if (!ok || !user) throw new AppError('unauthenticated', 'Wrong email or password');
  const token = randomToken();
  const expiresAt = new Date(Date.now() + config.sessionMaxDays * 86_400_000);
  await db.insertInto('sessions').values({ token_hash: tokenHash(token), user_id: user.id, expires_at: expiresAt }).execute();
  const actor = await loadActor(db, user.id);
  return { token, expiresAt, actor: actor! };
}

export async function logout(db: Kysely<DB>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash(token)).execute();
  invalidateAuthCache();
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

type Resolved = { actor: Actor; via: 'session' | 'api_key' };

interface CachedToken {
  at: number;
  generation: number;
  resolved: Resolved;
  /** Sessions: when it ends (absolute and idle); both are checked on every hit. */
  expiresAt?: number;
  /** Sessions: last_seen_at; API keys: last_used_at (to touch them as often as before). */
  lastSeen: number;
}

/**
 * Who a token is, cached for a moment: the list endpoint's own query is ~1 ms, so one more
 * round trip per request for the session was a large share of every request. Any write through
 * the API (POST/PUT/PATCH/DELETE: logout, revoking a key, changing a role, a user or a team)
 * clears the cache before its answer is sent (http/auth-hook.ts), so this process never serves
 * an actor older than the last change it made; another process sharing the database sees a
 * change made elsewhere within AUTH_CACHE_MS.
 */
export const AUTH_CACHE_MS = 2_000;
const MAX_CACHED = 10_000;
let generation = 0;
let tokenCache = new WeakMap<object, Map<string, CachedToken>>();

/** Forgets every cached token resolution (all databases of this process). */
export function invalidateAuthCache(): void {
  generation++;
  tokenCache = new WeakMap();
}

function cacheOf(db: Kysely<DB>): Map<string, CachedToken> {
  let m = tokenCache.get(db);
  if (!m) tokenCache.set(db, (m = new Map()));
  return m;
}

/** Resolves a bearer token or cookie value: a session token or an API key. */
export async function resolveToken(db: Kysely<DB>, config: Config, token: string): Promise<Resolved | null> {
  const hash = tokenHash(token);
  const now = Date.now();
  const cache = cacheOf(db);
  const hit = cache.get(hash);
  if (hit) {
    const fresh = hit.generation === generation && now - hit.at < AUTH_CACHE_MS;
    const live = hit.expiresAt === undefined || (hit.expiresAt >= now && hit.lastSeen + config.sessionIdleHours * 3_600_000 >= now);
    // Due for a touch: the database path below does it (and re-caches).
    if (fresh && live && now - hit.lastSeen <= TOUCH_EVERY_MS) return hit.resolved;
    cache.delete(hash);
  }
  const gen = generation;
  const remember = (c: Omit<CachedToken, 'at' | 'generation'>) => {
    // A change committed while this lookup ran has bumped the generation: do not keep its answer.
    if (gen !== generation) return;
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(hash, { ...c, at: Date.now(), generation: gen });
  };
  if (token.startsWith(API_KEY_PREFIX)) {
    const key = await db.selectFrom('api_keys').select(['id', 'user_id', 'last_used_at']).where('token_hash', '=', hash).where('revoked_at', 'is', null).executeTakeFirst();
    if (!key) return null;
    let lastUsed = key.last_used_at ? new Date(key.last_used_at).getTime() : 0;
    if (!key.last_used_at || Date.now() - lastUsed > TOUCH_EVERY_MS) {
      await db.updateTable('api_keys').set({ last_used_at: new Date() }).where('id', '=', key.id).execute();
      lastUsed = Date.now();
    }
    const actor = await loadActor(db, key.user_id);
    if (!actor) return null;
    const resolved: Resolved = { actor, via: 'api_key' };
    remember({ resolved, lastSeen: lastUsed });
    return resolved;
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
  let lastSeen = new Date(s.last_seen_at).getTime();
  const expiresAt = new Date(s.expires_at).getTime();
  const idleLimit = lastSeen + config.sessionIdleHours * 3_600_000;
  if (expiresAt < now || idleLimit < now) {
    await db.deleteFrom('sessions').where('token_hash', '=', hash).execute();
    return null;
  }
  if (now - lastSeen > TOUCH_EVERY_MS) {
    await db.updateTable('sessions').set({ last_seen_at: new Date() }).where('token_hash', '=', hash).execute();
    lastSeen = Date.now();
  }
  const actor: Actor = { id: s.id, email: s.email, name: s.name, role: s.role, team_id: s.team_id, locale: s.locale, permissions: s.permissions as RolePermissions };
  const resolved: Resolved = { actor, via: 'session' };
  remember({ resolved, lastSeen, expiresAt });
  return resolved;
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
