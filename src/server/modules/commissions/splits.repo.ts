import { sql } from 'kysely';
import type { Tx } from '../../records/types.ts';
import { Money } from '../../../shared/money.ts';

// SQL of opportunity_splits (splits.service.ts checks the values first).

export async function splitRows(db: Tx, id: number) {
  const { rows } = await sql<{ user_id: number; user_name: string; percent: string }>`SELECT s.user_id::int AS user_id, u.name AS user_name, s.percent::text AS percent
    FROM opportunity_splits s JOIN users u ON u.id = s.user_id WHERE s.opportunity_id = ${id} ORDER BY s.percent DESC, s.user_id`.execute(db);
  return rows.map((r) => ({ ...r, percent: new Money(r.percent).toString() }));
}

export async function replaceSplits(trx: Tx, id: number, splits: { user_id: number; percent: string }[]): Promise<void> {
  await sql`DELETE FROM opportunity_splits WHERE opportunity_id = ${id}`.execute(trx);
  for (const s of splits) await sql`INSERT INTO opportunity_splits (opportunity_id, user_id, percent) VALUES (${id}, ${s.user_id}, ${s.percent})`.execute(trx);
}
