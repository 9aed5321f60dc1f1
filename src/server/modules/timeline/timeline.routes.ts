import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hook.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParam } from '../../../shared/contracts/common.ts';
import { bindDb } from '../../core/bind-db.ts';
import type { ObjectDef } from '../../records/types.ts';
import { readTimeline } from './timeline.service.ts';

const TimelineQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z.string().max(500).optional(),
  kind: z.string().max(300).optional(),
});

/** GET /{object}/{id}/timeline: the 360° view, newest first, for any object with a timeline column. */
export function registerTimelineRoute(fastify: FastifyInstance, def: ObjectDef, column: 'contact_id' | 'account_id'): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const timeline = bindDb(app, { readTimeline });
  app.get(`/${def.name}/:id/timeline`, { schema: { tags: [def.name], params: IdParam, querystring: TimelineQuery } }, async (req) => {
    const actor = actorOf(req);
    return timeline.readTimeline(def, actor, column, req.params.id, req.query);
  });
}
