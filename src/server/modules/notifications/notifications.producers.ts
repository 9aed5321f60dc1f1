// The producers fed by record events (core/events.ts): `assigned` when a record's owner becomes
// someone other than the writer, `mentioned` when a write adds @mentions to a field declaring
// `mentions`. They read only the events and the records, so any write path — a form, an import's
// update, the assignment rules' own writes — is covered without knowing it. Events arrive at
// least once: the notification's dedupe key is the event's own key, so a second delivery adds nothing.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { onRecordEvent, type DeliveryContext, type RecordEvent } from '../../core/events.ts';
import { findObject } from '../../records/registry.ts';
import type { ObjectDef } from '../../records/types.ts';
import { mentionedUserIds, plainMentions } from '../../../shared/mentions.ts';
import { mailSoon } from '../mail/mail.service.ts';
import { recordColumns } from './notifications.repo.ts';
import { notify, type NotifyRequest } from './notifications.service.ts';

const EXCERPT = 200;

/** The standard fields of an object whose text may @mention users. */
export const mentionFields = (def: ObjectDef) => def.fields.filter((f) => f.mentions).map((f) => f.key);

async function run(db: Kysely<DB>, requests: NotifyRequest[]): Promise<void> {
  if (!requests.length) return;
  let mailed = 0;
  await db.transaction().execute(async (trx) => {
    for (const r of requests) mailed += (await notify(trx, r)).mailed.length;
  });
  if (mailed) mailSoon();
}

/** The new owner, when this write made someone other than the writer the owner. */
async function newOwner(db: Kysely<DB>, def: ObjectDef, e: RecordEvent): Promise<number | null> {
  const field = def.ownerField!;
  let owner: unknown;
  if (e.type === 'updated') {
    const change = e.changes?.[field];
    if (!change || change[0] === change[1]) return null;
    owner = change[1];
  } else {
    owner = (await recordColumns(db, def, e.id, [field]))?.[field];
  }
  const id = owner === null || owner === undefined ? null : Number(owner);
  return id && id !== e.actorId ? id : null;
}

/** Users this write newly mentions (mentioned now, and not already before an update), with an excerpt. */
async function newMentions(db: Kysely<DB>, def: ObjectDef, e: RecordEvent): Promise<{ ids: number[]; excerpt: string }> {
  const fields = mentionFields(def);
  if (!fields.length) return { ids: [], excerpt: '' };
  const ids = new Set<number>();
  let excerpt = '';
  const row = e.type === 'created' ? await recordColumns(db, def, e.id, fields) : undefined;
  for (const f of fields) {
    const [before, after] = e.type === 'created' ? [null, row?.[f]] : (e.changes?.[f] ?? [null, null]);
    const had = new Set(mentionedUserIds(before));
    const added = mentionedUserIds(after).filter((id) => !had.has(id));
    for (const id of added) ids.add(id);
    if (added.length && !excerpt) excerpt = plainMentions(String(after)).slice(0, EXCERPT);
  }
  return { ids: [...ids], excerpt };
}

export async function onEvent(e: RecordEvent, { db, key }: DeliveryContext): Promise<void> {
  if (e.type !== 'created' && e.type !== 'updated') return;
  const def = findObject(e.object);
  if (!def) return;
  const base = { object: def.name, recordId: e.id, actorId: e.actorId, dedupeKey: `event:${key}` };
  // One key per kind: the writer may both assign and mention the same person in one write.
  const requests: NotifyRequest[] = [];
  const owner = def.ownerField ? await newOwner(db, def, e) : null;
  if (owner) requests.push({ ...base, dedupeKey: `${base.dedupeKey}:assigned`, kind: 'assigned', userIds: [owner] });
  const mentions = await newMentions(db, def, e);
  if (mentions.ids.length) requests.push({ ...base, dedupeKey: `${base.dedupeKey}:mentioned`, kind: 'mentioned', userIds: mentions.ids, params: { detail: mentions.excerpt } });
  await run(db, requests);
}

let registered = false;

/** Subscribes once per process (every app of the process: each event carries its own database). */
export function registerProducers(): void {
  if (registered) return;
  registered = true;
  onRecordEvent(onEvent);
}
