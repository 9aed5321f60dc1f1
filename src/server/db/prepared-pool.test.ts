import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from './test-helpers.ts';
import { connect } from './connect.ts';
import type { Tx } from '../records/types.ts';

// On PostgreSQL, statements seen a few times run as prepared statements (prepared-pool.ts);
// PGlite runs everything unnamed. Either way the answers are the same.
const t = useTestApp();

async function preparedHere(trx: Tx) {
  const { rows } = await sql<{ statement: string }>`SELECT statement FROM pg_prepared_statements WHERE NOT from_sql`.execute(trx);
  return rows.map((r) => r.statement);
}

describe('prepared statements', () => {
  it('name a statement run a few times, never one that could be a script, and give the same answers', async () => {
    const postgres = t.database.kind === 'postgres';
    await t.database.db.transaction().execute(async (trx) => {
      const answers: number[] = [];
      for (let i = 0; i < 5; i++) answers.push((await sql<{ n: number }>`SELECT ${i}::int + 1 AS n`.execute(trx)).rows[0]!.n);
      expect(answers).toEqual([1, 2, 3, 4, 5]);
      // A text with a ';' could be a script, which a prepared statement cannot hold: never named.
      for (let i = 0; i < 4; i++) expect((await sql<{ s: string }>`SELECT 'a;b' AS s`.execute(trx)).rows[0]!.s).toBe('a;b');
      const prepared = await preparedHere(trx);
      expect(prepared.includes('SELECT $1::int + 1 AS n')).toBe(postgres);
      expect(prepared.some((s) => s.includes('a;b'))).toBe(false);
    });
  });

  it('keep at most 100 named statements on a connection', async () => {
    const postgres = t.database.kind === 'postgres';
    await t.database.db.transaction().execute(async (trx) => {
      for (let k = 0; k < 110; k++) {
        for (let i = 0; i < 3; i++) expect((await sql<{ n: number }>`SELECT ${i}::int + ${sql.lit(k)} AS n`.execute(trx)).rows[0]!.n).toBe(i + k);
      }
      const all = await preparedHere(trx);
      expect(all.length).toBe(postgres ? 100 : 0);
    });
  });

  it('are off with GUANXI_PREPARED_STATEMENTS=off (preparedStatements: false)', async () => {
    const database = await connect({ databaseUrl: process.env.DATABASE_URL, poolSize: 1, preparedStatements: false });
    try {
      await database.db.transaction().execute(async (trx) => {
        for (let i = 0; i < 5; i++) await sql`SELECT ${i}::int + 1 AS n`.execute(trx);
        expect(await preparedHere(trx)).toEqual([]);
      });
    } finally {
      await database.close();
    }
  });
});
