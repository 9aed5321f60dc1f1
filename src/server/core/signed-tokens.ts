// Signed tokens for links that identify a person without a login (unsubscribe, tracking pixels,
// later a quote's accept link or a survey invitation). A token is
//   base64url(subject) "." expiry (unix seconds, base 36) "." base64url(HMAC-SHA256)
// where the HMAC covers purpose, subject and expiry. The purpose is not in the token: a token
// made for one purpose simply fails the signature check for another, so a pixel token can never
// unsubscribe anyone. Verification compares in constant time and tries the current key, then the
// previous one (key rotation keeps links already sent working).
//
// Keys: GUANXI_SIGNING_SECRET (and GUANXI_SIGNING_SECRET_PREVIOUS) when configured; otherwise a
// random key generated once and kept in the `settings` row `security.signing_keys`, never
// answered by any API and never logged.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Tx } from '../records/types.ts';

export const SIGNING_KEYS_SETTING = 'security.signing_keys';
/** Keys read from the database are kept this long per process (another process may rotate). */
const CACHE_MS = 60_000;

export interface SigningKeys {
  /** Signs new tokens. */
  current: string;
  /** Still accepted (the key before the last rotation). */
  previous?: string | null;
}

export type Verified = { ok: true; subject: string; expiresAt: Date } | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' };

let configured: SigningKeys | null = null;
const cache = new WeakMap<object, { keys: SigningKeys; at: number }>();

/** At start (app.ts): a secret from the configuration wins over the stored one. */
export function useConfiguredSigningSecret(secret: string | undefined, previous?: string): void {
  configured = secret ? { current: secret, previous: previous || null } : null;
}

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64url');

/** A random URL-safe key (signing keys; public names such as a web form's key). */
export const randomKey = (bytes = 32) => b64(randomBytes(bytes));

function mac(key: string, purpose: string, subject: string, exp: number): Buffer {
  return createHmac('sha256', key).update(`${purpose}\n${subject}\n${exp}`).digest();
}

/** A token for `subject` (an id, usually) valid `ttlSeconds` for `purpose` only. */
export function signToken(keys: SigningKeys, purpose: string, subject: string | number, ttlSeconds: number, now = Date.now()): string {
  const exp = Math.floor(now / 1000) + Math.max(1, Math.floor(ttlSeconds));
  const s = String(subject);
  return `${b64(s)}.${exp.toString(36)}.${b64(mac(keys.current, purpose, s, exp))}`;
}

/** Checks signature (any accepted key), purpose and expiry; never throws. */
export function verifyToken(keys: SigningKeys, purpose: string, token: unknown, now = Date.now()): Verified {
  if (typeof token !== 'string' || token.length > 512) return { ok: false, reason: 'malformed' };
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]+$/.test(p))) return { ok: false, reason: 'malformed' };
  const [subj, expRaw, sigRaw] = parts as [string, string, string];
  const subject = Buffer.from(subj, 'base64url').toString('utf8');
  const exp = parseInt(expRaw, 36);
  const sig = Buffer.from(sigRaw, 'base64url');
  if (!Number.isSafeInteger(exp) || sig.length !== 32 || b64(subject) !== subj) return { ok: false, reason: 'malformed' };
  const candidates = [keys.current, keys.previous].filter((k): k is string => !!k);
  // Every key is checked (no early exit), so timing does not tell which one matched.
  let good = false;
  for (const k of candidates) good = timingSafeEqual(mac(k, purpose, subject, exp), sig) || good;
  if (!good) return { ok: false, reason: 'bad_signature' };
  if (exp * 1000 <= now) return { ok: false, reason: 'expired' };
  return { ok: true, subject, expiresAt: new Date(exp * 1000) };
}

async function storedKeys(db: Tx): Promise<SigningKeys> {
  const read = async () => (await sql<{ value: SigningKeys }>`SELECT value FROM settings WHERE key = ${SIGNING_KEYS_SETTING}`.execute(db)).rows[0]?.value;
  const found = await read();
  if (found?.current) return found;
  // The first caller generates it; a concurrent first caller's insert loses and both read the winner.
  const fresh: SigningKeys = { current: randomKey(), previous: null };
  await sql`INSERT INTO settings (key, value) VALUES (${SIGNING_KEYS_SETTING}, ${JSON.stringify(fresh)}::jsonb) ON CONFLICT (key) DO NOTHING`.execute(db);
  return (await read())!;
}

/** The keys tokens are signed and checked with (configured, else stored; cached a minute). */
export async function signingKeys(db: Kysely<DB> | Tx): Promise<SigningKeys> {
  if (configured) return configured;
  const hit = cache.get(db);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.keys;
  const keys = await storedKeys(db);
  cache.set(db, { keys, at: Date.now() });
  return keys;
}

/** A new stored key; the old one stays valid as `previous` (links already sent keep working). */
export async function rotateSigningKey(db: Kysely<DB>): Promise<void> {
  const old = await storedKeys(db);
  const next: SigningKeys = { current: randomKey(), previous: old.current };
  await sql`UPDATE settings SET value = ${JSON.stringify(next)}::jsonb, updated_at = now() WHERE key = ${SIGNING_KEYS_SETTING}`.execute(db);
  cache.delete(db);
}

export async function sign(db: Kysely<DB> | Tx, purpose: string, subject: string | number, ttlSeconds: number): Promise<string> {
  return signToken(await signingKeys(db), purpose, subject, ttlSeconds);
}

export async function verify(db: Kysely<DB> | Tx, purpose: string, token: unknown): Promise<Verified> {
  return verifyToken(await signingKeys(db), purpose, token);
}
