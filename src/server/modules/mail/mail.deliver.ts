// Sends queued messages, like jobs/outbox.ts delivers events: rows leased with SKIP LOCKED (any
// process may send), at least once (a crash after the SMTP server accepted a message but before
// the row is marked sends it again, with the same Message-ID), retried with backoff, throttled
// to the configured messages per minute.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { registerSoonPasses } from '../../jobs/soon-passes.ts';
import { emitTimeline } from '../../core/timeline.ts';
import { claimDue, markFailed, markSent, markSkipped, usedThisMinute, type OutboxRow } from './mail.repo.ts';
import { getPublicSettings } from '../public/public.settings.ts';
import { escapeHtml } from '../public/public.platform.ts';
import { isSuppressed, recipientLinks } from './mail.suppressions.ts';
import { asLocale } from './mail.types.ts';
import { loadSmtp, SECRET_UNREADABLE } from './mail.settings.ts';
import { configured, createTransport, smtpFailure } from './mail.transport.ts';
import { onMailSoon } from './mail.service.ts';
import type { SmtpSettings } from './mail.types.ts';

const BATCH = 50;
const LEASE_SECONDS = 120;
/** After this many failed attempts a message is failed for good (last_error kept). */
export const MAX_MAIL_ATTEMPTS = 6;
/** The sweep that sends what no nudge did: throttled messages, retries, a crash's leftovers. */
const SWEEP_SECONDS = 15;

type Log = { error: (o: object, m: string) => void };

/** Seconds before attempt n+1: 30 s, 1 min, 2 min… at most an hour. */
export const retryDelay = (attempts: number) => Math.min(30 * 2 ** (attempts - 1), 3600);

const UNSUBSCRIBE_LABEL = { en: 'Unsubscribe', 'zh-CN': '退订', 'zh-TW': '取消訂閱' } as const;

type Extras = { text: string; html: string | null; headers: Record<string, string>; list?: { unsubscribe: string } };

/**
 * What a marketing message carries beyond its body: List-Unsubscribe with the RFC 8058 one-click
 * POST, the same link in a footer, and the tracking pixel in the HTML part. Null: not to be sent
 * (the reason is recorded as skipped).
 */
async function marketingExtras(db: Kysely<DB>, row: OutboxRow): Promise<Extras | { skip: string }> {
  // Unsubscribed after the message was queued: still not sent.
  if (await isSuppressed(db, row.to_address)) return { skip: 'suppressed' };
  const base = (await getPublicSettings(db)).base_url;
  // Without the public address the links cannot be absolute; sending without them is not allowed.
  if (!base) return { skip: 'no_public_url' };
  const links = await recipientLinks(db, base, Number(row.id));
  const label = UNSUBSCRIBE_LABEL[asLocale(row.locale)];
  return {
    text: `${row.text_body}\n\n--\n${label}: ${links.unsubscribe}\n`,
    html: row.html_body == null ? null : `${row.html_body}\n<p style="margin-top:24px;font-size:12px;color:#888"><a href="${escapeHtml(links.unsubscribe)}">${label}</a></p>\n<img src="${escapeHtml(links.pixel)}" width="1" height="1" alt="" style="border:0">`,
    headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    list: { unsubscribe: links.unsubscribe },
  };
}

async function sendOne(db: Kysely<DB>, transport: ReturnType<typeof createTransport>, s: SmtpSettings, row: OutboxRow, log: Log): Promise<boolean> {
  let extras: Extras = { text: row.text_body, html: row.html_body, headers: {} };
  if (row.mail_class === 'marketing') {
    const got = await marketingExtras(db, row);
    if ('skip' in got) {
      await markSkipped(db, row.id, got.skip);
      return false;
    }
    extras = got;
  }
  try {
    await transport.sendMail({
      from: { name: s.from_name, address: s.from_address },
      to: row.to_name ? { name: row.to_name, address: row.to_address } : row.to_address,
      subject: row.subject,
      text: extras.text,
      ...(extras.html ? { html: extras.html } : {}),
      messageId: row.message_id,
      headers: extras.headers,
      ...(extras.list ? { list: extras.list } : {}),
    });
  } catch (e) {
    const f = smtpFailure(e, s);
    const giveUp = row.attempts >= MAX_MAIL_ATTEMPTS;
    log.error({ mail: row.id, attempt: row.attempts, code: f.code }, giveUp ? 'mail gave up' : 'mail send failed');
    await markFailed(db, row.id, `${f.code}: ${f.message}`, giveUp, retryDelay(row.attempts));
    return false;
  }
  await db.transaction().execute(async (trx) => {
    await markSent(trx, row.id);
    if (row.contact_id != null) {
      await emitTimeline(trx, {
        occurredAt: new Date(), kind: 'email_sent', title: row.subject, body: row.text_body.slice(0, 2000),
        targets: [{ object: 'contacts', id: Number(row.contact_id) }], refType: 'mail', refId: Number(row.id),
      });
    }
  });
  return true;
}

/** One pass: sends what is due and within the minute's allowance. Answers how many were sent. */
export async function deliverMail(db: Kysely<DB>, log: Log = console): Promise<number> {
  const s = await loadSmtp(db);
  // Not configured yet: messages wait in the queue, nothing is lost.
  if (!configured(s)) return 0;
  // A password that no longer opens (the key changed or was lost) is not sent as garbage: the
  // messages wait, and the admin is told to enter it again (the test send says the same).
  if (s.password_unreadable) {
    log.error({ code: SECRET_UNREADABLE.code }, SECRET_UNREADABLE.message);
    return 0;
  }
  let sent = 0;
  let transport: ReturnType<typeof createTransport> | null = null;
  try {
    for (;;) {
      const allowance = s.rate_per_minute - (await usedThisMinute(db));
      if (allowance <= 0) return sent;
      const limit = Math.min(allowance, BATCH);
      const rows = await claimDue(db, limit, LEASE_SECONDS);
      if (!rows.length) return sent;
      transport ??= createTransport(s, true);
      for (const row of rows) if (await sendOne(db, transport, s, row, log)) sent++;
      if (rows.length < limit) return sent;
    }
  } finally {
    transport?.close();
  }
}

/** Wires sending to the job queue: the sweep (once across processes) and a pass after each queueing commit. */
export function registerMailDelivery(queue: JobQueue, db: Kysely<DB>, log: Log): () => Promise<void> {
  return registerSoonPasses(queue, { name: 'mail.send', seconds: SWEEP_SECONDS, pass: () => deliverMail(db, log), onSoon: onMailSoon, log, what: 'mail' });
}
