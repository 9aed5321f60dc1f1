// The SQL of the mail module (its own tables, the `mail.smtp` settings row, due task reminders).
import { sql } from 'kysely';
import type { Tx } from '../../records/types.ts';
import type { TemplateText } from './mail.defaults.ts';

export const SMTP_SETTINGS_KEY = 'mail.smtp';

/** `forUpdate`: inside a saving transaction, so two saves do not interleave. */
export async function readSmtpRow(db: Tx, forUpdate = false): Promise<Record<string, unknown> | null> {
  const { rows } = await sql<{ value: Record<string, unknown> }>`SELECT value FROM settings WHERE key = ${SMTP_SETTINGS_KEY} ${forUpdate ? sql`FOR UPDATE` : sql``}`.execute(db);
  return rows[0]?.value ?? null;
}

/** actorId null (sealing at start): who last changed the settings stays as it was. */
export async function writeSmtpRow(db: Tx, value: object, actorId: number | null): Promise<void> {
  await sql`INSERT INTO settings (key, value, updated_by) VALUES (${SMTP_SETTINGS_KEY}, ${JSON.stringify(value)}::jsonb, ${actorId})
    ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_by = COALESCE(EXCLUDED.updated_by, settings.updated_by), updated_at = now()`.execute(db);
}

export interface StoredTemplate extends TemplateText {
  key: string;
  locale: string;
  updated_at: string;
}

export async function storedTemplates(db: Tx, key?: string, locale?: string): Promise<StoredTemplate[]> {
  const { rows } = await sql<StoredTemplate>`SELECT key, locale, subject, html, text, updated_at FROM mail_templates
    WHERE (${key ?? null}::text IS NULL OR key = ${key ?? null}) AND (${locale ?? null}::text IS NULL OR locale = ${locale ?? null})
    ORDER BY key, locale`.execute(db);
  return rows;
}

export async function upsertTemplate(db: Tx, key: string, locale: string, t: TemplateText, actorId: number): Promise<void> {
  await sql`INSERT INTO mail_templates (key, locale, subject, html, text, updated_by) VALUES (${key}, ${locale}, ${t.subject}, ${t.html}, ${t.text ?? null}, ${actorId})
    ON CONFLICT (key, locale) DO UPDATE SET subject = EXCLUDED.subject, html = EXCLUDED.html, text = EXCLUDED.text,
      updated_by = EXCLUDED.updated_by, updated_at = now()`.execute(db);
}

export async function deleteTemplate(db: Tx, key: string, locale: string): Promise<boolean> {
  const r = await sql`DELETE FROM mail_templates WHERE key = ${key} AND locale = ${locale}`.execute(db);
  return Number(r.numAffectedRows ?? 0) > 0;
}

export interface OutboxInsert {
  message_id: string;
  to_address: string;
  to_name: string | null;
  subject: string;
  text_body: string;
  html_body: string | null;
  template_key: string | null;
  locale: string | null;
  contact_id: number | null;
  user_id: number | null;
  status: 'queued' | 'skipped';
  last_error: string | null;
  mail_class: 'transactional' | 'marketing';
}

export async function insertOutbox(db: Tx, m: OutboxInsert): Promise<number> {
  const { rows } = await sql<{ id: number }>`INSERT INTO mail_outbox
    (message_id, to_address, to_name, subject, text_body, html_body, template_key, locale, contact_id, user_id, status, last_error, mail_class)
    VALUES (${m.message_id}, ${m.to_address}, ${m.to_name}, ${m.subject}, ${m.text_body}, ${m.html_body}, ${m.template_key}, ${m.locale},
      ${m.contact_id}, ${m.user_id}, ${m.status}, ${m.last_error}, ${m.mail_class}) RETURNING id`.execute(db);
  return Number(rows[0]!.id);
}

/** A stored outbox row: what was queued, plus its sending state. */
export interface OutboxRow extends Omit<OutboxInsert, 'status'> {
  status: string;
  id: number;
  attempts: number;
  next_attempt_at: string;
  sent_at: string | null;
  created_at: string;
}

