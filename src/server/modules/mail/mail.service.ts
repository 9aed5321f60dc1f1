// Queueing a message: what another module calls, inside the transaction of what causes the
// message, so the message exists exactly when that write commits. After commit call mailSoon().
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Tx } from '../../records/types.ts';
import { AppError } from '../../http/errors.ts';
import { insertOutbox, readSmtpRow } from './mail.repo.ts';
import { resolveTemplate, templateKind } from './mail.templates.ts';
import { renderTemplate, type Rendered } from './mail.render.ts';
import type { Locale, MailClass } from './mail.types.ts';
import { isSuppressed } from './mail.suppressions.ts';

const Address = z.email().max(320);

export function isMailAddress(v: unknown): v is string {
  return typeof v === 'string' && Address.safeParse(v).success;
}

/** Refuses a malformed address with the field it came in (400 invalid_email). */
export function requireAddress(v: unknown, field = 'to'): string {
  if (!isMailAddress(v)) throw new AppError('validation_failed', 'Not a valid email address', [{ field, code: 'invalid_email', message: 'Not a valid email address' }]);
  return v;
}

export interface MailRequest {
  /** Missing or malformed: the message is kept as skipped with the reason (it can never be sent). */
  to: string | null | undefined;
  toName?: string | null;
  template: string;
  locale: Locale;
  vars: Record<string, unknown>;
  /** A contact receiving it: the sent message goes on the contact's timeline. */
  contactId?: number | null;
  userId?: number | null;
  /** Overrides the template kind's class (mailClassOf). */
  class?: MailClass;
}

export type QueueResult = { id: number; status: 'queued' } | { id: number; status: 'skipped'; reason: 'no_email_address' | 'invalid_email' | 'suppressed' };

/** The message's class: as asked, else its template kind's, else marketing for a contact. */
export function mailClassOf(m: MailRequest): MailClass {
  return m.class ?? templateKind(m.template, m.locale).class ?? (m.contactId != null ? 'marketing' : 'transactional');
}

/** The Message-ID is fixed now, so a message sent again after a crash is recognisably the same one. */
async function messageId(db: Tx): Promise<string> {
  const from = (await readSmtpRow(db))?.from_address;
  const domain = typeof from === 'string' && from.includes('@') ? from.split('@')[1] : 'guanxi.invalid';
  return `<${randomUUID()}@${domain}>`;
}

/**
 * An admin's template that fails with these values (it passed the checks with the sample ones)
 * falls back to the shipped default: one odd value must not stop every message of its kind.
 */
async function render(db: Tx, m: MailRequest): Promise<Rendered> {
  const chosen = await resolveTemplate(db, m.template, m.locale);
  const fallback = templateKind(m.template, m.locale).defaults[m.locale];
  try {
    return await renderTemplate(chosen, m.vars);
  } catch (e) {
    if (chosen === fallback) throw e;
    return renderTemplate(fallback, m.vars);
  }
}

export async function queueMail(db: Tx, m: MailRequest): Promise<QueueResult> {
  const rendered = await render(db, m);
  const to = m.to?.trim() ?? '';
  const mailClass = mailClassOf(m);
  // An unsubscribed address gets no marketing mail: kept as skipped, so the outbox shows why.
  const reason = to === '' ? 'no_email_address' : !isMailAddress(to) ? 'invalid_email' : mailClass === 'marketing' && (await isSuppressed(db, to)) ? 'suppressed' : null;
  const id = await insertOutbox(db, {
    message_id: await messageId(db),
    to_address: to,
    to_name: m.toName?.replace(/[\r\n]+/g, ' ') ?? null,
    subject: rendered.subject,
    text_body: rendered.text,
    html_body: rendered.html,
    template_key: m.template,
    locale: m.locale,
    contact_id: m.contactId ?? null,
    user_id: m.userId ?? null,
    status: reason ? 'skipped' : 'queued',
    last_error: reason,
    mail_class: mailClass,
  });
  return reason ? { id, status: 'skipped', reason } : { id, status: 'queued' };
}

const wakers = new Set<() => void>();

/** Wakes the sender of this process (after the transaction that queued mail committed). */
export function mailSoon(): void {
  for (const w of wakers) w();
}

export function onMailSoon(w: () => void): () => void {
  wakers.add(w);
  return () => wakers.delete(w);
}
