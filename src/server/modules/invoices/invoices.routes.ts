import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hook.ts';
import { IdParam } from '../../../shared/contracts/common.ts';
import { AgeingAnswer, AgeingQuery, CollectionBody, FromSourceBody, FromSourceParams, IssueBody, PickedLine, VoidBody } from '../../../shared/contracts/invoices.ts';
import { bindDb } from '../../core/bind-db.ts';
import { invoiceFromSource, creditNoteOf } from './invoices.create.ts';
import { issueInvoice, voidInvoice } from './invoices.service.ts';
import { addCollection, getCollection } from './collections.service.ts';
import { getAgeing } from './ageing.service.ts';

const CreditNoteBody = z.object({ lines: z.array(PickedLine).min(1).max(500).optional(), subject: z.string().max(300).optional() }).strict();

export async function invoicesRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const svc = bindDb(app, { invoiceFromSource, creditNoteOf, issueInvoice, voidInvoice, addCollection, getCollection, getAgeing });
  const tags = ['invoices'];
  app.post('/invoices/from/:object/:id', { schema: { tags, params: FromSourceParams, body: FromSourceBody } }, async (req, reply) => {
    reply.status(201);
    return { data: await svc.invoiceFromSource(actorOf(req), req.params.object, req.params.id, req.body) };
  });
  app.post('/invoices/:id/credit-note', { schema: { tags, params: IdParam, body: CreditNoteBody } }, async (req, reply) => {
    reply.status(201);
    return { data: await svc.creditNoteOf(actorOf(req), req.params.id, req.body) };
  });
  app.post('/invoices/:id/issue', { schema: { tags, params: IdParam, body: IssueBody.optional() } }, async (req) => ({ data: await svc.issueInvoice(actorOf(req), req.params.id, req.body ?? {}) }));
  app.post('/invoices/:id/void', { schema: { tags, params: IdParam, body: VoidBody } }, async (req) => ({ data: await svc.voidInvoice(actorOf(req), req.params.id, req.body) }));
  app.get('/invoices/:id/collection', { schema: { tags, params: IdParam } }, async (req) => ({ data: await svc.getCollection(actorOf(req), req.params.id) }));
  app.post('/invoices/:id/collection', { schema: { tags, params: IdParam, body: CollectionBody } }, async (req, reply) => {
    reply.status(201);
    return { data: await svc.addCollection(actorOf(req), req.params.id, req.body) };
  });
  app.get('/reports/sales/ageing', { schema: { tags: ['reports'], querystring: AgeingQuery, response: { 200: AgeingAnswer } } }, async (req) => svc.getAgeing(actorOf(req), req.query));
}
