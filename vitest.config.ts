import { defineConfig } from 'vitest/config';

// Integration tests each build an app on a fresh database (PGlite in a temp folder, or a
// fresh schema on the PostgreSQL server named by DATABASE_URL).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
