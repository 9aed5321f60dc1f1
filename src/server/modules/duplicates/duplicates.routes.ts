import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireDo } from '../../core/access.ts';
import { actorOf } from '../../http/auth-hook.ts';
import { bindDb } from '../../core/bind-db.ts';
import { IdParam } from '../../../shared/contracts/common.ts';
import { loadVisible } from '../../records/service.ts';
import type { ObjectDef } from '../../records/types.ts';
import { checkBodySchema, duplicatesOf, findDuplicates } from './duplicates.service.ts';
import { mergeRecords } from './merge.service.ts';
import { undoMerge } from './merge-undo.ts';
import { resourcePath } from '../../../shared/resource-path.ts';

const MergeBody = z.object({ primary_id: z.number().int().positive(), duplicate_ids: z.array(z.number().int().positive()).min(1).max(20) });
const UndoBody = z.object({ audit_id: z.number().int().positive() });

/** Duplicate detection (by the object's declared duplicate keys) and merge for an object. */
export function registerDuplicateRoutes(fastify: FastifyInstance, def: ObjectDef): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = [def.name];
  const CheckBody = checkBodySchema(def);
  const dup = bindDb(app, { loadVisible, duplicatesOf, findDuplicates, mergeRecords, undoMerge });
  app.get(`/${resourcePath(def.name)}/:id/duplicates`, { schema: { tags, params: IdParam } }, async (req) => {
    const actor = actorOf(req);
    requireDo(actor, def, 'read');
    const row = await dup.loadVisible(def, actor, req.params.id);
    return { data: await dup.duplicatesOf(def, actor, row) };
  });
  app.post(`/${resourcePath(def.name)}/duplicates/check`, { schema: { tags, body: CheckBody } }, async (req) => {
    // A probe for matching records is a search of the object: it needs `list`.
    requireDo(actorOf(req), def, 'list');
    return { data: await dup.findDuplicates(def, actorOf(req), req.body as z.infer<typeof CheckBody>) };
  });
  app.post(`/${resourcePath(def.name)}/merge`, { schema: { tags, body: MergeBody } }, async (req) => {
    return { data: await dup.mergeRecords(def, actorOf(req), req.body.primary_id, req.body.duplicate_ids) };
  });
  app.post(`/${resourcePath(def.name)}/merge/undo`, { schema: { tags, body: UndoBody } }, async (req) => {
    await dup.undoMerge(def, actorOf(req), req.body.audit_id);
    return { data: { ok: true } };
  });
}
