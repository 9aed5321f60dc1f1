import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hook.ts';
import { idParam, parse } from '../../http/validate.ts';
import { assertVisible } from '../../records/service.ts';
import { decodeCursor, encodeCursor } from '../../records/query.ts';
import type { ObjectDef } from '../../records/types.ts';
import { redactTimelineEntry, timelineSourceVisible, type EntryText } from './timeline-access.ts';

const TimelineQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z.string().max(500).optional(),
  kind: z.string().max(300).optional(),
});

/** GET /{object}/{id}/timeline: the 360° view, newest first, for any object with a timeline column. */
export function registerTimelineRoute(app: FastifyInstance, def: ObjectDef, column: 'contact_id' | 'account_id'): void {
  app.get(`/${def.name}/:id/timeline`, { schema: { tags: [def.name] } }, async (req) => {
    const actor = actorOf(req);
    const { id } = parse(idParam, req.params);
    const q = parse(TimelineQuery, req.query);
    await assertVisible(app.db, def, actor, id);
    const limit = q.limit ?? 50;
    const kinds = q.kind?.split(',').map((s) => s.trim()).filter(Boolean);
    const conds = [sql`t.${sql.ref(column)} = ${id}`, timelineSourceVisible(actor, 't')];
    if (kinds?.length) conds.push(sql`t.kind IN (${sql.join(kinds)})`);
    if (q.cursor) {
      const [at, cid] = decodeCursor(q.cursor);
      conds.push(sql`(t.occurred_at, t.id) < (CAST(${String(at)} AS timestamptz), ${cid})`);
    }
    const { rows } = await sql<EntryText & Record<string, any>>`
      SELECT t.id, t.occurred_at, t.occurred_at::text AS _at, t.kind, t.title, t.body, t.ref_type, t.ref_id, t.contact_id, t.account_id,
             t.actor_id, u.name AS actor_name
      FROM timeline_events t LEFT JOIN users u ON u.id = t.actor_id
      WHERE ${sql.join(conds, sql` AND `)}
      ORDER BY t.occurred_at DESC, t.id DESC LIMIT ${limit + 1}`.execute(app.db);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      data: page.map(({ actor_id, actor_name, _at, ...e }) => ({ ...redactTimelineEntry(actor, e), actor: actor_id ? { id: actor_id, name: actor_name } : null })),
      // The cursor keeps the database's text of occurred_at: a JS Date would drop its microseconds.
      next_cursor: rows.length > limit && last ? encodeCursor(last._at, last.id) : null,
    };
  });
}
