// SMTP settings: stored in the settings table (key mail.smtp), read and changed by admins only.
// The password is write-only: answers say whether one is set, the audit entry says that it
// changed, neither carries it.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { writeAudit } from '../../core/audit.ts';
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

export type SmtpView = Omit<SmtpSettings, 'password'> & { password_set: boolean };

export async function loadSmtp(db: Kysely<DB>): Promise<SmtpSettings> {
  return { ...DEFAULT_SMTP, ...((await readSmtpRow(db)) as Partial<SmtpSettings> | null) };
}

export function viewOf(s: SmtpSettings): SmtpView {
  const { password, ...rest } = s;
  return { ...rest, password_set: password !== '' };
}

export async function getSmtpSettings(db: Kysely<DB>): Promise<SmtpView> {
  return viewOf(await loadSmtp(db));
}

export async function updateSmtpSettings(db: Kysely<DB>, actorId: number, patch: z.infer<typeof SmtpPatch>): Promise<SmtpView> {
  return db.transaction().execute(async (trx) => {
    const before = { ...DEFAULT_SMTP, ...((await readSmtpRow(trx)) as Partial<SmtpSettings> | null) };
    const after: SmtpSettings = { ...before, ...patch };
    const changes: Record<string, [unknown, unknown]> = {};
    for (const k of Object.keys(patch) as (keyof SmtpSettings)[]) {
      if (before[k] === after[k]) continue;
      changes[k] = k === 'password' ? [before.password !== '' ? 'set' : 'unset', after.password !== '' ? 'set' : 'unset'] : [before[k], after[k]];
    }
    if (Object.keys(changes).length) {
      await writeSmtpRow(trx, after, actorId);
      await writeAudit(trx, { actorId, action: 'update', object: 'mail_settings', recordId: null, changes });
    }
    return viewOf(after);
  });
}
