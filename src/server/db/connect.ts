import { Kysely, PostgresDialect, type Dialect } from 'kysely';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { PGlitePool } from './pglite-pool.ts';
import { preparingPool } from './prepared-pool.ts';
import { acquireDataDir } from './data-dir-lock.ts';
import { leanWasmRuntime } from './pglite-memory.ts';
import type { DB } from './schema.ts';

export interface Database {
  db: Kysely<DB>;
  kind: 'pglite' | 'postgres';
  /** Holds one session and runs multi-statement SQL scripts on it (migrations, advisory locks). Returns the last statement's rows. */
  session<T>(fn: (exec: (script: string) => Promise<Record<string, unknown>[]>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

// bigint ids fit in a JS number for any realistic CRM; dates stay 'YYYY-MM-DD' strings so no
// time zone shifts a birthday.
const parsers = {
  [INT8]: (v: string) => Number(v),
  [NUMERIC]: (v: string) => Number(v),
  [DATE]: (v: string) => v,
};

export interface ConnectOptions {
  databaseUrl?: string;
  /** PGlite folder; undefined = in memory. */
  dataDir?: string;
  /** PGlite shared_buffers (e.g. '32MB'): the main driver of the process's memory. */
  pgliteSharedBuffers?: string;
  /** PostgreSQL schema to use (tests isolate themselves in a fresh schema). */
  schema?: string;
  poolSize?: number;
  /** PostgreSQL: frequent statements run prepared (prepared-pool.ts); default true. */
  preparedStatements?: boolean;
  /** PGlite: V8 settings for a smaller process (pglite-memory.ts); default true. */
  pgliteLeanMemory?: boolean;
}

export async function connect(opts: ConnectOptions): Promise<Database> {
  if (opts.databaseUrl) return connectPostgres(opts.databaseUrl, opts);
  if (opts.pgliteLeanMemory !== false) leanWasmRuntime();
  return connectPGlite(opts.dataDir, opts.pgliteSharedBuffers ?? '32MB');
}

async function connectPostgres(url: string, opts: ConnectOptions): Promise<Database> {
  pg.types.setTypeParser(INT8, parsers[INT8]);
  pg.types.setTypeParser(NUMERIC, parsers[NUMERIC]);
  pg.types.setTypeParser(DATE, parsers[DATE]);
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolSize ?? 10,
    options: opts.schema ? `-c search_path=${opts.schema}` : undefined,
  });
  // An idle client losing its server must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  if (opts.schema) {
    const c = await pool.connect();
    try {
      await c.query(`CREATE SCHEMA IF NOT EXISTS "${opts.schema}"`);
    } finally {
      c.release();
    }
  }
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: opts.preparedStatements === false ? pool : preparingPool(pool) }) });
  return {
    db,
    kind: 'postgres',
    async session(fn) {
      const c = await pool.connect();
      try {
        return await fn(async (text) => {
          const res = (await c.query(text)) as unknown as pg.QueryResult | pg.QueryResult[];
          return Array.isArray(res) ? (res.at(-1)?.rows ?? []) : res.rows;
        });
      } finally {
        c.release();
      }
    },
    async close() {
      await db.destroy();
    },
  };
}

async function connectPGlite(dataDir: string | undefined, sharedBuffers: string): Promise<Database> {
  const unlock = dataDir ? acquireDataDir(dataDir) : () => {};
  let pglite: PGlite;
  try {
    // PostgreSQL's default 128MB of shared buffers costs ~300MB of WASM memory; the OS page
    // cache still caches the data files, so a smaller pool keeps a laptop install light.
    pglite = await PGlite.create(dataDir, { parsers, postgresqlconf: [`shared_buffers=${sharedBuffers}`] });
  } catch (e) {
    unlock();
    throw e;
  }
  const pool = new PGlitePool(pglite);
  const dialect: Dialect = new PostgresDialect({ pool: pool as never });
  const db = new Kysely<DB>({ dialect });
  return {
    db,
    kind: 'pglite',
    async session(fn) {
      return pool.exclusive(() => fn(async (text) => (await pglite.exec(text)).at(-1)?.rows ?? []));
    },
    async close() {
      await db.destroy();
      // Kysely ends the pool only if it ever used it: a process that ran only session()
      // (migrations) would keep an open PGlite, which keeps the process alive.
      if (!pglite.closed) await pglite.close();
      unlock();
    },
  };
}
