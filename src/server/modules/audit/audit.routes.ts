import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hook.ts';
import { parse } from '../../http/validate.ts';
import { can } from '../../core/access.ts';
import { forbidden } from '../../http/errors.ts';
import { parseFilters, decodeCursor, encodeCursor } from '../../records/query.ts';
import { getObject } from '../../records/registry.ts';
import { loadVisible } from '../../records/service.ts';
import { auditRecordVisible, redactAuditRows } from './audit-redact.ts';

const Page = z.object({ limit: z.coerce.number().int().min(1).max(200).optional(), cursor: z.string().optional() });

/** Keyset page over a table ordered by id descending. */
function idCursor(cursor: string | undefined) {
  return cursor ? decodeCursor(cursor)[1] : null;
}

export default async function auditRoutes(app: FastifyInstance) {
  // Admins read the whole log; others read the history of a record they can see. Either way
  // entries about records the actor may not read are left out and hidden fields redacted.
  app.get('/audit-log', { schema: { tags: ['audit'] } }, async (req) => {
    const actor = actorOf(req);
    const page = parse(Page, req.query);
    const filters = parseFilters(req.query as Record<string, unknown>);
    const f = Object.fromEntries(filters.map((c) => [c.field, c.value]));
    if (!can(actor, 'admin')) {
      if (!f.object || !f.record_id) throw forbidden('Only administrators may read the whole audit log; filter by object and record_id');
      await loadVisible(app.db, getObject(f.object), actor, Number(f.record_id));
    }
    const limit = page.limit ?? 50;
    const conds = [auditRecordVisible(actor, 'a')];
    if (f.object) conds.push(sql`a.object = ${f.object}`);
    if (f.record_id) conds.push(sql`a.record_id = ${Number(f.record_id)}`);
    if (f.actor_id) conds.push(sql`a.actor_id = ${Number(f.actor_id)}`);
    if (f.action) conds.push(sql`a.action = ${f.action}`);
    const after = idCursor(page.cursor);
    if (after) conds.push(sql`a.id < ${after}`);
    const { rows } = await sql<Record<string, any>>`
      SELECT a.*, u.name AS actor_name FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
      WHERE ${sql.join(conds, sql` AND `)} ORDER BY a.id DESC LIMIT ${limit + 1}`.execute(app.db);
    const shown = rows.slice(0, limit);
    const data = await redactAuditRows(app.db, actor, shown);
    return { data, next_cursor: rows.length > limit ? encodeCursor(null, shown.at(-1)!.id) : null };
  });

  app.get('/auth/login-history', { schema: { tags: ['auth'] } }, async (req) => {
    const actor = actorOf(req);
    const page = parse(Page, req.query);
    const limit = page.limit ?? 50;
    let q = app.db.selectFrom('login_history').selectAll().orderBy('id', 'desc').limit(limit + 1);
    if (!can(actor, 'admin')) q = q.where('user_id', '=', actor.id);
    const after = idCursor(page.cursor);
    if (after) q = q.where('id', '<', after);
    const rows = await q.execute();
    const data = rows.slice(0, limit);
    return { data, next_cursor: rows.length > limit ? encodeCursor(null, data.at(-1)!.id) : null };
  });
}
