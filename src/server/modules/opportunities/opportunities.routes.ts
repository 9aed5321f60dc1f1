import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParam, ListQuery } from '../../../shared/contracts/common.ts';
import {
  OpportunityBoardAnswer, OpportunityContactsAnswer, OpportunityContactsPut, OpportunityHistoryAnswer, OpportunityMove,
  PipelineAnswer, PipelineInput, PipelinePatch, PipelinesAnswer,
} from '../../../shared/contracts/opportunities.ts';
import { actorOf, adminOnly } from '../../http/auth-hook.ts';
import { parse } from '../../http/validate.ts';
import { bindDb, jsonRowsFrom } from '../../core/bind-db.ts';
import { parseFilters } from '../../records/query.ts';
import { createPipeline, getPipeline, listPipelines, updatePipeline } from './pipelines.service.ts';
import { moveOpportunity, opportunityBoard, opportunityCards } from './opportunities.board.ts';
import { opportunityHistory } from './opportunities.history.ts';
import { getContacts, putContacts, quoteFromOpportunity } from './opportunities.service.ts';

const id = z.coerce.number().int().positive();
const BoardQuery = z.object({ pipeline: id, q: ListQuery.shape.q });
const CardsQuery = z.object({ ...ListQuery.shape, pipeline: id, stage: id });
const filtersDoc = 'Filters as on the list: filter[field]=value or filter[field][op]=value';

/** The query without its filter[...] keys, parsed; the filters beside it (checked by the engine). */
function withFilters<T extends z.ZodObject>(schema: T, req: FastifyRequest): z.infer<T> & { filters: ReturnType<typeof parseFilters> } {
  const query = (req.query ?? {}) as Record<string, unknown>;
  const base = parse(schema, Object.fromEntries(Object.entries(query).filter(([k]) => !k.startsWith('filter[')))) as z.infer<T>;
  return { ...base, filters: parseFilters(query) };
}

export default async function opportunitiesRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const s = bindDb(app, {
    listPipelines, getPipeline, createPipeline, updatePipeline, opportunityBoard, opportunityCards, moveOpportunity, opportunityHistory,
    getContacts, putContacts, quoteFromOpportunity,
  });
  const tags = ['pipelines'];
  // Every signed-in user reads the pipelines (the board's switcher, the stage names); administrators change them.
  app.get('/pipelines', { schema: { tags, querystring: z.object({ archived: z.enum(['true', 'false']).optional() }), response: { 200: PipelinesAnswer } } }, async (req) => {
    actorOf(req);
    return { data: await s.listPipelines(req.query.archived === 'true') };
  });
  app.get('/pipelines/:id', { schema: { tags, params: IdParam, response: { 200: PipelineAnswer } } }, async (req) => {
    actorOf(req);
    return { data: await s.getPipeline(req.params.id) };
  });
  app.post('/pipelines', { preValidation: adminOnly, schema: { tags, body: PipelineInput, response: { 201: PipelineAnswer } } }, async (req, reply) =>
    reply.code(201).send({ data: await s.createPipeline(actorOf(req).id, req.body) }));
  app.patch('/pipelines/:id', { preValidation: adminOnly, schema: { tags, params: IdParam, body: PipelinePatch, response: { 200: PipelineAnswer } } }, async (req) =>
    ({ data: await s.updatePipeline(actorOf(req).id, req.params.id, req.body) }));

  const otags = ['opportunities'];
  app.get('/opportunities/board', { schema: { tags: otags, querystring: z.looseObject(BoardQuery.shape).describe(filtersDoc), response: { 200: OpportunityBoardAnswer } } }, async (req) => {
    const q = withFilters(BoardQuery, req);
    return { data: await s.opportunityBoard(actorOf(req), q.pipeline, q) };
  });
  app.get('/opportunities/board/cards', { schema: { tags: otags, querystring: z.looseObject(CardsQuery.shape).describe(filtersDoc) } }, async (req, reply) => {
    const q = withFilters(CardsQuery, req);
    return reply.type('application/json; charset=utf-8').send(await s.opportunityCards(actorOf(req), q.pipeline, q.stage, q, jsonRowsFrom(app)));
  });
  app.post('/opportunities/:id/move', { schema: { tags: otags, params: IdParam, body: OpportunityMove } }, async (req) =>
    ({ data: await s.moveOpportunity(actorOf(req), req.params.id, req.body) }));
  app.get('/opportunities/:id/history', { schema: { tags: otags, params: IdParam, response: { 200: OpportunityHistoryAnswer } } }, async (req) =>
    ({ data: await s.opportunityHistory(actorOf(req), req.params.id) }));
  app.get('/opportunities/:id/contacts', { schema: { tags: otags, params: IdParam, response: { 200: OpportunityContactsAnswer } } }, async (req) =>
    ({ data: await s.getContacts(actorOf(req), req.params.id) }));
  app.put('/opportunities/:id/contacts', { schema: { tags: otags, params: IdParam, body: OpportunityContactsPut, response: { 200: OpportunityContactsAnswer } } }, async (req) =>
    ({ data: await s.putContacts(actorOf(req), req.params.id, req.body.contacts) }));
  app.post('/opportunities/:id/quote', { schema: { tags: otags, params: IdParam } }, async (req, reply) =>
    reply.code(201).send({ data: await s.quoteFromOpportunity(actorOf(req), req.params.id) }));
}
