import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hook.ts';
import { parse } from '../../http/validate.ts';
import { bindDb } from '../../core/bind-db.ts';
import { parseFilters } from '../../records/query.ts';
import { readAuditLog, readLoginHistory } from './audit.service.ts';

const Page = z.object({ limit: z.coerce.number().int().min(1).max(200).optional(), cursor: z.string().optional() });

export default async function auditRoutes(app: FastifyInstance) {
  const audit = bindDb(app, { readAuditLog, readLoginHistory });

  app.get('/audit-log', { schema: { tags: ['audit'] } }, async (req) => {
    const actor = actorOf(req);
    const page = parse(Page, req.query);
    const filters = parseFilters(req.query as Record<string, unknown>);
    return audit.readAuditLog(actor, page, Object.fromEntries(filters.map((c) => [c.field, c.value])));
  });

  app.get('/auth/login-history', { schema: { tags: ['auth'] } }, async (req) => {
    const actor = actorOf(req);
    return audit.readLoginHistory(actor, parse(Page, req.query));
  });
}
