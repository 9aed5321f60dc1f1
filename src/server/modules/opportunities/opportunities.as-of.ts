import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Tx } from '../../records/types.ts';

// "The pipeline as it was on a past day", read from the append-only history: inside a transaction
// that is always rolled back, each opportunity is put back to its last history row at or before
// that time (stage, amount, close date, probability), and those created later lose their owner
// (no figure counts an opportunity without one). The caller's read runs on that state through the
// real queries (the demo takes its past weekly forecast snapshots with forecasts' own statement),
// and nothing of it survives the rollback.

class Rewound extends Error {
  value: unknown;
  constructor(value: unknown) { super('rewound'); this.value = value; }
}

export async function asOfHistory<T>(db: Kysely<DB>, at: Date, read: (trx: Tx) => Promise<T>): Promise<T> {
  const when = at.toISOString();
  try {
    await db.transaction().execute(async (trx) => {
      await sql`UPDATE opportunities o SET stage_id = h.to_stage_id, stage_name = s.name, stage_category = s.category,
          amount = h.amount, currency = h.currency, expected_close_date = h.expected_close_date, probability = h.probability
        FROM (SELECT DISTINCT ON (opportunity_id) opportunity_id, to_stage_id, amount, currency, expected_close_date, probability
              FROM opportunity_history WHERE at <= ${when}::timestamptz ORDER BY opportunity_id, at DESC, id DESC) h
        JOIN pipeline_stages s ON s.id = h.to_stage_id
        WHERE o.id = h.opportunity_id`.execute(trx);
      await sql`UPDATE opportunities SET owner_id = NULL WHERE created_at > ${when}::timestamptz`.execute(trx);
      throw new Rewound(await read(trx));
    });
  } catch (e) {
    if (e instanceof Rewound) return e.value as T;
    throw e;
  }
  throw new Error('unreachable: the rewound transaction always rolls back');
}
