import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParam, ListQuery } from '../../../shared/contracts/common.ts';
import { BoardAnswer, MoveBody, StageHistoryAnswer } from '../../../shared/contracts/board.ts';
import { actorOf } from '../../http/auth-hook.ts';
import { parse } from '../../http/validate.ts';
import { bindDb, jsonRowsFrom } from '../../core/bind-db.ts';
import { parseFilters } from '../../records/query.ts';
import { boardCards, boardColumns, moveRecord, stageHistory } from '../../records/board.ts';
import type { ObjectDef } from '../../records/types.ts';
import { resourcePath } from '../../../shared/resource-path.ts';

const key = z.string().min(1).max(100);
const BoardQuery = z.object({ field: key.optional(), sum: key.optional(), q: ListQuery.shape.q });
const CardsQuery = z.object({ ...ListQuery.shape, field: key.optional(), value: key });
const HistoryQuery = z.object({ field: key });
const filtersDoc = 'Filters as on the list: filter[field]=value or filter[field][op]=value';

/** The query without its filter[...] keys, parsed; the filters beside it (checked by the engine). */
function withFilters<T extends z.ZodObject>(schema: T, req: FastifyRequest): z.infer<T> & { filters: ReturnType<typeof parseFilters> } {
  const query = (req.query ?? {}) as Record<string, unknown>;
  const base = parse(schema, Object.fromEntries(Object.entries(query).filter(([k]) => !k.startsWith('filter[')))) as z.infer<T>;
  return { ...base, filters: parseFilters(query) };
}

export function registerBoardRoutes(fastify: FastifyInstance, def: ObjectDef): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = [def.name];
  const board = bindDb(app, { boardColumns, boardCards, moveRecord });
  app.get(`/${resourcePath(def.name)}/board`, { schema: { tags, querystring: z.looseObject(BoardQuery.shape).describe(filtersDoc), response: { 200: BoardAnswer } } }, async (req) =>
    ({ data: await board.boardColumns(def, actorOf(req), withFilters(BoardQuery, req)) }));
  app.get(`/${resourcePath(def.name)}/board/cards`, { schema: { tags, querystring: z.looseObject(CardsQuery.shape).describe(filtersDoc) } }, async (req, reply) =>
    reply.type('application/json; charset=utf-8').send(await board.boardCards(def, actorOf(req), withFilters(CardsQuery, req), jsonRowsFrom(app))));
  app.post(`/${resourcePath(def.name)}/:id/move`, { schema: { tags, params: IdParam, body: MoveBody } }, async (req) =>
    ({ data: await board.moveRecord(def, actorOf(req), req.params.id, { ...req.body, field: req.body.field ?? def.board!.field }) }));
}

export function registerStageHistoryRoute(fastify: FastifyInstance, def: ObjectDef): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const history = bindDb(app, { stageHistory });
  app.get(`/${resourcePath(def.name)}/:id/stage-history`, { schema: { tags: [def.name], params: IdParam, querystring: HistoryQuery, response: { 200: StageHistoryAnswer } } }, async (req) =>
    ({ data: await history.stageHistory(def, actorOf(req), req.params.id, req.query.field) }));
}
