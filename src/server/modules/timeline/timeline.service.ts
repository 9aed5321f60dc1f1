import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../core/access.ts';
import { assertVisible } from '../../records/service.ts';
import { requireDo } from '../../core/access.ts';
import { decodeCursor } from '../../records/query.ts';
import { pageOf } from '../../records/page.ts';
import type { ObjectDef } from '../../records/types.ts';
import { redactTimelineEntry, timelineSourceVisible } from './timeline-access.ts';
import { selectTimeline } from './timeline.repo.ts';

/** The 360° view of a record the actor may see: entries from sources they may read, redacted. */
export async function readTimeline(
  db: Kysely<DB>, def: ObjectDef, actor: Actor, column: 'contact_id' | 'account_id', id: number,
  q: { limit?: number; cursor?: string; kind?: string },
) {
  requireDo(actor, def, 'read');
  await assertVisible(db, def, actor, id);
  const limit = q.limit ?? 50;
  const kinds = q.kind?.split(',').map((s) => s.trim()).filter(Boolean);
  const cursor = q.cursor ? decodeCursor(q.cursor) : undefined;
  const rows = await selectTimeline(db, timelineSourceVisible(actor, 't'), { column, id, kinds, before: cursor && [String(cursor[0]), cursor[1]], limit: limit + 1 });
  // The cursor keeps the database's text of occurred_at: a JS Date would drop its microseconds.
  const page = pageOf(rows, limit, (last) => [last._at, last.id]);
  return { ...page, data: page.data.map(({ actor_id, actor_name, _at, ...e }) => ({ ...redactTimelineEntry(actor, e), actor: actor_id ? { id: actor_id, name: actor_name } : null })) };
}
