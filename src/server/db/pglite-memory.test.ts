import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { connect } from './connect.ts';
import { leanWasmApplied } from './pglite-memory.ts';
import { loadConfig } from '../config.ts';

// What the settings save is measured by the benchmark (docs/benchmarks.md, import peak RSS);
// here: that opening PGlite applies them unless the configuration turns them off.
describe('PGlite lean memory settings', () => {
  it('are applied when PGlite opens, not when told otherwise', async () => {
    const plain = await connect({ pgliteLeanMemory: false });
    expect(leanWasmApplied()).toBe(false);
    await plain.close();
    const lean = await connect({});
    expect(leanWasmApplied()).toBe(true);
    expect((await sql<{ n: number }>`SELECT 40 + 2 AS n`.execute(lean.db)).rows[0]!.n).toBe(42);
    await lean.close();
  }, 60_000);

  it('are on by default and off with GUANXI_PGLITE_LEAN_MEMORY=off', () => {
    expect(loadConfig({}).pgliteLeanMemory).toBe(true);
    expect(loadConfig({ GUANXI_PGLITE_LEAN_MEMORY: 'off' }).pgliteLeanMemory).toBe(false);
  });
});
