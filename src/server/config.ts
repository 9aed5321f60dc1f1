import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  webDir: string;
  sessionIdleHours: number;
  sessionMaxDays: number;
  logLevel: string;
  pgliteSharedBuffers: string;
  /** PostgreSQL: run frequent statements as prepared statements (off behind a pooler that cannot keep them). */
  preparedStatements: boolean;
  /** PGlite: V8 settings for a smaller process (db/pglite-memory.ts). */
  pgliteLeanMemory: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.GUANXI_DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    adminEmail: env.GUANXI_ADMIN_EMAIL || undefined,
    adminPassword: env.GUANXI_ADMIN_PASSWORD || undefined,
    webDir: path.resolve(env.GUANXI_WEB_DIR ?? path.join(import.meta.dirname, '../../dist/web')),
    sessionIdleHours: Number(env.GUANXI_SESSION_IDLE_HOURS ?? 12),
    sessionMaxDays: Number(env.GUANXI_SESSION_MAX_DAYS ?? 7),
    logLevel: env.LOG_LEVEL ?? 'info',
    pgliteSharedBuffers: env.GUANXI_PGLITE_SHARED_BUFFERS ?? '32MB',
    preparedStatements: env.GUANXI_PREPARED_STATEMENTS !== 'off',
    pgliteLeanMemory: env.GUANXI_PGLITE_LEAN_MEMORY !== 'off',
  };
}
