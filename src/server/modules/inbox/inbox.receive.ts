// Stores one incoming message: thread, message, contacts, files, timeline entries and the
// subscribers' writes (onInboundMail) in ONE transaction, so a refusal at any step stores nothing.
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { saveFile } from '../../core/file-store.ts';
import { emitTimeline, type TimelineTarget } from '../../core/timeline.ts';
import type { Tx } from '../../records/types.ts';
import { runInboundHandlers, type InboundMail } from './inbox.hooks.ts';
import type { IncomingMail } from './inbox.parse.ts';
import type { MailboxRow } from './inbox.repo.ts';
import * as repo from './inbox.repo.ts';
import { candidateIds, matchThread, normalizeSubject, subjectToken, type KnownId } from './threading.ts';

/** Several contacts may share an address: the message goes on the timelines of all of them (up to this many). */
export const MAX_CONTACTS_PER_SENDER = 20;
const EXCERPT = 500;
/** The timeline entries' source (not an object, so timelines show it to whoever may read the record). */
export const TIMELINE_REF = 'mail_message';

export type ReceiveResult = { status: 'stored'; id: number; threadId: number } | { status: 'duplicate' };

class Duplicate extends Error {}

async function threadFor(trx: Tx, m: IncomingMail, contactId: number | null, at: Date): Promise<{ id: number; isNew: boolean }> {
  const ids = candidateIds({ inReplyTo: m.inReplyTo, references: m.references });
  const known = new Map<string, KnownId>();
  for (const o of await repo.outboxMessages(trx, ids)) known.set(o.message_id, o.thread_id != null ? { threadId: o.thread_id } : { outboxMessageId: o.message_id });
  for (const [id, threadId] of await repo.threadsOfMessageIds(trx, ids)) known.set(id, { threadId });
  const token = subjectToken(m.subject);
  const tokenThread = token !== null ? await repo.threadParticipants(trx, token) : null;
  const match = matchThread({ inReplyTo: m.inReplyTo, references: m.references, subject: m.subject, fromAddress: m.from.address }, { known, tokenThread });
  const subject = normalizeSubject(m.subject);
  switch (match.by) {
    case 'message_id':
    case 'subject_token':
      await repo.touchThread(trx, match.threadId, at, contactId);
      return { id: match.threadId, isNew: false };
    case 'outbox': {
      const id = await repo.threadOfOutbox(trx, { subject, at, contactId, outboxMessageId: match.outboxMessageId });
      await repo.touchThread(trx, id, at, contactId);
      return { id, isNew: false };
    }
    default:
      return { id: await repo.insertThread(trx, { subject, at, contactId, outboxMessageId: null }), isNew: true };
  }
}

export async function storeIncoming(db: Kysely<DB>, m: IncomingMail, mailbox: MailboxRow | null): Promise<ReceiveResult> {
  if (await repo.messageExists(db, m.messageId)) return { status: 'duplicate' };
  try {
    return await db.transaction().execute(async (trx) => {
      const now = new Date();
      const contacts = await repo.contactsByEmail(trx, m.from.address, MAX_CONTACTS_PER_SENDER);
      const primary = contacts[0] ?? null;
      const thread = await threadFor(trx, m, primary?.id ?? null, now);
      const row = await repo.insertMessage(trx, {
        message_id: m.messageId, in_reply_to: m.inReplyTo, reference_ids: m.references, subject: m.subject,
        from_address: m.from.address, from_name: m.from.name, to_addresses: m.to, cc_addresses: m.cc, sent_at: m.date,
        text_body: m.text, html_body: m.html, thread_id: thread.id, contact_id: primary?.id ?? null,
        account_id: primary?.account_id ?? null, mailbox_id: mailbox?.id ?? null, size: m.size,
      });
      // Another connection stored the same Message-ID meanwhile: undo this thread, answer as stored.
      if (!row) throw new Duplicate();
      await repo.insertMessageContacts(trx, row.id, contacts.map((c) => c.id));
      const files: InboundMail['attachments'] = [];
      for (const a of m.attachments) {
        const f = await saveFile(trx, a.name, a.contentType, Readable.from([a.content]), null);
        await repo.insertMessageFile(trx, { message_id: row.id, file_id: f.id, name: a.name, content_type: a.contentType, size: f.size, inline: a.inline });
        files.push({ fileId: f.id, name: a.name, contentType: a.contentType, size: f.size });
      }
      const targets: TimelineTarget[] = contacts.flatMap((c) => [
        { object: 'contacts', id: c.id },
        ...(c.account_id != null ? [{ object: 'accounts', id: c.account_id }] : []),
      ]);
      await emitTimeline(trx, {
        occurredAt: row.received_at, kind: 'email_received', title: m.subject, body: m.text.slice(0, EXCERPT),
        targets, refType: TIMELINE_REF, refId: row.id,
      });
      await runInboundHandlers(trx, {
        id: row.id, threadId: thread.id, newThread: thread.isNew,
        mailbox: mailbox ? { id: mailbox.id, address: mailbox.address, purpose: mailbox.purpose } : null,
        from: m.from, subject: m.subject, text: m.text, contactIds: contacts.map((c) => c.id), accountId: primary?.account_id ?? null, attachments: files,
      });
      return { status: 'stored' as const, id: row.id, threadId: thread.id };
    });
  } catch (e) {
    if (e instanceof Duplicate) return { status: 'duplicate' };
    throw e;
  }
}
