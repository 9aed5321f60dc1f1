import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/auth-hook.ts';
import { IdParam } from '../../../shared/contracts/common.ts';
import { LinesAnswer, PutLinesBody } from '../../../shared/contracts/line-items.ts';
import { bindDb } from '../../core/bind-db.ts';
import { getLines, putLines } from '../../records/line-items.ts';
import { parseIfMatch } from '../../records/versions.ts';
import type { ObjectDef } from '../../records/types.ts';
import { resourcePath } from '../../../shared/resource-path.ts';

/** GET and PUT /{object}/{id}/lines for an object declaring `lines` (records/line-items.ts). */
export function registerLineRoutes(fastify: FastifyInstance, def: ObjectDef): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const svc = bindDb(app, { getLines, putLines });
  const tags = [def.name];
  app.get(`/${resourcePath(def.name)}/:id/lines`, { schema: { tags, params: IdParam, response: { 200: LinesAnswer } } }, async (req, reply) => {
    const data = await svc.getLines(def, actorOf(req), req.params.id);
    reply.header('etag', `"${data.version}"`);
    return { data };
  });
  app.put(`/${resourcePath(def.name)}/:id/lines`, { schema: { tags, params: IdParam, body: PutLinesBody, response: { 200: LinesAnswer } } }, async (req, reply) => {
    const data = await svc.putLines(def, actorOf(req), req.params.id, req.body, parseIfMatch(req.headers['if-match']));
    reply.header('etag', `"${data.version}"`);
    return { data };
  });
}
