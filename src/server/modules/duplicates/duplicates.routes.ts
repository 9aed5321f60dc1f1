import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hook.ts';
import { bindDb } from '../../core/bind-db.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParam } from '../../../shared/contracts/common.ts';
import { loadVisible } from '../../records/service.ts';
import type { ObjectDef } from '../../records/types.ts';
import { duplicatesOf, findDuplicates } from './duplicates.service.ts';
import { mergeRecords } from './merge.service.ts';
import { undoMerge } from './merge-undo.ts';

const MergeBody = z.object({ primary_id: z.number().int().positive(), duplicate_ids: z.array(z.number().int().positive()).min(1).max(20) });
const CheckBody = z.object({
  name: z.string().max(300).nullish(),
  email: z.string().max(320).nullish(),
  phone: z.string().max(60).nullish(),
  mobile: z.string().max(60).nullish(),
  account_id: z.number().int().positive().nullish(),
});
const UndoBody = z.object({ audit_id: z.number().int().positive() });

/** Duplicate detection and merge for an object (contacts, accounts). */
export function registerDuplicateRoutes(fastify: FastifyInstance, def: ObjectDef): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = [def.name];
  const dup = bindDb(app, { loadVisible, duplicatesOf, findDuplicates, mergeRecords, undoMerge });
  app.get(`/${def.name}/:id/duplicates`, { schema: { tags, params: IdParam } }, async (req) => {
    const actor = actorOf(req);
    const row = await dup.loadVisible(def, actor, req.params.id);
    return { data: await dup.duplicatesOf(def, actor, row) };
  });
  app.post(`/${def.name}/duplicates/check`, { schema: { tags, body: CheckBody } }, async (req) => ({
    data: await dup.findDuplicates(def, actorOf(req), req.body),
  }));
  app.post(`/${def.name}/merge`, { schema: { tags, body: MergeBody } }, async (req) => {
    const body = req.body;
    return { data: await dup.mergeRecords(def, actorOf(req), body.primary_id, body.duplicate_ids) };
  });
  app.post(`/${def.name}/merge/undo`, { schema: { tags, body: UndoBody } }, async (req) => {
    await dup.undoMerge(def, actorOf(req), req.body.audit_id);
    return { data: { ok: true } };
  });
}
