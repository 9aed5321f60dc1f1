import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { writeAudit } from '../../core/audit.ts';
import { assertPasswordPolicy, NewPassword } from '../../core/password-policy.ts';
import { hashPassword, randomToken, tokenHash } from '../../core/passwords.ts';
import { AppError } from '../../http/errors.ts';
import { queueMail, mailSoon } from '../mail/mail.service.ts';
import { asLocale } from '../mail/mail.types.ts';
import { readSmtpRow } from '../mail/mail.repo.ts';
import { getPublicSettings } from '../public/public.settings.ts';
import { endSessions } from '../users/users.service.ts';
import { normaliseEmail } from './login-throttle.ts';
import { PASSWORD_RESET_TEMPLATE } from './password-reset.mail.ts';

// "Forgot password" (issue 14). The request answers the same whatever the address, so nobody
// learns who has an account; the link goes only to the account's own address, and is built on
// the public address an administrator set (the public settings' base URL), never on the
// request's Host header, which an attacker controls. A token works once, for RESET_MINUTES.

export const RESET_MINUTES = 30;
/** Links sent per account per hour, and requests per client address per hour. */
export const MAX_PER_ACCOUNT = 3;
export const MAX_PER_ADDRESS = 20;

export const ResetRequestBody = z.object({ email: z.string().trim().max(320) });
export const ResetConfirmBody = z.object({ token: z.string().min(10).max(200), password: NewPassword });

/** Whether reset by e-mail can work here: outgoing mail and the public address are set. */
export async function resetAvailable(db: Kysely<DB>): Promise<boolean> {
  const smtp = await readSmtpRow(db);
  return Boolean(smtp?.host) && Boolean((await getPublicSettings(db)).base_url);
}

async function throttled(db: Kysely<DB>, userId: number | null, ip: string | null): Promise<boolean> {
  const { rows } = await sql<{ account: number; address: number }>`SELECT
      count(*) FILTER (WHERE user_id = ${userId ?? -1})::int AS account,
      count(*) FILTER (WHERE requested_ip = ${ip})::int AS address
    FROM password_resets WHERE created_at > now() - interval '1 hour'`.execute(db);
  return (rows[0]?.account ?? 0) >= MAX_PER_ACCOUNT || (rows[0]?.address ?? 0) >= MAX_PER_ADDRESS;
}

/**
 * Queues a reset link to an active account with this address; does nothing visible otherwise
 * (unknown address, deactivated account, over a limit, no mail or public address set).
 */
export async function requestPasswordReset(db: Kysely<DB>, input: { email: string; ip: string | null }): Promise<void> {
  const email = normaliseEmail(input.email);
  const user = email ? await db.selectFrom('users').select(['id', 'name', 'email', 'locale', 'active']).where(sql`lower(email)`, '=', email).executeTakeFirst() : undefined;
  if (await throttled(db, user?.id ?? null, input.ip)) return;
  const base = (await getPublicSettings(db)).base_url;
  if (!user || !user.active || !base || !(await resetAvailable(db))) {
    // Counted per address all the same: probing many addresses is limited like one.
    if (input.ip) await db.insertInto('password_resets').values({ user_id: null, token_hash: `void:${randomToken(16)}`, requested_ip: input.ip, expires_at: new Date(), used_at: new Date() }).execute();
    return;
  }
  const token = randomToken(32);
  await db.transaction().execute(async (trx) => {
    // A newer link voids the older ones still open.
    await trx.updateTable('password_resets').set({ used_at: new Date() }).where('user_id', '=', user.id).where('used_at', 'is', null).execute();
    await trx.insertInto('password_resets').values({
      user_id: user.id, token_hash: tokenHash(token), requested_ip: input.ip, expires_at: new Date(Date.now() + RESET_MINUTES * 60_000),
    }).execute();
    await queueMail(trx, {
      to: user.email, toName: user.name, template: PASSWORD_RESET_TEMPLATE, locale: asLocale(user.locale), userId: user.id, class: 'transactional',
      vars: { user: { name: user.name }, link: `${base.replace(/\/+$/, '')}/reset-password?token=${encodeURIComponent(token)}`, minutes: RESET_MINUTES },
    });
  });
  mailSoon();
}

/** Sets a new password from a reset link: once, before it expires; every session and API key of the account ends. */
export async function confirmPasswordReset(db: Kysely<DB>, input: z.infer<typeof ResetConfirmBody>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('password_resets as r').innerJoin('users as u', 'u.id', 'r.user_id')
      .select(['r.id', 'r.user_id', 'r.used_at', 'r.expires_at', 'u.email', 'u.active'])
      .where('r.token_hash', '=', tokenHash(input.token)).where('r.user_id', 'is not', null).forUpdate().executeTakeFirst();
    if (!row || row.user_id === null || row.used_at || new Date(row.expires_at).getTime() <= Date.now() || !row.active) {
      throw new AppError('validation_failed', 'This reset link is invalid, used or expired: ask for a new one',
        [{ field: 'token', message: 'Invalid, used or expired reset link', code: 'reset_link_invalid' }]);
    }
    assertPasswordPolicy(input.password, row.email);
    await trx.updateTable('users').set({ password_hash: await hashPassword(input.password), updated_at: new Date() }).where('id', '=', row.user_id).execute();
    await trx.updateTable('password_resets').set({ used_at: new Date() }).where('user_id', '=', row.user_id).where('used_at', 'is', null).execute();
    await endSessions(trx, row.user_id);
    await writeAudit(trx, { actorId: row.user_id, action: 'update', object: 'users', recordId: row.user_id, changes: { fields: ['password'], via: 'password_reset' } });
  });
}
