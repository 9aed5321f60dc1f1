import { sql } from 'kysely';
import type { ObjectDef, Row, Tx } from '../records/types.ts';
import { ANY_OBJECT, registerReference } from '../records/references.ts';
import { onRecordsDeleted } from '../records/delete-rules.ts';

/** A record whose timeline shows an event; `field`: the source's link field that put it there. */
export interface TimelineTarget {
  object: string;
  id: number;
  field?: string | null;
}

export interface TimelineEvent {
  occurredAt: Date | string;
  kind: string;
  title: string;
  body?: string | null;
  targets: TimelineTarget[];
  refType?: string | null;
  refId?: number | null;
  actorId?: number | null;
}

/**
 * The one way any module puts something on the 360° timelines of records (of any object):
 * call it inside the transaction that writes the thing itself, so both commit or neither does.
 * An event with no target is not kept.
 */
export async function emitTimeline(db: Tx, e: TimelineEvent): Promise<void> {
  const seen = new Set<string>();
  const targets = e.targets.filter((x) => {
    const k = `${x.object}:${x.id}`;
    return !seen.has(k) && seen.add(k);
  });
  if (!targets.length) return;
  const { id } = await db
    .insertInto('timeline_events')
    .values({
      occurred_at: e.occurredAt, kind: e.kind, title: e.title, body: e.body ?? null,
      ref_type: e.refType ?? null, ref_id: e.refId ?? null, actor_id: e.actorId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('timeline_targets')
    .values(targets.map((x) => ({ event_id: Number(id), object: x.object, record_id: x.id, field: x.field ?? null, occurred_at: e.occurredAt })))
    .execute();
}

/** Keeps the timeline rows of a source record in step with it (an edited or deleted activity). */
export async function syncTimeline(db: Tx, refType: string, refId: number, e: TimelineEvent | null): Promise<void> {
  await db.deleteFrom('timeline_events').where('ref_type', '=', refType).where('ref_id', '=', refId).execute();
  if (e) await emitTimeline(db, { ...e, refType, refId });
}

/** The records a row's events show on: the values of its definition's `timeline.targets` link fields. */
export function timelineTargets(def: ObjectDef, row: Row): TimelineTarget[] {
  return (def.timeline?.targets ?? []).flatMap((key) => {
    const f = def.fields.find((x) => x.key === key);
    return f?.link && row[key] != null ? [{ object: f.link, id: Number(row[key]), field: key }] : [];
  });
}

// A merge moves the duplicates' timeline entries to the surviving record (an entry already on
// it keeps one target), whatever the object.
registerReference(ANY_OBJECT, { table: 'timeline_targets', column: 'record_id', uniqueWith: 'event_id', objectColumn: 'object' });

// A deleted record takes the entries it is the source of; it leaves the timelines it was on,
// and an entry left on no timeline goes.
onRecordsDeleted(async (trx, def, ids) => {
  const these = sql.val(ids);
  await sql`DELETE FROM timeline_events WHERE ref_type = ${def.singular} AND ref_id = ANY(${these}::bigint[])`.execute(trx);
  await sql`WITH gone AS (DELETE FROM timeline_targets WHERE object = ${def.name} AND record_id = ANY(${these}::bigint[]) RETURNING event_id)
    DELETE FROM timeline_events e WHERE e.id IN (SELECT event_id FROM gone)
      AND NOT EXISTS (SELECT 1 FROM timeline_targets x WHERE x.event_id = e.id AND NOT (x.object = ${def.name} AND x.record_id = ANY(${these}::bigint[])))`.execute(trx);
});
