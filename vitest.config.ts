import { defineConfig } from 'vitest/config';

// Integration tests each build an app on a fresh database copied from a template migrated once
// per run (globalSetup, src/server/db/test-template.ts): in-memory PGlite, or a new database on
// the PostgreSQL server named by DATABASE_URL. src/server/ops holds the process-level tests
// (kill -9 recovery, CLI on a PGlite folder): they run in the PGlite pass only.
const onPostgres = Boolean(process.env.DATABASE_URL);

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    globalSetup: ['src/server/db/test-template.ts'],
    exclude: onPostgres ? ['src/server/ops/**', '**/node_modules/**'] : ['**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
