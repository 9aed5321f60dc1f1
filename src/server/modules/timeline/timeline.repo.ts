import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../records/types.ts';
import type { EntryText } from './timeline-access.ts';

export interface TimelineQuery { column: 'contact_id' | 'account_id'; id: number; kinds?: string[]; before?: [string, number]; limit: number }

/** Timeline rows of one record, newest first; visible: the caller's condition on `t`. */
export async function selectTimeline(db: Tx, visible: RawBuilder<unknown>, q: TimelineQuery) {
  const conds = [sql`t.${sql.ref(q.column)} = ${q.id}`, visible];
  if (q.kinds?.length) conds.push(sql`t.kind IN (${sql.join(q.kinds)})`);
  if (q.before) conds.push(sql`(t.occurred_at, t.id) < (CAST(${q.before[0]} AS timestamptz), ${q.before[1]})`);
  const { rows } = await sql<EntryText & Record<string, any>>`
    SELECT t.id, t.occurred_at, t.occurred_at::text AS _at, t.kind, t.title, t.body, t.ref_type, t.ref_id, t.contact_id, t.account_id,
           t.actor_id, u.name AS actor_name
    FROM timeline_events t LEFT JOIN users u ON u.id = t.actor_id
    WHERE ${sql.join(conds, sql` AND `)}
    ORDER BY t.occurred_at DESC, t.id DESC LIMIT ${q.limit}`.execute(db);
  return rows;
}
