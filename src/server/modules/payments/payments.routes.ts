import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/auth-hook.ts';
import { IdParam } from '../../../shared/contracts/common.ts';
import { AllocationsAnswer, PutAllocationsBody, RecordPaymentBody } from '../../../shared/contracts/payments.ts';
import { bindDb } from '../../core/bind-db.ts';
import { getAllocations, putAllocations, recordPayment } from './allocations.service.ts';

export async function paymentsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const svc = bindDb(app, { getAllocations, putAllocations, recordPayment });
  const tags = ['payments'];
  app.get('/payments/:id/allocations', { schema: { tags, params: IdParam, response: { 200: AllocationsAnswer } } }, async (req) => ({ data: await svc.getAllocations(actorOf(req), req.params.id) }));
  app.put('/payments/:id/allocations', { schema: { tags, params: IdParam, body: PutAllocationsBody, response: { 200: AllocationsAnswer } } }, async (req) => ({ data: await svc.putAllocations(actorOf(req), req.params.id, req.body) }));
  app.post('/payments/record', { schema: { tags, body: RecordPaymentBody } }, async (req, reply) => {
    reply.status(201);
    return { data: await svc.recordPayment(actorOf(req), req.body) };
  });
}
