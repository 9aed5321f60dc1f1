import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { requireDo, type Actor } from '../../core/access.ts';
import { notFound } from '../../http/errors.ts';
import { assertVisible } from '../../records/service.ts';
import { decodeCursor } from '../../records/query.ts';
import { pageOf } from '../../records/page.ts';
import { getObject, hasTimeline } from '../../records/registry.ts';
import type { ObjectDef } from '../../records/types.ts';
import { redactTimelineEntry, timelineEntryVisible } from './timeline-access.ts';
import { selectTimeline } from './timeline.repo.ts';

/** The object named in a timeline URL: an object without a timeline answers like a missing one. */
export function timelineObject(name: string): ObjectDef {
  const def = getObject(name);
  if (!hasTimeline(def.name)) throw notFound(`Object ${name}`);
  return def;
}

/** The 360° view of a record the actor may see: entries from sources they may read, redacted. */
export async function readTimeline(
  db: Kysely<DB>, def: ObjectDef, actor: Actor, id: number,
  q: { limit?: number; cursor?: string; kind?: string },
) {
  requireDo(actor, def, 'read');
  await assertVisible(db, def, actor, id);
  const limit = q.limit ?? 50;
  const kinds = q.kind?.split(',').map((s) => s.trim()).filter(Boolean);
  const cursor = q.cursor ? decodeCursor(q.cursor) : undefined;
  const rows = await selectTimeline(db, timelineEntryVisible(actor, 't', 'tt'), { object: def.name, id, kinds, before: cursor && [String(cursor[0]), cursor[1]], limit: limit + 1 });
  // The cursor keeps the database's text of occurred_at: a JS Date would drop its microseconds.
  const page = pageOf(rows, limit, (last) => [last._at, last.id]);
  return { ...page, data: page.data.map(({ actor_id, actor_name, _at, ...e }) => ({ ...redactTimelineEntry(actor, e), actor: actor_id ? { id: actor_id, name: actor_name } : null })) };
}
