import { defineConfig } from 'vitest/config';

// Browser tests against the real server: one server for the run (global setup), files one
// after another in a single fork, generous timeouts (Chromium start, background jobs).
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['**/*.e2e.test.ts'],
    globalSetup: ['./global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    sequence: { concurrent: false },
    reporters: ['default'],
  },
});
