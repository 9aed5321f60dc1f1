// The customer's side of a sent quote, reached with the signed token of its link (no login):
// what they may see (the summary and the frozen PDF) and their answer, written in one
// transaction with the quote locked after every check. A token that fails its signature (or
// names no quote) answers not_found; an expired link, a withdrawn, expired or superseded quote,
// and a second answer answer 409 quote_not_open with the reason, and write nothing.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { verify } from '../../core/signed-tokens.ts';
import { orgToday } from '../../core/org-time.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import { orgCurrency } from '../../records/money.ts';
import type { Row } from '../../records/types.ts';
import { minorDigits, parseMoney } from '../../../shared/money.ts';
import { getSettings } from '../settings/settings.service.ts';
import { answerColumns, assertAnswerable, tell } from './quotes.actions.ts';
import { quoteById } from './quotes.repo.ts';
import { ACCEPT_PURPOSE, frozenBytes } from './quotes.send.ts';
import { runPublicAction } from './quotes.write.ts';

const CLOSED = ['withdrawn', 'superseded', 'expired'];

async function quoteOf(db: Kysely<DB>, token: string): Promise<Row> {
  const v = await verify(db, ACCEPT_PURPOSE, token);
  if (!v.ok && v.reason === 'expired') throw new AppError('quote_not_open', 'This link has expired', { reason: 'link_expired' });
  const id = v.ok ? Number(v.subject) : NaN;
  const q = Number.isSafeInteger(id) ? await quoteById(db, id) : null;
  if (!q || !q.sent_pdf_hash) throw notFound('quote');
  if (CLOSED.includes(q.status)) throw new AppError('quote_not_open', `This quote is ${q.status}`, { reason: q.status, status: q.status });
  return q;
}

const iso = (v: unknown) => (v == null ? null : v instanceof Date ? v.toISOString() : String(v));

export async function publicQuote(db: Kysely<DB>, token: string) {
  const q = await quoteOf(db, token);
  const currency = String(q.currency || (await orgCurrency(db)));
  return {
    number: String(q.number),
    subject: String(q.subject),
    status: String(q.status),
    currency,
    gross_total: parseMoney(q.gross_total)!.toFixed(minorDigits(currency)),
    valid_until: q.valid_until ? iso(q.valid_until)!.slice(0, 10) : null,
    seller: (await getSettings(db)).organization_name ?? '',
    sent_pdf_hash: String(q.sent_pdf_hash),
    accepted_by_name: q.accepted_by_name ?? null,
    accepted_at: iso(q.accepted_at),
  };
}

export async function publicPdf(db: Kysely<DB>, token: string) {
  const q = await quoteOf(db, token);
  return { ...(await frozenBytes(db, Number(q.id))), number: String(q.number) };
}

/** The customer accepts (their typed name, the time and the address are kept) or rejects (a reason). */
export async function publicAnswer(db: Kysely<DB>, token: string, accept: boolean, e: { name?: string; reason?: string; ip: string }) {
  const name = e.name?.trim() ?? '';
  if (accept && !name) throw invalid([{ field: 'name', message: 'Type your name to accept', code: 'required' }]);
  const q = await quoteOf(db, token);
  const updated = await runPublicAction(db, Number(q.id), accept ? 'accept' : 'reject', async (trx, locked) => {
    // Checked again on the locked row: two answers at once cannot both pass.
    if (CLOSED.includes(locked.status)) throw new AppError('quote_not_open', `This quote is ${locked.status}`, { reason: locked.status, status: locked.status });
    assertAnswerable(locked, await orgToday(trx));
    const cols = answerColumns(accept, { name, reason: e.reason ?? null, ip: e.ip });
    return {
      ...cols,
      after: async (t, u) => {
        if (u.owner_id) await tell(t, u, [Number(u.owner_id)], accept ? 'customer_accepted' : 'customer_rejected', null, accept ? 'accepted' : 'rejected', accept ? name : (e.reason ?? null));
      },
    };
  });
  return { status: String(updated.status), accepted_by_name: updated.accepted_by_name ?? null, accepted_at: iso(updated.accepted_at) };
}
