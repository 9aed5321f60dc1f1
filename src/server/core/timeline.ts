import type { Tx } from '../records/types.ts';

export interface TimelineEvent {
  occurredAt: Date | string;
  kind: string;
  title: string;
  body?: string | null;
  contactId?: number | null;
  accountId?: number | null;
  refType?: string | null;
  refId?: number | null;
  actorId?: number | null;
}

/**
 * The one way any module puts something on a contact's or account's 360° timeline: call it
 * inside the transaction that writes the thing itself, so both commit or neither does.
 */
export async function emitTimeline(db: Tx, e: TimelineEvent): Promise<void> {
  if (!e.contactId && !e.accountId) return;
  await db
    .insertInto('timeline_events')
    .values({
      occurred_at: e.occurredAt,
      kind: e.kind,
      title: e.title,
      body: e.body ?? null,
      contact_id: e.contactId ?? null,
      account_id: e.accountId ?? null,
      ref_type: e.refType ?? null,
      ref_id: e.refId ?? null,
      actor_id: e.actorId ?? null,
    })
    .execute();
}

/** Keeps the timeline rows of a source record in step with it (an edited or deleted activity). */
export async function syncTimeline(db: Tx, refType: string, refId: number, e: TimelineEvent | null): Promise<void> {
  await db.deleteFrom('timeline_events').where('ref_type', '=', refType).where('ref_id', '=', refId).execute();
  if (e) await emitTimeline(db, { ...e, refType, refId });
}
