import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParam } from '../../../shared/contracts/common.ts';
import {
  AdjustmentAnswer, AdjustmentInput, ForecastAnswer, ForecastQuery, QuotaAnswer, QuotaInput, QuotaPatch, QuotasAnswer, QuotasQuery, TrendAnswer,
} from '../../../shared/contracts/forecasts.ts';
import { actorOf, adminOnly } from '../../http/auth-hook.ts';
import { bindDb } from '../../core/bind-db.ts';
import { createQuota, deleteQuota, listQuotas, updateQuota } from './quotas.service.ts';
import { getForecast } from './forecasts.service.ts';
import { adjustForecast } from './forecasts.adjust.ts';
import { forecastTrend } from './forecasts.snapshots.ts';

export default async function forecastsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const s = bindDb(app, { listQuotas, createQuota, updateQuota, deleteQuota, getForecast, adjustForecast, forecastTrend });
  const tags = ['forecasts'];
  app.get('/quotas', { schema: { tags, querystring: QuotasQuery, response: { 200: QuotasAnswer } } }, async (req) =>
    ({ data: await s.listQuotas(actorOf(req), req.query.period) }));
  app.post('/quotas', { preValidation: adminOnly, schema: { tags, body: QuotaInput, response: { 201: QuotaAnswer } } }, async (req, reply) =>
    reply.code(201).send({ data: await s.createQuota(actorOf(req), req.body) }));
  app.patch('/quotas/:id', { preValidation: adminOnly, schema: { tags, params: IdParam, body: QuotaPatch, response: { 200: QuotaAnswer } } }, async (req) =>
    ({ data: await s.updateQuota(actorOf(req), req.params.id, req.body.amount) }));
  app.delete('/quotas/:id', { preValidation: adminOnly, schema: { tags, params: IdParam } }, async (req, reply) => {
    await s.deleteQuota(actorOf(req), req.params.id);
    return reply.code(204).send();
  });
  app.get('/forecasts', { schema: { tags, querystring: ForecastQuery, response: { 200: ForecastAnswer } } }, async (req) =>
    ({ data: await s.getForecast(actorOf(req), req.query) }));
  app.get('/forecasts/trend', { schema: { tags, querystring: ForecastQuery, response: { 200: TrendAnswer } } }, async (req) =>
    ({ data: await s.forecastTrend(actorOf(req), req.query) }));
  app.post('/forecasts/adjustments', { schema: { tags, body: AdjustmentInput, response: { 201: AdjustmentAnswer } } }, async (req, reply) =>
    reply.code(201).send({ data: await s.adjustForecast(actorOf(req), req.body) }));
}
