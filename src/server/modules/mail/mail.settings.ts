// SMTP settings: stored in the settings table (key mail.smtp), read and changed by admins only.
// The password is write-only: answers say whether one is set, the audit entry says that it
// changed, neither carries it. It is stored sealed (AES-256-GCM, core/secrets.ts), opened only to send.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { writeAudit } from '../../core/audit.ts';
import { open, seal, sealedUnderOldKey, secretKeys, SecretUnreadable } from '../../core/secrets.ts';
import type { Tx } from '../../records/types.ts';
import { DEFAULT_SMTP, type SmtpSettings } from './mail.types.ts';
import { readSmtpRow, writeSmtpRow } from './mail.repo.ts';

export const SmtpPatch = z
  .object({
    host: z.string().trim().max(255).regex(/^[A-Za-z0-9.:\-[\]]*$/, { message: 'Not a host name or address' }),
    port: z.number().int().min(1).max(65535),
    security: z.enum(['none', 'starttls', 'tls']),
    user: z.string().trim().max(255),
    /** Omitted: unchanged; empty: cleared. */
    password: z.string().max(1000),
    from_address: z.union([z.literal(''), z.email({ message: 'Not a valid email address' }).max(320)]),
    from_name: z.string().trim().max(200).regex(/^[^\r\n]*$/),
    rate_per_minute: z.number().int().min(1).max(100000),
  })
  .partial()
  .strict();

export type SmtpView = Omit<SmtpSettings, 'password'> & { password_set: boolean; password_unreadable: boolean };

/** The settings with the password opened; password_unreadable when the stored one does not open. */
export type LoadedSmtp = SmtpSettings & { password_unreadable: boolean };

/** As stored: the password sealed (core/secrets.ts); `password` in clear only in rows saved before sealing. */
type StoredSmtp = Partial<Omit<SmtpSettings, 'password'>> & { password?: string; password_sealed?: string };

const PURPOSE = 'mail.smtp.password';

/** What the admin is told when the stored password does not open (mail.deliver.ts, mail.test-send.ts). */
export const SECRET_UNREADABLE = {
  code: 'smtp_secret_unreadable',
  message: 'The stored SMTP password cannot be read (the secret key changed or was lost): enter the password again in the mail settings',
} as const;

interface Decoded {
  settings: LoadedSmtp;
  /** The sealed value as stored (kept as it is when it does not open and no new password is given). */
  sealed: string | null;
  /** Stored in clear or under a previous key: seal it again under the current key. */
  stale: boolean;
}

async function decode(db: Tx, row: Record<string, unknown> | null): Promise<Decoded> {
  const { password: clear, password_sealed: sealed, ...rest } = (row ?? {}) as StoredSmtp;
  const base = { ...DEFAULT_SMTP, ...rest };
  if (!sealed) return { settings: { ...base, password: clear ?? '', password_unreadable: false }, sealed: null, stale: !!clear };
  const keys = await secretKeys(db);
  try {
    return { settings: { ...base, password: open(keys, PURPOSE, sealed), password_unreadable: false }, sealed, stale: sealedUnderOldKey(keys, sealed) };
  } catch (e) {
    if (!(e instanceof SecretUnreadable)) throw e;
    return { settings: { ...base, password: '', password_unreadable: true }, sealed, stale: false };
  }
}

async function encode(db: Tx, s: LoadedSmtp, unreadable: string | null): Promise<StoredSmtp> {
  const { password, password_unreadable: _, ...rest } = s;
  if (password) return { ...rest, password_sealed: seal(await secretKeys(db), PURPOSE, password) };
  return unreadable ? { ...rest, password_sealed: unreadable } : rest;
}

export async function loadSmtp(db: Tx): Promise<LoadedSmtp> {
  return (await decode(db, await readSmtpRow(db))).settings;
}

export function viewOf(s: LoadedSmtp): SmtpView {
  const { password, ...rest } = s;
  return { ...rest, password_set: password !== '' || s.password_unreadable };
}

export async function getSmtpSettings(db: Kysely<DB>): Promise<SmtpView> {
  return viewOf(await loadSmtp(db));
}

export async function updateSmtpSettings(db: Kysely<DB>, actorId: number, patch: z.infer<typeof SmtpPatch>): Promise<SmtpView> {
  return db.transaction().execute(async (trx) => {
    const { settings: before, sealed, stale } = await decode(trx, await readSmtpRow(trx, true));
    const after: LoadedSmtp = { ...before, ...patch, ...(patch.password !== undefined ? { password_unreadable: false } : {}) };
    const changes: Record<string, [unknown, unknown]> = {};
    for (const k of Object.keys(patch) as (keyof SmtpSettings)[]) {
      if (before[k] === after[k] && !(k === 'password' && before.password_unreadable)) continue;
      changes[k] = k === 'password' ? [viewOf(before).password_set ? 'set' : 'unset', after.password !== '' ? 'set' : 'unset'] : [before[k], after[k]];
    }
    // A save also seals a password stored in clear or under the previous key.
    if (Object.keys(changes).length || stale) await writeSmtpRow(trx, await encode(trx, after, after.password_unreadable ? sealed : null), actorId);
    if (Object.keys(changes).length) await writeAudit(trx, { actorId, action: 'update', object: 'mail_settings', recordId: null, changes });
    return viewOf(after);
  });
}

/** At start: a password stored in clear (before sealing) or under the previous key is sealed under the current key. */
export async function resealSmtpPassword(db: Kysely<DB>): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const { settings, stale } = await decode(trx, await readSmtpRow(trx, true));
    if (!stale) return false;
    await writeSmtpRow(trx, await encode(trx, settings, null), null);
    return true;
  });
}
