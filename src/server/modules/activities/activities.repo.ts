import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../records/types.ts';

/**
 * Activities per owner under a condition written against the `activities` table (the caller's
 * visibility and filters, records/service.ts whereFor), most first; bounded.
 */
export async function countByOwner(db: Tx, where: RawBuilder<boolean>, limit: number) {
  const { rows } = await sql<{ owner_id: number | null; name: string | null; n: number }>`
    SELECT activities.owner_id, u.name, count(*)::int AS n FROM activities LEFT JOIN users u ON u.id = activities.owner_id
    WHERE ${where} GROUP BY activities.owner_id, u.name ORDER BY n DESC, activities.owner_id LIMIT ${sql.lit(limit)}`.execute(db);
  return rows;
}
