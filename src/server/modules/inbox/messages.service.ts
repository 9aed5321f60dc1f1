// Reading received mail. Administrators see every message; anyone else sees a message through
// the records whose timelines show it (its sender's contacts, their account), exactly when they
// may read one of those records. A message they may not see answers as a missing one.
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { can, canDo, type Actor } from '../../core/access.ts';
import { readFile } from '../../core/file-store.ts';
import { notFound } from '../../http/errors.ts';
import { findObject } from '../../records/registry.ts';
import { assertVisible } from '../../records/service.ts';
import type { MailMessage } from '../../../shared/contracts/inbox.ts';
import * as repo from './inbox.repo.ts';
import { threadToken } from './threading.ts';

const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());
const num = (v: unknown) => (v == null ? null : Number(v));

function summary(r: repo.MessageRow) {
  return {
    id: Number(r.id), message_id: r.message_id, thread_id: Number(r.thread_id), subject: r.subject, from_address: r.from_address,
    from_name: r.from_name, mailbox_id: num(r.mailbox_id), contact_id: num(r.contact_id), account_id: num(r.account_id),
    size: Number(r.size), received_at: iso(r.received_at)!,
  };
}

export async function listMessages(db: Kysely<DB>, q: { mailbox_id?: number; unmatched?: 'true' | 'false'; cursor?: string; limit?: number }) {
  const limit = q.limit ?? 50;
  const rows = await repo.selectMessages(db, {
    mailboxId: q.mailbox_id, unmatched: q.unmatched === undefined ? undefined : q.unmatched === 'true',
    beforeId: q.cursor ? Number(q.cursor) : undefined, limit: limit + 1,
  });
  const data = rows.slice(0, limit).map(summary);
  return { data, next_cursor: rows.length > limit ? String(data[data.length - 1]!.id) : null };
}

async function visibleTo(db: Kysely<DB>, actor: Actor, object: string, id: number): Promise<boolean> {
  const def = findObject(object);
  if (!def || !canDo(actor, def, 'read')) return false;
  try {
    await assertVisible(db, def, actor, id);
    return true;
  } catch {
    return false;
  }
}

/** The message and the contacts of it the actor may see; not_found when it may see none of its records. */
async function visibleMessage(db: Kysely<DB>, actor: Actor, id: number): Promise<{ row: repo.MessageRow; contactIds: number[] }> {
  const row = Number.isSafeInteger(id) ? await repo.findMessage(db, id) : undefined;
  if (!row) throw notFound('Message');
  const all = await repo.messageContactIds(db, Number(row.id));
  if (can(actor, 'admin')) return { row, contactIds: all };
  const contactIds: number[] = [];
  for (const c of all) if (await visibleTo(db, actor, 'contacts', c)) contactIds.push(c);
  const account = num(row.account_id);
  if (!contactIds.length && !(account !== null && (await visibleTo(db, actor, 'accounts', account)))) throw notFound('Message');
  return { row, contactIds };
}

export async function getMessage(db: Kysely<DB>, actor: Actor, id: number): Promise<MailMessage> {
  const { row, contactIds } = await visibleMessage(db, actor, id);
  const files = await repo.messageFiles(db, Number(row.id));
  return {
    ...summary(row),
    // A contact the actor may not see is not named.
    contact_id: row.contact_id != null && contactIds.includes(Number(row.contact_id)) ? Number(row.contact_id) : null,
    in_reply_to: row.in_reply_to, references: row.reference_ids ?? [], to: row.to_addresses ?? [], cc: row.cc_addresses ?? [],
    sent_at: iso(row.sent_at), text: row.text_body, has_html: row.html_body != null, thread_token: threadToken(Number(row.thread_id)),
    contact_ids: contactIds,
    attachments: files.map((f) => ({ id: f.id, name: f.name, content_type: f.content_type, size: f.size, inline: f.inline })),
  };
}

export async function downloadMessageFile(db: Kysely<DB>, actor: Actor, id: number, fileId: number): Promise<{ name: string; contentType: string; size: number; stream: Readable }> {
  const { row } = await visibleMessage(db, actor, id);
  const f = (await repo.messageFiles(db, Number(row.id))).find((x) => x.id === fileId);
  if (!f) throw notFound('Attachment');
  return { name: f.name, contentType: f.content_type, size: f.size, stream: readFile(db, f.file_id) };
}
