// Unsubscribe and open tracking: what a recipient's links do. Both links carry a signed token
// (core/signed-tokens.ts) naming the outbox message, each for its own purpose, so a pixel token
// never unsubscribes and a guessed id is worth nothing. Suppressions are keyed by the address
// (trimmed, lower case), so they outlive the contact's deletion or merge.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Tx } from '../../records/types.ts';
import { sign, verify } from '../../core/signed-tokens.ts';
import { emitTimeline } from '../../core/timeline.ts';
import { insertSuppression, markOpened, outboxRecipient, suppressed } from './mail.repo.ts';

export const UNSUBSCRIBE_PURPOSE = 'mail.unsubscribe';
export const OPEN_PURPOSE = 'mail.open';
/** Links in a sent message keep working this long (RFC 8058 asks for a working link long after sending). */
const UNSUBSCRIBE_TTL = 2 * 365 * 24 * 3600;
const OPEN_TTL = 365 * 24 * 3600;

export const normalizeAddress = (email: string) => email.trim().toLowerCase();

export async function isSuppressed(db: Tx, email: string): Promise<boolean> {
  return suppressed(db, normalizeAddress(email));
}

/** The links of one outbox message: unsubscribe (page and one-click POST) and the tracking pixel. */
export async function recipientLinks(db: Tx, base: string, mailId: number): Promise<{ unsubscribe: string; pixel: string }> {
  return {
    unsubscribe: `${base}/api/v1/public/unsubscribe/${await sign(db, UNSUBSCRIBE_PURPOSE, mailId, UNSUBSCRIBE_TTL)}`,
    pixel: `${base}/api/v1/public/t/${await sign(db, OPEN_PURPOSE, mailId, OPEN_TTL)}.gif`,
  };
}

export type TokenCheck = { ok: true; mailId: number; email: string; locale: string | null } | { ok: false; reason: 'invalid_token' | 'expired_token' };

/** Whose link this is (for the confirmation page); nothing is written. */
export async function checkUnsubscribe(db: Kysely<DB>, token: string): Promise<TokenCheck> {
  const v = await verify(db, UNSUBSCRIBE_PURPOSE, token);
  if (!v.ok) return { ok: false, reason: v.reason === 'expired' ? 'expired_token' : 'invalid_token' };
  const row = await outboxRecipient(db, Number(v.subject));
  if (!row) return { ok: false, reason: 'invalid_token' };
  return { ok: true, mailId: Number(v.subject), email: row.to_address, locale: row.locale };
}

/** Suppresses the message's address (idempotent) and notes it on the contact's timeline once. */
export async function unsubscribe(db: Kysely<DB>, token: string): Promise<TokenCheck> {
  const check = await checkUnsubscribe(db, token);
  if (!check.ok) return check;
  await db.transaction().execute(async (trx) => {
    const added = await insertSuppression(trx, normalizeAddress(check.email), 'unsubscribed', check.mailId);
    const row = await outboxRecipient(trx, check.mailId);
    if (added && row?.contact_id != null) {
      await emitTimeline(trx, {
        occurredAt: new Date(), kind: 'unsubscribed', title: check.email, targets: [{ object: 'contacts', id: Number(row.contact_id) }],
        refType: 'mail', refId: check.mailId,
      });
    }
  });
  return check;
}

/** A pixel load: counts an open for a valid token; a bad one writes nothing. */
export async function recordOpen(db: Kysely<DB>, token: string): Promise<void> {
  const v = await verify(db, OPEN_PURPOSE, token);
  if (v.ok) await markOpened(db, Number(v.subject));
}
