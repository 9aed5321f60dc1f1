import { Kysely, PostgresDialect, sql, type Dialect } from 'kysely';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { PGlitePool } from './pglite-pool.ts';
import { preparingPool } from './prepared-pool.ts';
import { isDatabaseUnavailable } from './unavailable.ts';
import { acquireDataDir } from './data-dir-lock.ts';
import { leanWasmRuntime } from './pglite-memory.ts';
import type { DB } from './schema.ts';

export interface Database {
  db: Kysely<DB>;
  kind: 'pglite' | 'postgres';
  /** Holds one session and runs multi-statement SQL scripts on it (migrations, advisory locks). Returns the last statement's rows. */
  session<T>(fn: (exec: (script: string) => Promise<Record<string, unknown>[]>) => Promise<T>): Promise<T>;
  /** Whether the database answers a trivial query within `timeoutMs` (health checks). */
  ping(timeoutMs?: number): Promise<boolean>;
  /** PGlite only: the whole data folder as a tarball, for `pgliteLoadDataDir` (tests clone a migrated template). */
  dumpDataDir?(): Promise<Blob>;
  /** PGlite only: the data folder, undefined in memory (core/secrets.ts keeps its key file beside it). */
  dataDir?: string;
  close(): Promise<void>;
}

async function pingWith(db: Kysely<DB>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  const query = sql`SELECT 1`.execute(db).then(() => true, () => false);
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

// bigint ids fit in a JS number for any realistic CRM; dates stay 'YYYY-MM-DD' strings so no
// time zone shifts a birthday; numeric (money) stays the database's exact decimal text, which a
// double would round past 15 digits (src/shared/money.ts reads it).
const parsers = {
  [INT8]: (v: string) => Number(v),
  [NUMERIC]: (v: string) => v,
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
  /** In-memory PGlite: start from this data folder tarball (from `dumpDataDir`) instead of an empty database. */
  pgliteLoadDataDir?: Blob;
  /** PostgreSQL application_name (tests find their own connections by it); default 'guanxi' or 'guanxi <schema>'. */
  applicationName?: string;
}

export async function connect(opts: ConnectOptions): Promise<Database> {
  if (opts.databaseUrl) return connectPostgres(opts.databaseUrl, opts);
  if (opts.pgliteLeanMemory !== false) leanWasmRuntime();
  return connectPGlite(opts.dataDir, opts.pgliteSharedBuffers ?? '32MB', opts.pgliteLoadDataDir);
}

async function connectPostgres(url: string, opts: ConnectOptions): Promise<Database> {
  pg.types.setTypeParser(INT8, parsers[INT8]);
  pg.types.setTypeParser(NUMERIC, parsers[NUMERIC]);
  pg.types.setTypeParser(DATE, parsers[DATE]);
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolSize ?? 10,
    options: opts.schema ? `-c search_path=${opts.schema}` : undefined,
    // Names this process's connections in pg_stat_activity (tests find their own by schema).
    application_name: opts.applicationName ?? (opts.schema ? `guanxi ${opts.schema}` : 'guanxi'),
    // While the server is down or restarting, a request waits at most this long for a
    // connection and then answers 503 instead of hanging.
    connectionTimeoutMillis: 5_000,
  });
  // A connection losing its server (restart, pg_terminate_backend, network) emits 'error'.
  // Without a listener Node turns that into an uncaught exception and the process dies: the
  // pool listens for idle clients, and every client gets its own listener for the time it is
  // checked out. The query that was running rejects on its own; pg-pool then drops the broken
  // client on release and opens a new one on the next checkout, so the pool recovers by itself.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  if (opts.schema) {
    const c = await pool.connect();
    try {
      await c.query(`CREATE SCHEMA IF NOT EXISTS "${opts.schema}"`);
    } finally {
      c.release();
    }
  }
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: preparingPool(pool, { prepare: opts.preparedStatements !== false }) }) });
  return {
    db,
    kind: 'postgres',
    async session(fn) {
      const c = await pool.connect();
      let broken: Error | undefined;
      try {
        return await fn(async (text) => {
          try {
            const res = (await c.query(text)) as unknown as pg.QueryResult | pg.QueryResult[];
            return Array.isArray(res) ? (res.at(-1)?.rows ?? []) : res.rows;
          } catch (e) {
            if (isDatabaseUnavailable(e)) broken = e as Error;
            throw e;
          }
        });
      } finally {
        c.release(broken);
      }
    },
    ping: (timeoutMs = 2_000) => pingWith(db, timeoutMs),
    async close() {
      await db.destroy();
    },
  };
}

async function connectPGlite(dataDir: string | undefined, sharedBuffers: string, loadDataDir?: Blob): Promise<Database> {
  const unlock = dataDir ? acquireDataDir(dataDir) : () => {};
  let pglite: PGlite;
  try {
    // PostgreSQL's default 128MB of shared buffers costs ~300MB of WASM memory; the OS page
    // cache still caches the data files, so a smaller pool keeps a laptop install light.
    pglite = await PGlite.create(dataDir, { parsers, postgresqlconf: [`shared_buffers=${sharedBuffers}`], ...(loadDataDir ? { loadDataDir } : {}) });
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
    dataDir,
    async session(fn) {
      return pool.exclusive(() => fn(async (text) => (await pglite.exec(text)).at(-1)?.rows ?? []));
    },
    ping: (timeoutMs = 2_000) => pingWith(db, timeoutMs),
    dumpDataDir: () => pool.exclusive(() => pglite.dumpDataDir('none')),
    async close() {
      await db.destroy();
      // Kysely ends the pool only if it ever used it: a process that ran only session()
      // (migrations) would keep an open PGlite, which keeps the process alive.
      if (!pglite.closed) await pglite.close();
      unlock();
    },
  };
}
