import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { orgNameKey } from '../../text/identity.ts';

const CHUNK = 1000;

/**
 * Gives accounts written before migration 009 (or restored from an older backup) their
 * normalised name. Runs at start-up; a database already filled costs one index probe.
 */
export async function fillAccountNameKeys(db: Kysely<DB>): Promise<number> {
  let done = 0;
  for (;;) {
    const { rows } = await sql<{ id: number; name: string }>`SELECT id, name FROM accounts WHERE name_key IS NULL ORDER BY id LIMIT ${sql.lit(CHUNK)}`.execute(db);
    if (!rows.length) return done;
    await sql`UPDATE accounts a SET name_key = v.k FROM unnest(${sql.val(rows.map((r) => r.id))}::bigint[], ${sql.val(rows.map((r) => orgNameKey(r.name)))}::text[]) AS v(id, k)
      WHERE a.id = v.id`.execute(db);
    done += rows.length;
  }
}