/** Messages that left (or are leaving: leased) in the last minute, for throttling. */
export async function usedThisMinute(db: Tx): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM mail_outbox
    WHERE sent_at > now() - interval '1 minute' OR (status = 'queued' AND locked_until > now())`.execute(db);
  return Number(rows[0]!.n);
}

/** Leases up to `limit` due queued messages (SKIP LOCKED: another process takes others). */
export async function claimDue(db: Tx, limit: number, leaseSeconds: number): Promise<OutboxRow[]> {
  const { rows } = await sql<OutboxRow>`UPDATE mail_outbox SET attempts = attempts + 1, locked_until = now() + make_interval(secs => ${leaseSeconds})
    WHERE id IN (SELECT id FROM mail_outbox WHERE status = 'queued' AND next_attempt_at <= now()
      AND (locked_until IS NULL OR locked_until < now()) ORDER BY next_attempt_at, id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING *`.execute(db);
  return rows.sort((a, b) => Number(a.id) - Number(b.id));
}

export async function markSent(db: Tx, id: number): Promise<void> {
  await sql`UPDATE mail_outbox SET status = 'sent', sent_at = now(), locked_until = NULL, last_error = NULL WHERE id = ${id}`.execute(db);
}

/** Never to be sent (an address suppressed after the message was queued, no public address for its links). */
export async function markSkipped(db: Tx, id: number, reason: string): Promise<void> {
  await sql`UPDATE mail_outbox SET status = 'skipped', last_error = ${reason}, locked_until = NULL WHERE id = ${id}`.execute(db);
}

export async function suppressed(db: Tx, email: string): Promise<boolean> {
  const { rows } = await sql`SELECT 1 FROM mail_suppressions WHERE email = ${email}`.execute(db);
  return rows.length > 0;
}

/** Adds the address (once; the first reason is kept). */
export async function insertSuppression(db: Tx, email: string, reason: string, sourceMailId: number | null): Promise<boolean> {
  const r = await sql`INSERT INTO mail_suppressions (email, reason, source_mail_id) VALUES (${email}, ${reason}, ${sourceMailId})
    ON CONFLICT (email) DO NOTHING`.execute(db);
  return Number(r.numAffectedRows ?? 0) > 0;
}

export async function outboxRecipient(db: Tx, id: number): Promise<{ to_address: string; contact_id: number | null; locale: string | null } | null> {
  const { rows } = await sql<{ to_address: string; contact_id: number | null; locale: string | null }>`SELECT to_address, contact_id, locale
    FROM mail_outbox WHERE id = ${id}`.execute(db);
  return rows[0] ?? null;
}

/** The pixel was loaded: the first time kept, every load counted. */
export async function markOpened(db: Tx, id: number): Promise<void> {
  await sql`UPDATE mail_outbox SET open_count = open_count + 1, first_opened_at = coalesce(first_opened_at, now()) WHERE id = ${id}`.execute(db);
}

export async function markFailed(db: Tx, id: number, error: string, giveUp: boolean, retryInSeconds: number): Promise<void> {
  await sql`UPDATE mail_outbox SET status = ${giveUp ? 'failed' : 'queued'}, last_error = ${error}, locked_until = NULL,
    next_attempt_at = now() + make_interval(secs => ${retryInSeconds}) WHERE id = ${id}`.execute(db);
}

export async function listOutbox(db: Tx, opts: { status?: string; beforeId?: number; limit: number }): Promise<OutboxRow[]> {
  const { rows } = await sql<OutboxRow>`SELECT id, message_id, to_address, to_name, subject, template_key, locale, contact_id, user_id,
      status, attempts, last_error, next_attempt_at, sent_at, created_at
    FROM mail_outbox WHERE (${opts.status ?? null}::text IS NULL OR status = ${opts.status ?? null})
      AND (${opts.beforeId ?? null}::bigint IS NULL OR id < ${opts.beforeId ?? null})
    ORDER BY id DESC LIMIT ${opts.limit}`.execute(db);
  return rows;
}

export interface DueReminder {
  task_id: number;
  title: string;
  description: string | null;
  priority: string;
  due_at: Date | null;
  reminder_at: Date;
  user_id: number | null;
  email: string | null;
  name: string | null;
  locale: string | null;
  active: boolean | null;
}

/** Due reminders of open tasks, locked until the transaction ends (another process skips them). */
export async function lockDueReminders(db: Tx, limit: number): Promise<DueReminder[]> {
  const { rows } = await sql<DueReminder>`SELECT t.id AS task_id, t.title, t.description, t.priority, t.due_at, t.reminder_at,
      u.id AS user_id, u.email, u.name, u.locale, u.active
    FROM tasks t LEFT JOIN users u ON u.id = t.owner_id
    WHERE t.reminder_at <= now() AND t.reminder_at IS NOT NULL AND (t.reminded_at IS NULL OR t.reminded_at < t.reminder_at)
      AND t.status = 'open'
    ORDER BY t.reminder_at LIMIT ${limit} FOR UPDATE OF t SKIP LOCKED`.execute(db);
  return rows;
}

export async function markReminded(db: Tx, taskIds: number[]): Promise<void> {
  await sql`UPDATE tasks SET reminded_at = now() WHERE id = ANY(${sql.val(taskIds)}::bigint[])`.execute(db);
}
