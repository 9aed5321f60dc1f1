import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../records/types.ts';

export interface AuditFilter { object?: string; record_id?: number; actor_id?: number; action?: string; before?: number | null; from?: string; to?: string }

/** Audit entries, newest first, with the actor's name; visible: the caller's row condition on `a`. */
export async function selectAuditPage(db: Tx, visible: RawBuilder<unknown>, f: AuditFilter, limit: number) {
  const conds = [visible];
  if (f.object) conds.push(sql`a.object = ${f.object}`);
  if (f.record_id !== undefined) conds.push(sql`a.record_id = ${f.record_id}`);
  if (f.actor_id !== undefined) conds.push(sql`a.actor_id = ${f.actor_id}`);
  if (f.action) conds.push(sql`a.action = ${f.action}`);
  if (f.before) conds.push(sql`a.id < ${f.before}`);
  if (f.from) conds.push(sql`a.at >= ${f.from}`);
  if (f.to) conds.push(sql`a.at < ${f.to}`);
  const { rows } = await sql<Record<string, any>>`
    SELECT a.*, u.name AS actor_name FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
    WHERE ${sql.join(conds, sql` AND `)} ORDER BY a.id DESC LIMIT ${limit}`.execute(db);
  return rows;
}

/** Sign-in attempts, newest first (of one user unless userId is null). */
export function selectLoginHistory(db: Tx, userId: number | null, before: number | null, limit: number) {
  let q = db.selectFrom('login_history').selectAll().orderBy('id', 'desc').limit(limit);
  if (userId !== null) q = q.where('user_id', '=', userId);
  if (before) q = q.where('id', '<', before);
  return q.execute();
}

/** The records this user wrote most recently (distinct, newest first), from their last `scan` audit rows. */
export async function selectRecentRecords(db: Tx, actorId: number, scan: number, limit: number) {
  const { rows } = await sql<{ object: string; record_id: number; at: Date | string }>`
    SELECT object, record_id, max(at) AS at, max(id) AS last FROM (
      SELECT id, object, record_id, at FROM audit_log WHERE actor_id = ${actorId} AND record_id IS NOT NULL ORDER BY id DESC LIMIT ${sql.lit(scan)}
    ) recent GROUP BY object, record_id ORDER BY last DESC LIMIT ${sql.lit(limit)}`.execute(db);
  return rows;
}
