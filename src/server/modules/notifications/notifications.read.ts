// The bell's side: a user's own notifications (nobody else's: another user's id answers 404),
// rendered in the reader's language, and which kinds the user also wants by e-mail.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { canDo, canReadField, type Actor } from '../../core/access.ts';
import { writeAudit } from '../../core/audit.ts';
import { notFound } from '../../http/errors.ts';
import { decodeCursor } from '../../records/query.ts';
import { pageOf } from '../../records/page.ts';
import { findObject } from '../../records/registry.ts';
import { NOTIFICATION_KINDS, UNREAD_CAP, type Notification, type NotificationKind, type NotificationPreferences } from '../../../shared/contracts/notifications.ts';
import { asLocale } from '../mail/mail.types.ts';
import { notificationLine } from './notifications.kinds.ts';
import { objectWord } from './notifications.service.ts';
import { countUnread, markAllRead, markRead, selectNotifications, selectPreferences, upsertPreferences, visibleIds, type NotificationRow } from './notifications.repo.ts';

/** Per object on the page: the records whose title (and the kind's detail) the reader may see now. */
async function readable(db: Kysely<DB>, actor: Actor, rows: NotificationRow[]): Promise<(r: NotificationRow) => boolean> {
  const ok = new Set<string>();
  for (const object of new Set(rows.map((r) => r.object))) {
    const def = findObject(object);
    if (!def || !canDo(actor, def, 'read') || !canReadField(actor, object, def.titleField)) continue;
    const ids = await visibleIds(db, def, actor, rows.filter((r) => r.object === object).map((r) => r.record_id));
    for (const id of ids) ok.add(`${object}:${id}`);
  }
  return (r) => ok.has(`${r.object}:${r.record_id}`);
}

function present(actor: Actor, r: NotificationRow, canSee: boolean): Notification {
  const locale = asLocale(actor.locale);
  // A record the reader can no longer read: the line says what happened, not what the record is.
  const params = canSee ? r.params : {};
  return {
    id: r.id,
    kind: r.kind as NotificationKind,
    object: r.object,
    record_id: r.record_id,
    actor: r.actor_id !== null && r.actor_name !== null ? { id: r.actor_id, name: r.actor_name } : null,
    text: notificationLine(r.kind as NotificationKind, locale, { object: objectWord(r.object, locale), actor: r.actor_name, detail: typeof params.detail === 'string' ? params.detail : '' }),
    title: canSee ? r.title : null,
    params,
    created_at: new Date(r.created_at).toISOString(),
    read_at: r.read_at ? new Date(r.read_at).toISOString() : null,
  };
}

export async function listNotifications(db: Kysely<DB>, actor: Actor, q: { unread?: 'true' | 'false'; limit?: number; cursor?: string }) {
  const limit = q.limit ?? 20;
  const before = q.cursor ? Number(decodeCursor(q.cursor)[1]) : null;
  const rows = await selectNotifications(db, actor.id, { unread: q.unread === 'true', beforeId: before, limit: limit + 1 });
  const page = pageOf(rows, limit, (last) => [last.id, last.id]);
  const canSee = await readable(db, actor, page.data);
  return { data: page.data.map((r) => present(actor, r, canSee(r))), next_cursor: page.next_cursor };
}

export async function unreadCount(db: Kysely<DB>, actor: Actor) {
  const n = await countUnread(db, actor.id, UNREAD_CAP);
  return { count: Math.min(n, UNREAD_CAP), capped: n > UNREAD_CAP };
}

/** Marks one read; an id that is not the caller's answers exactly as a missing one. */
export async function readOne(db: Kysely<DB>, actor: Actor, id: number): Promise<void> {
  if (!Number.isSafeInteger(id) || id <= 0 || !(await markRead(db, actor.id, id))) throw notFound('notification');
}

export async function readAll(db: Kysely<DB>, actor: Actor) {
  return { updated: await markAllRead(db, actor.id) };
}

export async function getPreferences(db: Kysely<DB>, actor: Actor): Promise<NotificationPreferences> {
  const stored = new Map((await selectPreferences(db, actor.id)).map((p) => [p.kind, p.email]));
  return { email: Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, stored.get(k) ?? true])) as NotificationPreferences['email'] };
}

export async function setPreferences(db: Kysely<DB>, actor: Actor, body: { email: Partial<Record<NotificationKind, boolean>> }): Promise<NotificationPreferences> {
  const changes = Object.entries(body.email).filter((e): e is [NotificationKind, boolean] => typeof e[1] === 'boolean');
  await db.transaction().execute(async (trx) => {
    await upsertPreferences(trx, actor.id, changes);
    if (changes.length) await writeAudit(trx, { actorId: actor.id, action: 'update', object: 'notification_preferences', recordId: actor.id, changes: Object.fromEntries(changes.map(([k, v]) => [`email.${k}`, [null, v]])) });
  });
  return getPreferences(db, actor);
}
