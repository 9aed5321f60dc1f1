import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/auth-hook.ts';
import { IdParam } from '../../../shared/contracts/common.ts';
import { FapiaoIssueBody, FapiaoVoidBody, FromInvoicesBody, InvoiceFapiaoAnswer, RedBody } from '../../../shared/contracts/fapiao.ts';
import { bindDb } from '../../core/bind-db.ts';
import { fapiaoFromInvoices } from './fapiao.create.ts';
import { issueFapiao, requestFapiao, voidFapiao } from './fapiao.service.ts';
import { fapiaoOfInvoice, redFapiaoOf } from './fapiao.red.ts';

export async function fapiaoRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const svc = bindDb(app, { fapiaoFromInvoices, issueFapiao, requestFapiao, voidFapiao, fapiaoOfInvoice, redFapiaoOf });
  const tags = ['fapiao'];
  app.post('/fapiao/from-invoices', { schema: { tags, body: FromInvoicesBody } }, async (req, reply) => {
    reply.status(201);
    return { data: await svc.fapiaoFromInvoices(actorOf(req), req.body) };
  });
  app.post('/fapiao/:id/request', { schema: { tags, params: IdParam } }, async (req) => ({ data: await svc.requestFapiao(actorOf(req), req.params.id) }));
  app.post('/fapiao/:id/issue', { schema: { tags, params: IdParam, body: FapiaoIssueBody } }, async (req) => ({ data: await svc.issueFapiao(actorOf(req), req.params.id, req.body) }));
  app.post('/fapiao/:id/void', { schema: { tags, params: IdParam, body: FapiaoVoidBody } }, async (req) => ({ data: await svc.voidFapiao(actorOf(req), req.params.id, req.body) }));
  app.post('/fapiao/:id/red', { schema: { tags, params: IdParam, body: RedBody } }, async (req, reply) => {
    reply.status(201);
    return { data: await svc.redFapiaoOf(actorOf(req), req.params.id, req.body) };
  });
  app.get('/invoices/:id/fapiao', { schema: { tags, params: IdParam, response: { 200: InvoiceFapiaoAnswer } } }, async (req) => ({ data: await svc.fapiaoOfInvoice(actorOf(req), req.params.id) }));
}
