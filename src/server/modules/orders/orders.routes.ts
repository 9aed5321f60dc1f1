import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/auth-hook.ts';
import { bindDb } from '../../core/bind-db.ts';
import { IdParam } from '../../../shared/contracts/common.ts';
import { ApiRecord } from '../../../shared/contracts/records.ts';
import { CancelBody, CreditPanelAnswer, FulfilBody, OrderActionAnswer, OrderProgressAnswer, QuoteIdParam, ReleaseBody, ReturnBody } from '../../../shared/contracts/orders.ts';
import { one } from '../../../shared/contracts/common.ts';
import { cancelOrder, confirmOrder, fulfilOrder, orderCredit, orderProgress, releaseOrder, returnGoods } from './orders.service.ts';
import { orderFromQuote } from './orders.from-quote.ts';

// The orders' actions beside the record surface (GET/POST/PATCH /orders come from the engine).
export async function ordersRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const svc = bindDb(app, { cancelOrder, confirmOrder, fulfilOrder, orderCredit, orderProgress, releaseOrder, returnGoods, orderFromQuote });
  const tags = ['orders'];
  const answer = { 200: OrderActionAnswer };
  app.post('/orders/from-quote/:quoteId', { schema: { tags, params: QuoteIdParam, response: { 201: one(ApiRecord) } } }, async (req, reply) =>
    reply.code(201).send({ data: await svc.orderFromQuote(actorOf(req), req.params.quoteId) }));
  app.post('/orders/:id/confirm', { schema: { tags, params: IdParam, response: answer } }, async (req) => ({ data: await svc.confirmOrder(actorOf(req), req.params.id) }));
  app.post('/orders/:id/fulfil', { schema: { tags, params: IdParam, body: FulfilBody, response: answer } }, async (req) => ({ data: await svc.fulfilOrder(actorOf(req), req.params.id, req.body) }));
  app.post('/orders/:id/return', { schema: { tags, params: IdParam, body: ReturnBody, response: answer } }, async (req) => ({ data: await svc.returnGoods(actorOf(req), req.params.id, req.body) }));
  app.post('/orders/:id/cancel', { schema: { tags, params: IdParam, body: CancelBody.optional(), response: answer } }, async (req) =>
    ({ data: await svc.cancelOrder(actorOf(req), req.params.id, req.body?.reason) }));
  app.post('/orders/:id/release', { schema: { tags, params: IdParam, body: ReleaseBody, response: answer } }, async (req) =>
    ({ data: await svc.releaseOrder(actorOf(req), req.params.id, req.body.reason) }));
  app.get('/orders/:id/credit', { schema: { tags, params: IdParam, response: { 200: CreditPanelAnswer } } }, async (req) => ({ data: await svc.orderCredit(actorOf(req), req.params.id) }));
  app.get('/orders/:id/progress', { schema: { tags, params: IdParam, response: { 200: OrderProgressAnswer } } }, async (req) => ({ data: await svc.orderProgress(actorOf(req), req.params.id) }));
}
