import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/auth-hook.ts';
import { IdParam } from '../../../shared/contracts/common.ts';
import { GeneratePlanBody, PlanAnswer, PutPlanBody, TermsAnswer } from '../../../shared/contracts/receivable-plans.ts';
import { bindDb } from '../../core/bind-db.ts';
import { generatePlan, getPlan, getTerms, putPlan } from './contracts.plan.ts';

/** The receivable plan and ended terms of a contract (contracts.plan.ts); the contract itself is the record engine's. */
export default async function contractRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const svc = bindDb(app, { getPlan, putPlan, generatePlan, getTerms });
  const tags = ['contracts'];
  app.get('/contracts/:id/plan', { schema: { tags, params: IdParam, response: { 200: PlanAnswer } } }, async (req) => ({ data: await svc.getPlan(actorOf(req), req.params.id) }));
  app.put('/contracts/:id/plan', { schema: { tags, params: IdParam, body: PutPlanBody, response: { 200: PlanAnswer } } }, async (req) => ({ data: await svc.putPlan(actorOf(req), req.params.id, req.body) }));
  app.post('/contracts/:id/plan/generate', { schema: { tags, params: IdParam, body: GeneratePlanBody, response: { 200: PlanAnswer } } }, async (req) => ({ data: await svc.generatePlan(actorOf(req), req.params.id, req.body) }));
  app.get('/contracts/:id/terms', { schema: { tags, params: IdParam, response: { 200: TermsAnswer } } }, async (req) => ({ data: await svc.getTerms(actorOf(req), req.params.id) }));
}
