// Secrets at rest (the SMTP password, later API keys of other services): sealed with AES-256-GCM
// before they are stored, opened only where the server uses them. A sealed value is
//   "gx1." key id "." base64url(IV, 12 bytes) "." base64url(ciphertext + 16-byte tag)
// The version prefix lets the format change; the key id (first 6 bytes of the key's SHA-256)
// picks the key among the current and the previous one, so a key can rotate: values sealed
// under the previous key still open and are sealed again under the current one on the next save
// or start. The purpose is authenticated data: a value sealed for one use does not open as another.
//
// Keys, first found wins:
//   1. GUANXI_SECRET_KEY (and GUANXI_SECRET_KEY_PREVIOUS): 32 bytes, base64 or hex;
//   2. PGlite with a data folder: a key file beside it (`<data folder>.secret-key`, mode 0600),
//      generated on first start — so a copy of the data folder alone does not open the secrets;
//   3. otherwise (PostgreSQL without the variable, in-memory PGlite): a random key kept in the
//      settings row `security.secret_key` of the same database. That keeps secrets out of API
//      answers, logs and settings exports, but anyone with a database dump can open them:
//      set GUANXI_SECRET_KEY on PostgreSQL (docs/operations.md).
import fs from 'node:fs';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Tx } from '../records/types.ts';

export const SECRET_KEY_SETTING = 'security.secret_key';
const VERSION = 'gx1';

export interface SecretKeys {
  current: Buffer;
  previous?: Buffer | null;
}

/** A sealed value that cannot be opened: the key changed or was lost, or the value was altered. */
export class SecretUnreadable extends Error {}

let configured: SecretKeys | null = null;
const stored = new WeakMap<object, SecretKeys>();

/** 32 bytes from base64 (standard or URL-safe) or 64 hex digits; null otherwise. */
export function parseSecretKey(text: string): Buffer | null {
  const v = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(v)) return Buffer.from(v, 'hex');
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(v)) return null;
  const b = Buffer.from(v.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return b.length === 32 ? b : null;
}

/** At start (app.ts): keys from the configuration or the key file; null = the database's own key. */
export function useSecretKeys(keys: SecretKeys | null): void {
  configured = keys;
}

/** The key file beside a PGlite data folder: read, or created (0600, never overwritten) on first start. */
export function keyFileKeys(file: string): SecretKeys {
  try {
    fs.writeFileSync(file, randomBytes(32).toString('base64') + '\n', { flag: 'wx', mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  const key = parseSecretKey(fs.readFileSync(file, 'utf8'));
  // The file's content never goes into the message.
  if (!key) throw new Error(`${file} does not hold a 32-byte key (base64 or hex)`);
  return { current: key };
}

async function databaseKeys(db: Tx): Promise<SecretKeys> {
  const cached = stored.get(db);
  if (cached) return cached;
  const read = async () => (await sql<{ value: { key: string } }>`SELECT value FROM settings WHERE key = ${SECRET_KEY_SETTING}`.execute(db)).rows[0]?.value.key;
  // The first caller generates it; a concurrent first caller's insert loses and both read the winner.
  if (!(await read())) {
    const value = JSON.stringify({ key: randomBytes(32).toString('base64') });
    await sql`INSERT INTO settings (key, value) VALUES (${SECRET_KEY_SETTING}, ${value}::jsonb) ON CONFLICT (key) DO NOTHING`.execute(db);
  }
  const keys = { current: parseSecretKey((await read())!)! };
  stored.set(db, keys);
  return keys;
}

/** The keys in force for this database. */
export async function secretKeys(db: Tx | Kysely<DB>): Promise<SecretKeys> {
  return configured ?? databaseKeys(db);
}

const kid = (key: Buffer) => createHash('sha256').update(key).digest().subarray(0, 6).toString('base64url');

export function seal(keys: SecretKeys, purpose: string, plain: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', keys.current, iv);
  c.setAAD(Buffer.from(purpose));
  const body = Buffer.concat([c.update(plain, 'utf8'), c.final(), c.getAuthTag()]);
  return [VERSION, kid(keys.current), iv.toString('base64url'), body.toString('base64url')].join('.');
}

/** Whether a sealed value was sealed under a key other than the current one (seal it again). */
export function sealedUnderOldKey(keys: SecretKeys, sealed: string): boolean {
  return sealed.split('.')[1] !== kid(keys.current);
}

/** The plain text, or SecretUnreadable (never garbage: GCM checks the tag). */
export function open(keys: SecretKeys, purpose: string, sealed: string): string {
  const parts = sealed.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION) throw new SecretUnreadable('not a sealed value');
  const key = [keys.current, keys.previous].find((k): k is Buffer => !!k && kid(k) === parts[1]);
  if (!key) throw new SecretUnreadable('sealed under a key that is not configured');
  const body = Buffer.from(parts[3]!, 'base64url');
  if (body.length < 16) throw new SecretUnreadable('truncated');
  try {
    const d = createDecipheriv('aes-256-gcm', key, Buffer.from(parts[2]!, 'base64url'));
    d.setAAD(Buffer.from(purpose));
    d.setAuthTag(body.subarray(body.length - 16));
    return Buffer.concat([d.update(body.subarray(0, body.length - 16)), d.final()]).toString('utf8');
  } catch {
    throw new SecretUnreadable('does not open under its key');
  }
}
