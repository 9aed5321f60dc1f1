import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParam } from '../../../shared/contracts/common.ts';
import {
  AccountTerritoryBody, RealignAnswer, RealignJobParam, RealignStatus, TerritoryMembersAnswer, TerritoryMembersBody, TerritoryReport, TerritoryRuleBody, TerritoryTree,
} from '../../../shared/contracts/territories.ts';
import { actorOf, adminOnly } from '../../http/auth-hook.ts';
import { bindDb } from '../../core/bind-db.ts';
import { putMembers, putRule, setAccountTerritory, territoryReport, territoryTree } from './territories.service.ts';
import { realignStatus, startRealign } from './territories.realign.ts';

/** Beside the record surface of /territories: the tree, rules, members, realignment, the report, an account's manual territory. */
export default async function territoriesRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const svc = bindDb(app, { territoryTree, territoryReport, putRule, putMembers, setAccountTerritory, realignStatus });
  const tags = ['territories'];
  const admin = { preValidation: adminOnly };

  app.get('/territories/tree', { ...admin, schema: { tags, response: { 200: TerritoryTree } } }, async (req) => ({ data: await svc.territoryTree(actorOf(req)) }));
  app.get('/territories/report', { schema: { tags, response: { 200: TerritoryReport } } }, async (req) => svc.territoryReport(actorOf(req)));
  app.put('/territories/:id/rule', { ...admin, schema: { tags, params: IdParam, body: TerritoryRuleBody } }, async (req) => ({
    data: await svc.putRule(actorOf(req), req.params.id, req.body.condition ?? null),
  }));
  app.put('/territories/:id/members', { ...admin, schema: { tags, params: IdParam, body: TerritoryMembersBody, response: { 200: TerritoryMembersAnswer } } }, async (req) => ({
    data: await svc.putMembers(actorOf(req), req.params.id, req.body.members),
  }));
  app.post('/territories/realign', { ...admin, schema: { tags, response: { 202: RealignAnswer } } }, async (req, reply) => {
    reply.status(202);
    return { data: await startRealign((n, p) => app.jobs.enqueue(n, p), actorOf(req)) };
  });
  app.get('/territories/realign/:jobId', { ...admin, schema: { tags, params: RealignJobParam, response: { 200: RealignStatus } } }, async (req) => ({
    data: await svc.realignStatus(actorOf(req), req.params.jobId),
  }));
  app.put('/accounts/:id/territory', { ...admin, schema: { tags, params: IdParam, body: AccountTerritoryBody } }, async (req) => ({
    data: await svc.setAccountTerritory(actorOf(req), req.params.id, req.body),
  }));
}
