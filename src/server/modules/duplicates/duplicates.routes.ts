import { requireDo } from '../../core/access.ts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hook.ts';
import { bindDb } from '../../core/bind-db.ts';
import { doc, idParam, parse } from '../../http/validate.ts';
import { loadVisible } from '../../records/service.ts';
import type { ObjectDef } from '../../records/types.ts';
import { checkBodySchema, duplicatesOf, findDuplicates } from './duplicates.service.ts';
import { mergeRecords } from './merge.service.ts';
import { undoMerge } from './merge-undo.ts';

const MergeBody = z.object({ primary_id: z.number().int().positive(), duplicate_ids: z.array(z.number().int().positive()).min(1).max(20) });
const UndoBody = z.object({ audit_id: z.number().int().positive() });

/** Duplicate detection (by the object's declared duplicate keys) and merge for an object. */
export function registerDuplicateRoutes(app: FastifyInstance, def: ObjectDef): void {
  const tags = [def.name];
  const CheckBody = checkBodySchema(def);
  const dup = bindDb(app, { loadVisible, duplicatesOf, findDuplicates, mergeRecords, undoMerge });
  app.get(`/${def.name}/:id/duplicates`, { schema: { tags } }, async (req) => {
    const actor = actorOf(req);
    requireDo(actor, def, 'read');
    const row = await dup.loadVisible(def, actor, parse(idParam, req.params).id);
    return { data: await dup.duplicatesOf(def, actor, row) };
  });
  app.post(`/${def.name}/duplicates/check`, { schema: { tags, body: doc(CheckBody) } }, async (req) => {
    // A probe for matching records is a search of the object: it needs `list`.
    requireDo(actorOf(req), def, 'list');
    return { data: await dup.findDuplicates(def, actorOf(req), parse(CheckBody, req.body)) };
  });
  app.post(`/${def.name}/merge`, { schema: { tags, body: doc(MergeBody) } }, async (req) => {
    const body = parse(MergeBody, req.body);
    return { data: await dup.mergeRecords(def, actorOf(req), body.primary_id, body.duplicate_ids) };
  });
  app.post(`/${def.name}/merge/undo`, { schema: { tags, body: doc(UndoBody) } }, async (req) => {
    await dup.undoMerge(def, actorOf(req), parse(UndoBody, req.body).audit_id);
    return { data: { ok: true } };
  });
}
