import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParam, ListQuery as ListQueryContract } from '../../shared/contracts/common.ts';
import { actorOf } from '../http/auth-hook.ts';
import { requireCan, requireDo } from '../core/access.ts';
import { parse } from '../http/validate.ts';
import { idempotent } from '../http/idempotency.ts';
import { parseFilters } from './query.ts';
import { whereParam } from './condition-shape.ts';
import { ConditionSqlAnswer, ConditionSqlBody, RecordQueryBody } from '../../shared/contracts/condition-query.ts';
import { explainConditionSql } from './conditions.ts';
import { listJson } from './list.ts';
import { countRecords, createRecord, deleteRecord, getRecord, updateRecord, type ListParams, type WriteOptions } from './service.ts';
import { exportRecords } from './export.ts';
import { sumRecords } from './totals.ts';
import { BulkBody, bulkRecords } from './bulk.ts';
import { bindDb, jsonRowsFrom } from '../core/bind-db.ts';
import type { ObjectDef, Row } from './types.ts';
import { etagOf, parseIfMatch } from './versions.ts';
import { relatedCounts } from './related-counts.ts';
import { RelatedCountsAnswer } from '../../shared/contracts/records.ts';
import { resourcePath } from '../../shared/resource-path.ts';

/** A single-record answer carries its version as ETag (what If-Match sends back). */
function withEtag<T extends { data?: Row }>(reply: FastifyReply, answer: T): T {
  const tag = etagOf(answer.data);
  if (tag) reply.header('etag', tag);
  return answer;
}

/** The record a keyed write answered, so deleting it deletes the key (http/idempotency.ts). */
const keyed = (object: string) => (answer: { data?: Row }) =>
  answer.data?.id == null ? null : { object, id: Number(answer.data.id) };

export const ListQuery = ListQueryContract;

export function listParams(req: FastifyRequest): ListParams {
  const query = (req.query ?? {}) as Record<string, unknown>;
  const base = parse(ListQuery, Object.fromEntries(Object.entries(query).filter(([k]) => !k.startsWith('filter['))));
  return { ...base, filters: parseFilters(query), ...whereParam(query.where) };
}

// Filters are more keys (filter[field], filter[field][op]): kept for parseFilters, checked there;
// `where` is a condition tree as JSON, checked by the compiler (records/conditions.ts).
const listDoc = z.looseObject(ListQuery.shape)
  .describe('Filters: filter[field]=value or filter[field][op]=value (eq ne gt gte lt lte contains starts in nin between empty); where=<condition tree JSON>');

/** The POST /query body as list parameters (the same page, cursor and sort as GET). */
function queryParams(body: RecordQueryBody): ListParams {
  return { limit: body.limit, cursor: body.cursor, sort: body.sort, q: body.q, columns: body.fields?.join(','), where: body.conditions };
}

/** The standard REST surface of a record object; modules add their own routes beside it. */
export function registerRecordRoutes(fastify: FastifyInstance, def: ObjectDef, opts: WriteOptions = {}): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const base = `/${resourcePath(def.name)}`;
  const tags = [def.name];
  const recordDoc = { type: 'object', additionalProperties: true, description: `A ${def.singular}: see GET /meta/objects/${def.name} for its fields (custom ones included)` };

  const engine = bindDb(app, { listJson, sumRecords, countRecords, getRecord, createRecord, updateRecord, bulkRecords, deleteRecord, explainConditionSql, relatedCounts });

  app.get(base, { schema: { tags, querystring: listDoc } }, async (req, reply) =>
    reply.type('application/json; charset=utf-8').send(await engine.listJson(def, actorOf(req), listParams(req), jsonRowsFrom(app))));
  // A list by condition tree: a body, since a tree outgrows a URL. Same page shape and cursor as GET.
  app.post(`${base}/query`, { schema: { tags, body: RecordQueryBody } }, async (req, reply) =>
    reply.type('application/json; charset=utf-8').send(await engine.listJson(def, actorOf(req), queryParams(req.body), jsonRowsFrom(app))));
  app.post(base + '/conditions/sql', { schema: { tags, body: ConditionSqlBody, response: { 200: ConditionSqlAnswer } } }, async (req) => {
    const actor = actorOf(req);
    requireCan(actor, 'admin');
    requireDo(actor, def, 'list');
    return { data: await engine.explainConditionSql(def, req.body.conditions, actor) };
  });
  app.get(`${base}/count`, { schema: { tags, querystring: listDoc } }, async (req) => ({ data: await engine.countRecords(def, actorOf(req), listParams(req)) }));
  app.get(`${base}/totals`, { schema: { tags, querystring: listDoc.extend({ field: z.string().max(100).describe('the money field to sum') }) } }, async (req) =>
    ({ data: await engine.sumRecords(def, actorOf(req), (req.query as { field?: string }).field, listParams(req)) }));
  app.get(`${base}/export`, { schema: { tags, querystring: listDoc } }, async (req, reply) => exportRecords(app, def, req, reply));
  app.get(`${base}/:id/related-counts`, { schema: { tags, params: IdParam, response: { 200: RelatedCountsAnswer } } }, async (req) =>
    ({ data: await engine.relatedCounts(def, actorOf(req), req.params.id) }));
  app.get(`${base}/:id`, { schema: { tags, params: IdParam } }, async (req, reply) =>
    withEtag(reply, { data: await engine.getRecord(def, actorOf(req), req.params.id) }));
  app.post(base, { schema: { tags, body: recordDoc } }, async (req, reply) =>
    withEtag(reply, await idempotent(app, req, reply, 201, async () => ({ data: await engine.createRecord(def, actorOf(req), req.body, opts) }), keyed(def.name))));
  app.patch(`${base}/:id`, { schema: { tags, params: IdParam, body: recordDoc } }, async (req, reply) => {
    const id = req.params.id;
    const ifMatch = parseIfMatch(req.headers['if-match']);
    return withEtag(reply, await idempotent(app, req, reply, 200, async () => ({ data: await engine.updateRecord(def, actorOf(req), id, req.body, { ...opts, ifMatch }) }), keyed(def.name)));
  });
  app.post(`${base}/bulk`, { schema: { tags, body: BulkBody } }, async (req) => ({
    data: await engine.bulkRecords(def, actorOf(req), req.body, opts),
  }));
  app.delete(`${base}/:id`, { schema: { tags, params: IdParam } }, async (req, reply) => {
    await engine.deleteRecord(def, actorOf(req), req.params.id);
    reply.status(204).send();
  });
}
