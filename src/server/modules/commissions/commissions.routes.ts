import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hook.ts';
import { IdParam } from '../../../shared/contracts/common.ts';
import {
  ByRepAnswer, ByRepQuery, GenerateBody, LinesAnswer, PutSplitsBody, RuleAnswer, RuleInput, RulePatch, RulesAnswer, SplitsAnswer,
} from '../../../shared/contracts/commissions.ts';
import { bindDb } from '../../core/bind-db.ts';
import { createRule, getRules, patchRule, removeRule } from './rules.service.ts';
import { getSplits, putSplits } from './splits.service.ts';
import { generateStatement, regenerateStatement } from './generate.service.ts';
import { byRep, linesOf, statementAction } from './statements.actions.ts';

// Commission rules (administrators write), opportunity splits, and the statement actions beside
// the record surface of commission_statements (list, read, create, note, delete of drafts).
export async function commissionsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const svc = bindDb(app, { createRule, getRules, patchRule, removeRule, getSplits, putSplits, generateStatement, regenerateStatement, byRep, linesOf, statementAction });
  const tags = ['commissions'];
  app.get('/commission-rules', { schema: { tags, response: { 200: RulesAnswer } } }, async (req) => ({ data: await svc.getRules(actorOf(req)) as z.infer<typeof RulesAnswer>['data'] }));
  app.post('/commission-rules', { schema: { tags, body: RuleInput, response: { 201: RuleAnswer } } }, async (req, reply) => {
    reply.status(201);
    return { data: await svc.createRule(actorOf(req), req.body) as z.infer<typeof RuleAnswer>['data'] };
  });
  app.patch('/commission-rules/:id', { schema: { tags, params: IdParam, body: RulePatch, response: { 200: RuleAnswer } } }, async (req) => ({ data: await svc.patchRule(actorOf(req), req.params.id, req.body) as z.infer<typeof RuleAnswer>['data'] }));
  app.delete('/commission-rules/:id', { schema: { tags, params: IdParam } }, async (req, reply) => {
    await svc.removeRule(actorOf(req), req.params.id);
    return reply.status(204).send();
  });

  app.get('/opportunities/:id/splits', { schema: { tags, params: IdParam, response: { 200: SplitsAnswer } } }, async (req) => ({ data: await svc.getSplits(actorOf(req), req.params.id) }));
  app.put('/opportunities/:id/splits', { schema: { tags, params: IdParam, body: PutSplitsBody, response: { 200: SplitsAnswer } } }, async (req) => ({ data: await svc.putSplits(actorOf(req), req.params.id, req.body) }));

  app.post('/commission-statements/generate', { schema: { tags, body: GenerateBody } }, async (req) => ({ data: await svc.generateStatement(actorOf(req), req.body) }));
  app.post('/commission-statements/:id/generate', { schema: { tags, params: IdParam } }, async (req) => ({ data: await svc.regenerateStatement(actorOf(req), req.params.id) }));
  const ActionParams = z.object({ id: z.coerce.number().int().positive(), action: z.enum(['submit', 'approve', 'reject', 'pay']) });
  app.post('/commission-statements/:id/:action', { schema: { tags, params: ActionParams } }, async (req) => ({ data: await svc.statementAction(actorOf(req), req.params.id, req.params.action) }));
  app.get('/commission-statements/:id/lines', { schema: { tags, params: IdParam, response: { 200: LinesAnswer } } }, async (req) => ({ data: await svc.linesOf(actorOf(req), req.params.id) }));
  app.get('/reports/commissions/by-rep', { schema: { tags: ['reports'], querystring: ByRepQuery, response: { 200: ByRepAnswer } } }, async (req) => ({ data: await svc.byRep(actorOf(req), req.query) }));
}
