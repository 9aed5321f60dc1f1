import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../db/test-helpers.ts';
import { migrate } from '../db/migrate.ts';

const t = useTestApp();

describe('migration 017 (document numbers)', () => {
  it('numbers the accounts that existed before it in id order, and the next create follows them', async () => {
    const ids: number[] = [];
    // Written straight to the table: statements the API prepares before the column goes away
    // would answer "cached plan must not change result type" on PostgreSQL (a real install
    // migrates before it serves).
    for (const name of ['First Old Co', 'Second Old Co', 'Third Old Co']) {
      ids.push(Number((await sql<{ id: number }>`INSERT INTO accounts (name, account_number) VALUES (${name}, ${`tmp-${name}`}) RETURNING id`.execute(t.database.db)).rows[0]!.id));
    }
    // The database as it was before 017: no sequences, no column.
    const db = t.database.db;
    await sql`DROP TABLE number_sequences`.execute(db);
    await sql`ALTER TABLE accounts DROP COLUMN account_number`.execute(db);
    await sql`DELETE FROM schema_migrations WHERE name = '017_numbering.sql'`.execute(db);
    expect(await migrate(t.database)).toEqual(['017_numbering.sql']);
    const { rows } = await sql<{ id: number; account_number: string }>`SELECT id, account_number FROM accounts ORDER BY id`.execute(db);
    expect(rows.map((r) => [Number(r.id), r.account_number])).toEqual([[ids[0], 'C-00001'], [ids[1], 'C-00002'], [ids[2], 'C-00003']]);
    const reindex = await sql<{ n: number }>`SELECT count(*)::int AS n FROM jobs WHERE name = 'search.reindex' AND payload->'objects' = '["accounts"]'::jsonb`.execute(db);
    expect(reindex.rows[0]!.n).toBe(1);
    const next = await t.api(t.adminToken, 'POST', '/accounts', { name: 'First New Co' });
    expect(next.body.data?.account_number, JSON.stringify(next.body)).toBe('C-00004');
  });
});
