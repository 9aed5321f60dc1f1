// The outbox as admins see it: newest first, a page at a time (cursor: the last id seen).
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { listOutbox as rows } from './mail.repo.ts';

const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());

export async function listOutbox(db: Kysely<DB>, q: { status?: 'queued' | 'sent' | 'failed' | 'skipped'; cursor?: string; limit?: number }) {
  const limit = q.limit ?? 50;
  const page = await rows(db, { status: q.status, beforeId: q.cursor ? Number(q.cursor) : undefined, limit: limit + 1 });
  const data = page.slice(0, limit).map((r) => ({
    id: Number(r.id), message_id: r.message_id, to_address: r.to_address, subject: r.subject, template_key: r.template_key, locale: r.locale,
    contact_id: r.contact_id == null ? null : Number(r.contact_id), user_id: r.user_id == null ? null : Number(r.user_id),
    status: r.status as 'queued' | 'sent' | 'failed' | 'skipped', attempts: r.attempts, last_error: r.last_error,
    next_attempt_at: iso(r.next_attempt_at)!, sent_at: iso(r.sent_at), created_at: iso(r.created_at)!,
  }));
  return { data, next_cursor: page.length > limit ? String(data[data.length - 1]!.id) : null };
}
