import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../../db/test-helpers.ts';
import { seedDemo } from '../../seed/demo.ts';

// The module's demo step: one rule for the demo team and a draft statement per demo rep for the quarter.
const t = useTestApp();

describe('commissions demo', () => {
  it('seeds one rule and a draft quarter statement per rep, made by the manager', { timeout: 300_000 }, async () => {
    const counts = await seedDemo(t.database.db, new Date('2026-06-15T08:00:00Z'));
    expect(counts).toMatchObject({ 'commission rules': 1 });
    const { rows } = await sql<{ status: string; period_start: string; n: number }>`SELECT status, to_char(period_start, 'YYYY-MM-DD') AS period_start, count(*)::int AS n
      FROM commission_statements GROUP BY 1, 2`.execute(t.database.db);
    expect(rows).toEqual([{ status: 'draft', period_start: '2026-04-01', n: counts['commission statements'] }]);
    expect(counts['commission statements']).toBeGreaterThan(0);
  });
});
