import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/auth-hook.ts';
import { bindDb } from '../../core/bind-db.ts';
import { parseFilters } from '../../records/query.ts';
import { readAuditLog, readLoginHistory } from './audit.service.ts';

const Page = z.object({ limit: z.coerce.number().int().min(1).max(200).optional(), cursor: z.string().optional() });
// The audit log is filtered by more keys (filter[action]=…), read by parseFilters.
const AuditQuery = z.looseObject(Page.shape);

export default async function auditRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const audit = bindDb(app, { readAuditLog, readLoginHistory });

  app.get('/audit-log', { schema: { tags: ['audit'], querystring: AuditQuery } }, async (req) => {
    const actor = actorOf(req);
    const { limit, cursor } = req.query;
    const filters = parseFilters(req.query);
    return audit.readAuditLog(actor, { limit, cursor }, Object.fromEntries(filters.map((c) => [c.field, c.value])));
  });

  app.get('/auth/login-history', { schema: { tags: ['auth'], querystring: Page } }, async (req) => {
    const actor = actorOf(req);
    return audit.readLoginHistory(actor, req.query);
  });
}
