import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../records/types.ts';
import type { EntryText } from './timeline-access.ts';

export interface TimelineQuery { object: string; id: number; kinds?: string[]; before?: [string, number]; limit: number }

/**
 * Timeline rows of one record, newest first, read through its targets in the order of
 * timeline_targets_read_idx (keyset pages); visible: the caller's condition on `t` (event)
 * and `tt` (target).
 */
export async function selectTimeline(db: Tx, visible: RawBuilder<unknown>, q: TimelineQuery) {
  const conds = [sql`tt.object = ${q.object}`, sql`tt.record_id = ${q.id}`, visible];
  if (q.kinds?.length) conds.push(sql`t.kind IN (${sql.join(q.kinds)})`);
  if (q.before) conds.push(sql`(tt.occurred_at, tt.event_id) < (CAST(${q.before[0]} AS timestamptz), ${q.before[1]})`);
  const { rows } = await sql<EntryText & Record<string, any>>`
    SELECT t.id, t.occurred_at, tt.occurred_at::text AS _at, t.kind, t.title, t.body, t.ref_type, t.ref_id,
           t.actor_id, u.name AS actor_name
    FROM timeline_targets tt JOIN timeline_events t ON t.id = tt.event_id LEFT JOIN users u ON u.id = t.actor_id
    WHERE ${sql.join(conds, sql` AND `)}
    ORDER BY tt.occurred_at DESC, tt.event_id DESC LIMIT ${q.limit}`.execute(db);
  return rows;
}
