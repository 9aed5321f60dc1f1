// The quote expiry job (scheduled in module.ts; tests call expireQuotes with a fixed day): a sent
// quote, or an approved one never sent, whose `valid_until` is before today becomes `expired`,
// once: audited (`quote.expire`, no user), on the quote's, account's and contact's timelines, and
// its owner notified (kind `expired`). Rows are taken in batches, locked with SKIP LOCKED, and
// re-read under the lock, so two processes never expire one twice and a quote answered meanwhile
// is left alone. The day is the organisation's day (settings time_zone, core/org-time.ts); the
// accept link refuses a quote past its date by the same day (assertAnswerable).
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { deliverSoon } from '../../core/events.ts';
import { orgToday } from '../../core/org-time.ts';
import { mailSoon } from '../mail/mail.service.ts';
import { tell } from './quotes.actions.ts';
import { applyAction } from './quotes.write.ts';

export const EXPIRY_JOB = 'quotes.expiry';
export const EXPIRY_CRON = '20 0 * * *';
const BATCH = 100;

/** Expires what is due on `at`: a day (YYYY-MM-DD) or an instant, read in the organisation's zone; `batch` quotes per transaction; answers how many. */
export async function expireQuotes(db: Kysely<DB>, at: string | Date = new Date(), batch = BATCH): Promise<number> {
  const today = typeof at === 'string' ? at : await orgToday(db, at);
  let done = 0;
  for (;;) {
    const n = await db.transaction().execute(async (trx) => {
      const { rows } = await sql<Record<string, any>>`SELECT * FROM quotes
        WHERE status IN ('sent', 'approved') AND valid_until IS NOT NULL AND valid_until < ${today}::date
        ORDER BY valid_until, id LIMIT ${batch} FOR UPDATE SKIP LOCKED`.execute(trx);
      for (const q of rows) {
        await applyAction(trx, q, null, 'expire', {
          set: { status: 'expired' },
          timeline: { kind: 'quote_expired' },
          after: async (t, updated) => {
            if (updated.owner_id) await tell(t, updated, [Number(updated.owner_id)], 'expired', null, 'expired');
          },
        });
      }
      return rows.length;
    });
    done += n;
    if (n < batch) break;
  }
  if (done) {
    deliverSoon();
    mailSoon();
  }
  return done;
}
