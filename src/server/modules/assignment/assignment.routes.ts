import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParam } from '../../../shared/contracts/common.ts';
import { resourcePath } from '../../../shared/resource-path.ts';
import {
  AssignAnswer, AssignBody, AssignmentReorderBody, AssignmentRuleAnswer, AssignmentRuleBody, AssignmentRuleList, AssignmentRulePatch, AssignmentRulesQuery,
  AssignmentTestAnswer, AssignmentTestBody,
} from '../../../shared/contracts/assignment.ts';
import { actorOf, adminOnly } from '../../http/auth-hook.ts';
import { bindDb } from '../../core/bind-db.ts';
import type { ObjectDef } from '../../records/types.ts';
import { assignRecords, createRule, deleteRule, listRules, reorderRules, testRules, updateRule } from './assignment.service.ts';

/** Assignment rules: administrators only (a rule reveals nothing of any record, but decides who gets them). */
export default async function assignmentRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const rules = bindDb(app, { listRules, createRule, updateRule, deleteRule, reorderRules, testRules });
  const tags = ['assignment'];
  const admin = { preValidation: adminOnly };

  app.get('/assignment-rules', { ...admin, schema: { tags, querystring: AssignmentRulesQuery, response: { 200: AssignmentRuleList } } }, async (req) => ({
    data: await rules.listRules(req.query.object),
    next_cursor: null,
  }));
  app.post('/assignment-rules', { ...admin, schema: { tags, body: AssignmentRuleBody, response: { 201: AssignmentRuleAnswer } } }, async (req, reply) => {
    reply.status(201);
    return { data: await rules.createRule(actorOf(req), req.body) };
  });
  app.post('/assignment-rules/reorder', { ...admin, schema: { tags, body: AssignmentReorderBody, response: { 200: AssignmentRuleList } } }, async (req) => ({
    data: await rules.reorderRules(actorOf(req), req.body.object, req.body.ids),
    next_cursor: null,
  }));
  app.post('/assignment-rules/test', { ...admin, schema: { tags, body: AssignmentTestBody, response: { 200: AssignmentTestAnswer } } }, async (req) => ({
    data: await rules.testRules(actorOf(req), req.body),
  }));
  app.patch('/assignment-rules/:id', { ...admin, schema: { tags, params: IdParam, body: AssignmentRulePatch, response: { 200: AssignmentRuleAnswer } } }, async (req) => ({
    data: await rules.updateRule(actorOf(req), req.params.id, req.body),
  }));
  app.delete('/assignment-rules/:id', { ...admin, schema: { tags, params: IdParam } }, async (req, reply) => {
    await rules.deleteRule(actorOf(req), req.params.id);
    reply.status(204).send();
  });
}

/** POST /{object}/assign for every object declaring `assignment`. */
export function registerAssignRoute(fastify: FastifyInstance, def: ObjectDef): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const engine = bindDb(app, { assignRecords });
  app.post(`/${resourcePath(def.name)}/assign`, { schema: { tags: [def.name], body: AssignBody, response: { 200: AssignAnswer } } }, async (req) => ({
    data: await engine.assignRecords(def, actorOf(req), req.body),
  }));
}
