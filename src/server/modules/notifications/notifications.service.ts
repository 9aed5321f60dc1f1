// notify(): what any module calls to tell users about a record — inside the transaction of what
// causes it, so the notification exists exactly when that write commits. After commit call
// mailSoon() (mail.service.ts) so the e-mail copies leave at once rather than at the next poll.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Tx } from '../../records/types.ts';
import type { NotificationKind } from '../../../shared/contracts/notifications.ts';
import { canDo, type Actor } from '../../core/access.ts';
import { findObject } from '../../records/registry.ts';
import { loadActor } from '../auth/auth.service.ts';
import { getSettings } from '../settings/settings.service.ts';
import { queueMail } from '../mail/mail.service.ts';
import { asLocale, type Locale } from '../mail/mail.types.ts';
import { mailTemplateOf } from './notifications.kinds.ts';
import { insertNotifications, recipients, recordColumns, userNames, visibleIds, type Recipient } from './notifications.repo.ts';

export interface NotifyRequest {
  /** Who to tell. The actor, unknown and inactive users, and users who may not read the record are left out. */
  userIds: number[];
  kind: NotificationKind;
  /** The record's object (a registered record object) and id. */
  object: string;
  recordId: number;
  /** Who caused it (never notified of their own action); null: the system (a reminder, an SLA). */
  actorId: number | null;
  /**
   * Names the cause for good, unique per recipient: the same cause notifying again (an outbox
   * event delivered twice, a reminder queued again after a crash) adds nothing and sends nothing.
   */
  dedupeKey: string;
  /** The record's title to show; by default read from the record's title field now. */
  title?: string | null;
  /** Values of the kind: `detail` (an excerpt, an escalation's reason) is shown to readers of the record. */
  params?: { detail?: string } & Record<string, unknown>;
  /** The e-mail copy's template and values for one recipient; by default the kind's own template. */
  mail?: (to: Recipient, locale: Locale) => { template: string; vars: Record<string, unknown> };
}

/** May this user read the record (the object's read right and its visibility rule)? */
export async function mayRead(db: Tx, actor: Actor, object: string, recordId: number): Promise<boolean> {
  const def = findObject(object);
  if (!def || !canDo(actor, def, 'read')) return false;
  return (await visibleIds(db, def, actor, [recordId])).has(recordId);
}

async function readers(db: Tx, userIds: number[], object: string, recordId: number): Promise<Set<number>> {
  const ok = new Set<number>();
  for (const id of userIds) {
    const actor = await loadActor(db as Kysely<DB>, id);
    if (actor && (await mayRead(db, actor, object, recordId))) ok.add(id);
  }
  return ok;
}

export function objectWord(object: string, locale: Locale): string {
  const def = findObject(object);
  return def?.labels?.[locale]?.one ?? def?.singular ?? object;
}

/**
 * Notifies users of something about a record: a bell entry each, and an e-mail copy for those
 * whose preference for the kind says so. Answers the users newly notified and those mailed.
 */
export async function notify(trx: Tx, n: NotifyRequest): Promise<{ notified: number[]; mailed: number[] }> {
  const def = findObject(n.object);
  if (!def) throw new Error(`notify: unknown object ${n.object}`);
  const wanted = [...new Set(n.userIds.filter((id) => Number.isSafeInteger(id) && id > 0 && id !== n.actorId))];
  const people = (await recipients(trx, wanted, n.kind)).filter((r) => r.active);
  // A notification must not tell anyone about a record they may not read.
  const allowed = await readers(trx, people.map((p) => p.id), n.object, n.recordId);
  const to = people.filter((p) => allowed.has(p.id));
  if (!to.length) return { notified: [], mailed: [] };
  const title = n.title !== undefined ? n.title : String((await recordColumns(trx, def, n.recordId, [def.titleField]))?.[def.titleField] ?? '') || null;
  const params = n.params ?? {};
  const fresh = new Set(await insertNotifications(trx, to.map((p) => ({
    user_id: p.id, kind: n.kind, object: n.object, record_id: n.recordId, actor_id: n.actorId, title, params, dedupe_key: n.dedupeKey,
  }))));
  const mailTo = to.filter((p) => fresh.has(p.id) && p.wants_email);
  if (mailTo.length) {
    const organization = (await getSettings(trx as Kysely<DB>)).organization_name ?? '';
    const actorName = n.actorId ? ((await userNames(trx, [n.actorId])).get(n.actorId) ?? '') : '';
    for (const p of mailTo) {
      const locale = asLocale(p.locale);
      const m = n.mail?.(p, locale) ?? {
        template: mailTemplateOf(n.kind),
        vars: { user: { name: p.name }, actor: { name: actorName }, record: { kind: objectWord(n.object, locale), title: title ?? '' }, detail: String(params.detail ?? ''), organization: { name: organization } },
      };
      await queueMail(trx, { to: p.email, toName: p.name, template: m.template, locale, vars: m.vars, userId: p.id });
    }
  }
  return { notified: [...fresh], mailed: mailTo.map((p) => p.id) };
}
