// The SQL of the inbox module: mailboxes, threads, received messages, their contacts and files.
import { sql } from 'kysely';
import type { Tx } from '../../records/types.ts';

export interface MailboxRow { id: number; address: string; purpose: 'support' | 'leads' | 'general'; active: boolean; created_at: string; updated_at: string }

const num = (v: unknown) => (v == null ? null : Number(v));
const mailbox = (r: MailboxRow): MailboxRow => ({ ...r, id: Number(r.id), created_at: new Date(r.created_at).toISOString(), updated_at: new Date(r.updated_at).toISOString() });

export async function selectMailboxes(db: Tx): Promise<MailboxRow[]> {
  const { rows } = await sql<MailboxRow>`SELECT * FROM mail_mailboxes ORDER BY lower(address)`.execute(db);
  return rows.map(mailbox);
}

export async function findMailbox(db: Tx, id: number): Promise<MailboxRow | undefined> {
  const { rows } = await sql<MailboxRow>`SELECT * FROM mail_mailboxes WHERE id = ${id}`.execute(db);
  return rows[0] && mailbox(rows[0]);
}

/** The active mailbox receiving at an address (case-insensitive). */
export async function activeMailboxAt(db: Tx, address: string): Promise<MailboxRow | undefined> {
  const { rows } = await sql<MailboxRow>`SELECT * FROM mail_mailboxes WHERE lower(address) = lower(${address}) AND active`.execute(db);
  return rows[0] && mailbox(rows[0]);
}

export async function mailboxAddressTaken(db: Tx, address: string, exceptId: number | null): Promise<boolean> {
  const { rows } = await sql`SELECT 1 FROM mail_mailboxes WHERE lower(address) = lower(${address}) AND id IS DISTINCT FROM ${exceptId}::bigint`.execute(db);
  return rows.length > 0;
}

export async function insertMailbox(db: Tx, v: { address: string; purpose: string; active: boolean }): Promise<MailboxRow> {
  const { rows } = await sql<MailboxRow>`INSERT INTO mail_mailboxes (address, purpose, active) VALUES (${v.address}, ${v.purpose}, ${v.active}) RETURNING *`.execute(db);
  return mailbox(rows[0]!);
}

export async function updateMailbox(db: Tx, id: number, v: { address?: string; purpose?: string; active?: boolean }): Promise<MailboxRow | undefined> {
  const { rows } = await sql<MailboxRow>`UPDATE mail_mailboxes SET address = coalesce(${v.address ?? null}, address),
    purpose = coalesce(${v.purpose ?? null}, purpose), active = coalesce(${v.active ?? null}::boolean, active), updated_at = now()
    WHERE id = ${id} RETURNING *`.execute(db);
  return rows[0] && mailbox(rows[0]);
}

export async function deleteMailbox(db: Tx, id: number): Promise<boolean> {
  const r = await sql`DELETE FROM mail_mailboxes WHERE id = ${id}`.execute(db);
  return Number(r.numAffectedRows ?? 0) > 0;
}

/** Threads of received messages with these Message-IDs. */
export async function threadsOfMessageIds(db: Tx, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const { rows } = await sql<{ message_id: string; thread_id: number }>`SELECT message_id, thread_id FROM mail_messages
    WHERE message_id = ANY(${sql.val(ids)}::text[])`.execute(db);
  return new Map(rows.map((r) => [r.message_id, Number(r.thread_id)]));
}

/** Which of these Message-IDs the mail module sent (its outbox fixes them before sending), with the thread a reply started. */
export async function outboxMessages(db: Tx, ids: string[]): Promise<{ message_id: string; thread_id: number | null }[]> {
  if (!ids.length) return [];
  const { rows } = await sql<{ message_id: string; thread_id: number | null }>`SELECT o.message_id, t.id AS thread_id FROM mail_outbox o
    LEFT JOIN mail_threads t ON t.outbox_message_id = o.message_id WHERE o.message_id = ANY(${sql.val(ids)}::text[])`.execute(db);
  return rows.map((r) => ({ message_id: r.message_id, thread_id: num(r.thread_id) }));
}

/** The addresses that took part in a thread: its senders, and the recipient of the sent message that started it. */
export async function threadParticipants(db: Tx, threadId: number): Promise<{ id: number; participants: string[] } | null> {
  const { rows } = await sql<{ id: number; participants: string[] | null }>`SELECT t.id,
      array(SELECT lower(m.from_address) FROM mail_messages m WHERE m.thread_id = t.id
        UNION SELECT lower(o.to_address) FROM mail_outbox o WHERE o.message_id = t.outbox_message_id) AS participants
    FROM mail_threads t WHERE t.id = ${threadId}`.execute(db);
  return rows[0] ? { id: Number(rows[0].id), participants: rows[0].participants ?? [] } : null;
}

export async function insertThread(db: Tx, v: { subject: string; at: Date; contactId: number | null; outboxMessageId: string | null }): Promise<number> {
  const { rows } = await sql<{ id: number }>`INSERT INTO mail_threads (subject, outbox_message_id, contact_id, first_message_at, last_message_at)
    VALUES (${v.subject}, ${v.outboxMessageId}, ${v.contactId}, ${v.at}, ${v.at}) RETURNING id`.execute(db);
  return Number(rows[0]!.id);
}

/** The thread a reply to a sent message starts; another reply arriving at the same time gets the same one. */
export async function threadOfOutbox(db: Tx, v: { subject: string; at: Date; contactId: number | null; outboxMessageId: string }): Promise<number> {
  await sql`INSERT INTO mail_threads (subject, outbox_message_id, contact_id, first_message_at, last_message_at)
    VALUES (${v.subject}, ${v.outboxMessageId}, ${v.contactId}, ${v.at}, ${v.at}) ON CONFLICT (outbox_message_id) DO NOTHING`.execute(db);
  const { rows } = await sql<{ id: number }>`SELECT id FROM mail_threads WHERE outbox_message_id = ${v.outboxMessageId}`.execute(db);
  return Number(rows[0]!.id);
}

