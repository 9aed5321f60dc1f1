// Sending a quote: the PDF is rendered once, its bytes stored (core/file-store.ts) with their
// SHA-256 on the quote, and that file is what GET /quotes/{id}/sent-pdf and the customer's link
// answer from then on — never a fresh rendering. The accept link is a signed token
// (core/signed-tokens.ts, purpose `quote.accept`) valid for the settings' `link_days`.
// E-mailing the link to the contact is optional and never makes sending depend on SMTP.
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { requireDo, type Actor } from '../../core/access.ts';
import { readFile, saveFile } from '../../core/file-store.ts';
import { renderPdf } from '../../core/pdf/render.ts';
import { sign } from '../../core/signed-tokens.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import { lineMoneyHidden } from '../../records/line-items.ts';
import { getObject } from '../../records/registry.ts';
import { loadVisible, present } from '../../records/service.ts';
import type { Row, Tx } from '../../records/types.ts';
import type { Locale } from '../../../shared/fields.ts';
import { printLocale } from '../documents/documents.service.ts';
import { pdfFileName } from '../documents/documents.routes.ts';
import { queueMail } from '../mail/mail.service.ts';
import { loadSmtp } from '../mail/mail.settings.ts';
import { getPublicSettings } from '../public/public.settings.ts';
import { approvalReasons } from './quotes.approval.ts';
import { printQuote } from './quotes.print.ts';
import { sentFile } from './quotes.repo.ts';
import { getQuoteSettings } from './quotes.settings.ts';
import { notOpen, runAction } from './quotes.write.ts';
import './quotes.mail.ts';

export const ACCEPT_PURPOSE = 'quote.accept';
const DAY = 86_400_000;

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** The customer's link of a sent quote: expires `link_days` after sending, whenever it is asked for again. */
export async function publicLink(db: Tx, quote: Row): Promise<{ url: string; path: string; expires_at: string }> {
  const days = (await getQuoteSettings(db)).link_days;
  const expires = new Date(new Date(quote.sent_at).getTime() + days * DAY);
  const token = await sign(db, ACCEPT_PURPOSE, Number(quote.id), Math.max(1, (expires.getTime() - Date.now()) / 1000));
  const path = `/q/${token}`;
  const base = (await getPublicSettings(db)).base_url;
  return { url: base ? `${base}${path}` : path, path, expires_at: expires.toISOString() };
}

type MailOutcome = 'queued' | 'not_asked' | 'no_contact' | 'mail_not_configured' | 'no_email_address' | 'invalid_email' | 'suppressed';

async function mailLink(trx: Transaction<DB>, actor: Actor, q: Row, locale: Locale, link: string): Promise<MailOutcome> {
  if (!q.contact_id) return 'no_contact';
  if (!(await loadSmtp(trx)).host) return 'mail_not_configured';
  let contact: Row;
  try {
    contact = await loadVisible(trx, getObject('contacts'), actor, Number(q.contact_id));
  } catch {
    return 'no_contact';
  }
  const r = await queueMail(trx, {
    to: contact.email, toName: contact.name, template: 'quote_sent', locale, contactId: Number(q.contact_id), class: 'transactional',
    vars: { contact: { name: contact.name ?? '' }, quote: { number: q.number, subject: q.subject, total: `${q.currency} ${q.gross_total}` }, link, sender: { name: actor.name } },
  });
  return r.status === 'queued' ? 'queued' : r.reason;
}

export async function sendQuote(db: Kysely<DB>, actor: Actor, id: number, body: { version?: number; email?: boolean; locale?: Locale }) {
  const def = getObject('quotes');
  if (lineMoneyHidden(actor, def)) throw forbidden("Your role may not see this quote's amounts, so it cannot send it");
  let mail: MailOutcome = 'not_asked';
  const row = await runAction(db, actor, id, 'send', body.version, async (trx, q) => {
    if (q.status !== 'draft' && q.status !== 'approved') throw notOpen(q, 'sent');
    if (q.status === 'draft') {
      const reasons = await approvalReasons(trx, q, await getQuoteSettings(trx));
      if (reasons.length) throw new AppError('approval_required', 'This quote needs approval before it is sent', { reason: 'approval_required', reasons });
    }
    const locale = printLocale(actor, body.locale);
    const pdf = await renderPdf(await printQuote({ db: trx, actor, locale }, await present(trx, def, actor, q)));
    const file = await saveFile(trx, pdfFileName(String(q.number)), 'application/pdf', (async function* () { yield pdf; })(), actor.id);
    const sentAt = new Date();
    return {
      set: { status: 'sent', sent_at: sentAt, sent_pdf_file_id: file.id, sent_pdf_hash: sha256(pdf) },
      timeline: { kind: 'quote_sent' },
      after: async (t, updated) => {
        if (body.email) mail = await mailLink(t, actor, updated, locale, (await publicLink(t, updated)).url);
      },
    };
  });
  return { data: row, link: await publicLink(db, { id, sent_at: row.sent_at }), mail: mail as MailOutcome };
}

async function sentQuote(db: Kysely<DB>, actor: Actor, id: number): Promise<Row> {
  const def = getObject('quotes');
  requireDo(actor, def, 'read');
  const q = await loadVisible(db, def, actor, id);
  if (lineMoneyHidden(actor, def)) throw forbidden("Your role may not see this quote's amounts");
  if (!q.sent_at) throw new AppError('quote_not_open', 'This quote has not been sent', { reason: 'not_sent', status: q.status });
  return q;
}

/** GET /quotes/{id}/sent-pdf: exactly the bytes sent (their SHA-256 is the quote's sent_pdf_hash). */
export async function sentPdf(db: Kysely<DB>, actor: Actor, id: number): Promise<{ pdf: Buffer; number: string; hash: string }> {
  const q = await sentQuote(db, actor, id);
  return { ...(await frozenBytes(db, Number(q.id))), number: String(q.number) };
}

export async function frozenBytes(db: Kysely<DB>, id: number): Promise<{ pdf: Buffer; hash: string }> {
  const f = await sentFile(db, id);
  if (!f.file_id || !f.hash) throw new AppError('not_found', 'The sent PDF is not kept');
  const parts: Buffer[] = [];
  for await (const c of readFile(db, f.file_id)) parts.push(c as Buffer);
  return { pdf: Buffer.concat(parts), hash: f.hash };
}

/** GET /quotes/{id}/public-link: the link to give the customer again. */
export async function quotePublicLink(db: Kysely<DB>, actor: Actor, id: number) {
  const q = await sentQuote(db, actor, id);
  return publicLink(db, q);
}
