import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/**
 * Failed sign-ins are counted in login_history, so the limit holds across processes and
 * restarts: per account (the normalised e-mail, whether or not such a user exists) against
 * guessing one password from many addresses, and per client address across accounts against
 * trying one password on many accounts. While either count is over its limit the attempt is
 * refused before the password is checked, for existing and unknown accounts alike.
 */
export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 10;
export const MAX_FAILURES_PER_ADDRESS = 30;

/** The one spelling of an e-mail that sign-in, its limits and its history use. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export async function loginThrottled(db: Kysely<DB>, email: string, ip: string | null): Promise<boolean> {
  const since = new Date(Date.now() - LOGIN_WINDOW_MINUTES * 60_000);
  const row = await db
    .selectFrom('login_history')
    .select([
      sql<number>`count(*) FILTER (WHERE email = ${email})::int`.as('account'),
      sql<number>`count(*) FILTER (WHERE ip = ${ip})::int`.as('address'),
    ])
    .where('success', '=', false)
    .where('at', '>', since)
    .where((eb) => (ip ? eb.or([eb('email', '=', email), eb('ip', '=', ip)]) : eb('email', '=', email)))
    .executeTakeFirst();
  return (row?.account ?? 0) >= MAX_FAILURES_PER_ACCOUNT || (row?.address ?? 0) >= MAX_FAILURES_PER_ADDRESS;
}
