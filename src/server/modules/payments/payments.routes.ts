import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/auth-hook.ts';
import { IdParam } from '../../../shared/contracts/common.ts';
import { AllocationsAnswer, PutAllocationsBody, RecordPaymentBody } from '../../../shared/contracts/payments.ts';
import { bindDb } from '../../core/bind-db.ts';
import { getAllocations, paymentsOfTarget, putAllocations, recordPayment } from './allocations.service.ts';
import { z } from 'zod';

export async function paymentsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const svc = bindDb(app, { getAllocations, paymentsOfTarget, putAllocations, recordPayment });
  const tags = ['payments'];
  app.get('/payments/:id/allocations', { schema: { tags, params: IdParam, response: { 200: AllocationsAnswer } } }, async (req) => ({ data: await svc.getAllocations(actorOf(req), req.params.id) }));
  app.put('/payments/:id/allocations', { schema: { tags, params: IdParam, body: PutAllocationsBody, response: { 200: AllocationsAnswer } } }, async (req) => ({ data: await svc.putAllocations(actorOf(req), req.params.id, req.body) }));
  const TargetParams = z.object({ kind: z.string().min(1).max(40), id: z.coerce.number().int().positive() });
  app.get('/payments/to/:kind/:id', { schema: { tags, params: TargetParams } }, async (req) => ({ data: await svc.paymentsOfTarget(actorOf(req), req.params.kind, req.params.id) }));
  app.post('/payments/record', { schema: { tags, body: RecordPaymentBody } }, async (req, reply) => {
    reply.status(201);
    return { data: await svc.recordPayment(actorOf(req), req.body) };
  });
}
