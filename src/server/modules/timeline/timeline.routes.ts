import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/auth-hook.ts';
import { IdParam } from '../../../shared/contracts/common.ts';
import { bindDb } from '../../core/bind-db.ts';
import type { ObjectDef } from '../../records/types.ts';
import { readTimeline, timelineObject } from './timeline.service.ts';
import { resourcePath } from '../../../shared/resource-path.ts';

const TimelineQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z.string().max(500).optional(),
  kind: z.string().max(300).optional(),
});

const ObjectParam = IdParam.extend({ object: z.string().min(1).max(100) });

/** Documentation only (a plain JSON schema: the answer is serialised as it is, http/contracts.ts). */
const TimelinePageDoc = {
  200: {
    type: 'object', required: ['data', 'next_cursor'],
    properties: {
      data: {
        type: 'array',
        items: {
          type: 'object', required: ['id', 'occurred_at', 'kind', 'title', 'body', 'ref_type', 'ref_id', 'actor'],
          properties: {
            id: { type: 'integer' }, occurred_at: { type: 'string', format: 'date-time' },
            kind: { type: 'string', description: 'what happened (activity, task, mail, stage…); filter with `kind=a,b`' },
            title: { type: 'string', nullable: true, description: 'null where it comes from a field the caller may not read' },
            body: { type: 'string', nullable: true },
            ref_type: { type: 'string', nullable: true, description: 'the singular of the object the entry comes from' },
            ref_id: { type: 'integer', nullable: true },
            actor: { type: 'object', nullable: true, required: ['id', 'name'], properties: { id: { type: 'integer' }, name: { type: 'string' } } },
          },
        },
      },
      next_cursor: { type: 'string', nullable: true },
    },
  },
};

/** GET /{object}/{id}/timeline: the 360° view, newest first, under the object's own path. */
export function registerTimelineRoute(fastify: FastifyInstance, def: ObjectDef): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const timeline = bindDb(app, { readTimeline });
  app.get(`/${resourcePath(def.name)}/:id/timeline`, { schema: { tags: [def.name], params: IdParam, querystring: TimelineQuery, response: TimelinePageDoc } }, async (req) =>
    timeline.readTimeline(def, actorOf(req), req.params.id, req.query));
}

/** GET /timeline/{object}/{id}: the same view for a record of any object with a timeline. */
export default async function timelineRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const timeline = bindDb(app, { readTimeline });
  app.get('/timeline/:object/:id', { schema: { tags: ['timeline'], params: ObjectParam, querystring: TimelineQuery, response: TimelinePageDoc } }, async (req) =>
    timeline.readTimeline(timelineObject(req.params.object), actorOf(req), req.params.id, req.query));
}