export async function touchThread(db: Tx, id: number, at: Date, contactId: number | null): Promise<void> {
  await sql`UPDATE mail_threads SET last_message_at = greatest(last_message_at, ${at}), contact_id = coalesce(contact_id, ${contactId}) WHERE id = ${id}`.execute(db);
}

/** Contacts whose e-mail is this address (case-insensitive), oldest first, at most `limit`. */
export async function contactsByEmail(db: Tx, address: string, limit: number): Promise<{ id: number; account_id: number | null }[]> {
  const { rows } = await sql<{ id: number; account_id: number | null }>`SELECT id, account_id FROM contacts
    WHERE lower(email) = lower(${address}) ORDER BY id LIMIT ${limit}`.execute(db);
  return rows.map((r) => ({ id: Number(r.id), account_id: num(r.account_id) }));
}

export interface MessageInsert {
  message_id: string; in_reply_to: string | null; reference_ids: string[]; subject: string; from_address: string; from_name: string | null;
  to_addresses: string[]; cc_addresses: string[]; sent_at: Date | null; text_body: string; html_body: string | null;
  thread_id: number; contact_id: number | null; account_id: number | null; mailbox_id: number | null; size: number;
}

/** The new message's id, or null when a message with its Message-ID is stored already (a retry). */
export async function insertMessage(db: Tx, m: MessageInsert): Promise<{ id: number; received_at: Date } | null> {
  const { rows } = await sql<{ id: number; received_at: Date }>`INSERT INTO mail_messages (message_id, in_reply_to, reference_ids, subject,
      from_address, from_name, to_addresses, cc_addresses, sent_at, text_body, html_body, thread_id, contact_id, account_id, mailbox_id, size)
    VALUES (${m.message_id}, ${m.in_reply_to}, ${sql.val(m.reference_ids)}::text[], ${m.subject}, ${m.from_address}, ${m.from_name},
      ${sql.val(m.to_addresses)}::text[], ${sql.val(m.cc_addresses)}::text[], ${m.sent_at}, ${m.text_body}, ${m.html_body}, ${m.thread_id},
      ${m.contact_id}, ${m.account_id}, ${m.mailbox_id}, ${m.size})
    ON CONFLICT (message_id) DO NOTHING RETURNING id, received_at`.execute(db);
  return rows[0] ? { id: Number(rows[0].id), received_at: new Date(rows[0].received_at) } : null;
}

export async function messageExists(db: Tx, messageId: string): Promise<boolean> {
  const { rows } = await sql`SELECT 1 FROM mail_messages WHERE message_id = ${messageId}`.execute(db);
  return rows.length > 0;
}

export async function insertMessageContacts(db: Tx, messageId: number, contactIds: number[]): Promise<void> {
  if (!contactIds.length) return;
  await sql`INSERT INTO mail_message_contacts (message_id, contact_id) SELECT ${messageId}, unnest(${sql.val(contactIds)}::bigint[])`.execute(db);
}

export async function insertMessageFile(db: Tx, v: { message_id: number; file_id: number; name: string; content_type: string; size: number; inline: boolean }): Promise<void> {
  await sql`INSERT INTO mail_message_files (message_id, file_id, name, content_type, size, inline)
    VALUES (${v.message_id}, ${v.file_id}, ${v.name}, ${v.content_type}, ${v.size}, ${v.inline})`.execute(db);
}

export interface MessageRow extends MessageInsert { id: number; received_at: Date }

export async function findMessage(db: Tx, id: number): Promise<MessageRow | undefined> {
  const { rows } = await sql<MessageRow>`SELECT * FROM mail_messages WHERE id = ${id}`.execute(db);
  return rows[0];
}

/** Newest first, a page at a time (before: the last id seen). */
export async function selectMessages(db: Tx, q: { mailboxId?: number; unmatched?: boolean; beforeId?: number; limit: number }): Promise<MessageRow[]> {
  const { rows } = await sql<MessageRow>`SELECT id, message_id, thread_id, subject, from_address, from_name, mailbox_id, contact_id, account_id, size, received_at
    FROM mail_messages WHERE (${q.mailboxId ?? null}::bigint IS NULL OR mailbox_id = ${q.mailboxId ?? null})
      AND (${q.unmatched ?? null}::boolean IS NULL OR (contact_id IS NULL) = ${q.unmatched ?? null}::boolean)
      AND (${q.beforeId ?? null}::bigint IS NULL OR id < ${q.beforeId ?? null})
    ORDER BY id DESC LIMIT ${q.limit}`.execute(db);
  return rows;
}

export async function messageContactIds(db: Tx, id: number): Promise<number[]> {
  const { rows } = await sql<{ contact_id: number }>`SELECT contact_id FROM mail_message_contacts WHERE message_id = ${id} ORDER BY contact_id`.execute(db);
  return rows.map((r) => Number(r.contact_id));
}

export interface MessageFileRow { id: number; file_id: number; name: string; content_type: string; size: number; inline: boolean }

export async function messageFiles(db: Tx, id: number): Promise<MessageFileRow[]> {
  const { rows } = await sql<MessageFileRow>`SELECT id, file_id, name, content_type, size, inline FROM mail_message_files WHERE message_id = ${id} ORDER BY id`.execute(db);
  return rows.map((r) => ({ ...r, id: Number(r.id), file_id: Number(r.file_id), size: Number(r.size) }));
}
