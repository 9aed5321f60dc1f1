import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hook.ts';
import { idParam, parse } from '../../http/validate.ts';
import { bindDb } from '../../core/bind-db.ts';
import type { ObjectDef } from '../../records/types.ts';
import { readTimeline, timelineObject } from './timeline.service.ts';

const TimelineQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z.string().max(500).optional(),
  kind: z.string().max(300).optional(),
});

const ObjectParam = idParam.extend({ object: z.string().min(1).max(100) });

/** GET /{object}/{id}/timeline: the 360° view, newest first, under the object's own path. */
export function registerTimelineRoute(app: FastifyInstance, def: ObjectDef): void {
  const timeline = bindDb(app, { readTimeline });
  app.get(`/${def.name}/:id/timeline`, { schema: { tags: [def.name] } }, async (req) => {
    const { id } = parse(idParam, req.params);
    return timeline.readTimeline(def, actorOf(req), id, parse(TimelineQuery, req.query));
  });
}

/** GET /timeline/{object}/{id}: the same view for a record of any object with a timeline. */
export default async function timelineRoutes(app: FastifyInstance) {
  const timeline = bindDb(app, { readTimeline });
  app.get('/timeline/:object/:id', { schema: { tags: ['timeline'] } }, async (req) => {
    const actor = actorOf(req);
    const { object, id } = parse(ObjectParam, req.params);
    return timeline.readTimeline(timelineObject(object), actor, id, parse(TimelineQuery, req.query));
  });
}
