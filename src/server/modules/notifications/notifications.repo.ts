// The SQL of the notifications module (its own tables, and the users it notifies).
import { sql } from 'kysely';
import type { ObjectDef, Tx } from '../../records/types.ts';
import { recordVisibility, type Actor } from '../../core/access.ts';

export interface NewNotification {
  user_id: number;
  kind: string;
  object: string;
  record_id: number;
  actor_id: number | null;
  title: string | null;
  params: Record<string, unknown>;
  dedupe_key: string;
}

export interface NotificationRow extends NewNotification {
  id: number;
  actor_name: string | null;
  created_at: Date;
  read_at: Date | null;
}

/** Inserts what is new; a (user, dedupe key) seen before inserts nothing. Answers the users newly notified. */
export async function insertNotifications(db: Tx, rows: NewNotification[]): Promise<number[]> {
  if (!rows.length) return [];
  const values = sql.join(rows.map((r) => sql`(${r.user_id}, ${r.kind}, ${r.object}, ${r.record_id}, ${r.actor_id}, ${r.title}, ${JSON.stringify(r.params)}::jsonb, ${r.dedupe_key})`));
  const { rows: made } = await sql<{ user_id: number }>`INSERT INTO notifications (user_id, kind, object, record_id, actor_id, title, params, dedupe_key)
    VALUES ${values} ON CONFLICT (user_id, dedupe_key) DO NOTHING RETURNING user_id`.execute(db);
  return made.map((r) => Number(r.user_id));
}

export interface Recipient {
  id: number;
  name: string;
  email: string;
  locale: string;
  active: boolean;
  /** The user's e-mail preference for the kind asked about (no row: true). */
  wants_email: boolean;
}

export async function recipients(db: Tx, userIds: number[], kind: string): Promise<Recipient[]> {
  if (!userIds.length) return [];
  const { rows } = await sql<Recipient>`SELECT u.id, u.name, u.email, u.locale, u.active, COALESCE(p.email, true) AS wants_email
    FROM users u LEFT JOIN notification_preferences p ON p.user_id = u.id AND p.kind = ${kind}
    WHERE u.id = ANY(${sql.val(userIds)}::bigint[]) ORDER BY u.id`.execute(db);
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** A user's notifications, newest first, from before `beforeId`. */
export async function selectNotifications(db: Tx, userId: number, opts: { unread: boolean; beforeId: number | null; limit: number }): Promise<NotificationRow[]> {
  const { rows } = await sql<NotificationRow>`SELECT n.id, n.user_id, n.kind, n.object, n.record_id, n.actor_id, a.name AS actor_name,
      n.title, n.params, n.dedupe_key, n.created_at, n.read_at
    FROM notifications n LEFT JOIN users a ON a.id = n.actor_id
    WHERE n.user_id = ${userId} ${opts.unread ? sql`AND n.read_at IS NULL` : sql``}
      ${opts.beforeId !== null ? sql`AND n.id < ${opts.beforeId}` : sql``}
    ORDER BY n.id DESC LIMIT ${opts.limit}`.execute(db);
  return rows.map((r) => ({ ...r, id: Number(r.id), record_id: Number(r.record_id), actor_id: r.actor_id === null ? null : Number(r.actor_id) }));
}

/** Unread ones up to `cap + 1` (the partial index answers it without touching read rows). */
export async function countUnread(db: Tx, userId: number, cap: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (SELECT 1 FROM notifications
    WHERE user_id = ${userId} AND read_at IS NULL LIMIT ${cap + 1}) x`.execute(db);
  return rows[0]?.n ?? 0;
}

/** Marks one of the user's notifications read; answers false when the user has none with that id. */
export async function markRead(db: Tx, userId: number, id: number): Promise<boolean> {
  const { rows } = await sql<{ id: number }>`UPDATE notifications SET read_at = COALESCE(read_at, now())
    WHERE id = ${id} AND user_id = ${userId} RETURNING id`.execute(db);
  return rows.length > 0;
}

export async function markAllRead(db: Tx, userId: number): Promise<number> {
  const r = await sql`UPDATE notifications SET read_at = now() WHERE user_id = ${userId} AND read_at IS NULL`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

export async function selectPreferences(db: Tx, userId: number): Promise<{ kind: string; email: boolean }[]> {
  const { rows } = await sql<{ kind: string; email: boolean }>`SELECT kind, email FROM notification_preferences WHERE user_id = ${userId}`.execute(db);
  return rows;
}

export async function upsertPreferences(db: Tx, userId: number, prefs: [string, boolean][]): Promise<void> {
  if (!prefs.length) return;
  const values = sql.join(prefs.map(([kind, email]) => sql`(${userId}, ${kind}, ${email})`));
  await sql`INSERT INTO notification_preferences (user_id, kind, email) VALUES ${values}
    ON CONFLICT (user_id, kind) DO UPDATE SET email = EXCLUDED.email, updated_at = now()`.execute(db);
}

/** Retention: read notifications older than `readDays` go, unread ones older than `unreadDays`. */
export async function deleteOld(db: Tx, readDays: number, unreadDays: number): Promise<number> {
  const r = await sql`DELETE FROM notifications WHERE (read_at IS NOT NULL AND read_at < now() - make_interval(days => ${readDays}))
    OR (read_at IS NULL AND created_at < now() - make_interval(days => ${unreadDays}))`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

/** Of these records of one object, the ids the actor may see (its visibility rule on the owner column). */
export async function visibleIds(db: Tx, def: ObjectDef, actor: Actor, ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const vis = recordVisibility(actor, def, def.name);
  const { rows } = await sql<{ id: number }>`SELECT id FROM ${sql.table(def.name)} WHERE id = ANY(${sql.val(ids)}::bigint[]) AND ${vis}`.execute(db);
  return new Set(rows.map((r) => Number(r.id)));
}

/** Columns of one record (its title, its owner, a mention field), or undefined when it is gone. */
export async function recordColumns(db: Tx, def: ObjectDef, id: number, columns: string[]): Promise<Record<string, unknown> | undefined> {
  const { rows } = await sql<Record<string, unknown>>`SELECT ${sql.join(columns.map((c) => sql.ref(c)))} FROM ${sql.table(def.name)} WHERE id = ${id}`.execute(db);
  return rows[0];
}

export async function userNames(db: Tx, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const { rows } = await sql<{ id: number; name: string }>`SELECT id, name FROM users WHERE id = ANY(${sql.val(ids)}::bigint[])`.execute(db);
  return new Map(rows.map((r) => [Number(r.id), r.name]));
}
