// A fresh Guanxi on a fresh database, built the way db/test-helpers.ts builds one, plus a raw
// connection to the same database for the SQL baselines and a recorder of the SQL a request runs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Kysely, KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { connect, type Database } from '../../src/server/db/connect.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { bootstrap } from '../../src/server/core/bootstrap.ts';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { loadActor } from '../../src/server/modules/auth/auth.service.ts';
import type { Actor } from '../../src/server/core/access.ts';
import type { DB } from '../../src/server/db/schema.ts';
import { MEMBER_LEVELS } from '../lists.ts';

export const ADMIN = { email: 'bench@guanxi.test', password: 'bench-password-1' };

export interface CapturedQuery {
  sql: string;
  parameters: readonly unknown[];
  ms: number;
}

/** Records the SQL (and its time) that the app runs while armed; a pass-through otherwise. */
export class SqlRecorder implements KyselyPlugin {
  #pending = new Map<object, { node: RootOperationNode; t0: number }>();
  #log: { node: RootOperationNode; queryId: object; ms: number }[] = [];
  /** Long runs (the import) keep only time per statement shape, not the statements. */
  #totals: Map<string, { n: number; ms: number }> | null = null;
  armed = false;

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (this.armed || this.#totals) this.#pending.set(args.queryId, { node: args.node, t0: performance.now() });
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const p = this.#pending.get(args.queryId);
    if (p) {
      this.#pending.delete(args.queryId);
      const ms = performance.now() - p.t0;
      if (this.#totals) {
        const k = shape(p.node);
        const t = this.#totals.get(k) ?? { n: 0, ms: 0 };
        this.#totals.set(k, { n: t.n + 1, ms: t.ms + ms });
      } else this.#log.push({ node: p.node, queryId: args.queryId, ms });
    }
    return args.result;
  }

  /** Runs fn and returns the database time it spent, by statement shape, largest first. */
  async totals(fn: () => Promise<unknown>): Promise<{ statement: string; n: number; ms: number }[]> {
    this.#totals = new Map();
    try {
      await fn();
      return [...this.#totals].map(([statement, t]) => ({ statement, n: t.n, ms: Math.round(t.ms) })).sort((a, b) => b.ms - a.ms);
    } finally {
      this.#totals = null;
    }
  }

  /** Runs fn armed and returns the statements it ran, compiled. */
  async record(db: Kysely<DB>, fn: () => Promise<unknown>): Promise<CapturedQuery[]> {
    this.#log = [];
    this.armed = true;
    try {
      await fn();
    } finally {
      this.armed = false;
    }
    return this.#log.map((q) => {
      const c = db.getExecutor().compileQuery(q.node, q.queryId as never);
      return { sql: c.sql, parameters: c.parameters, ms: Math.round(q.ms * 100) / 100 };
    });
  }
}

/** A short name for a statement: the start of its SQL text, or its kind and table. */
function shape(node: RootOperationNode): string {
  const n = node as any;
  if (n.kind === 'RawNode') return (n.sqlFragments as string[]).join('?').replace(/\s+/g, ' ').trim().slice(0, 70);
  const table = n.from?.froms?.[0]?.table?.identifier?.name ?? n.into?.table?.identifier?.name ?? n.table?.table?.identifier?.name ?? '';
  return `${n.kind.replace('Node', '')} ${table}`;
}

/** The same database, reached without Guanxi: the driver and nothing else. */
export interface RawSql {
  query(text: string, params?: readonly unknown[]): Promise<Record<string, any>[]>;
  /** Loads a CSV file into a table as fast as the database can; returns the method used. */
  copyCsv(table: string, file: string): Promise<string>;
}

export interface Bench {
  kind: 'pglite' | 'postgres';
  /** The PGlite folder or the PostgreSQL schema. */
  location: string;
  database: Database;
  db: Kysely<DB>;
  app: FastifyInstance;
  recorder: SqlRecorder;
  raw: RawSql;
  actor: Actor;
  token: string;
  get(url: string): Promise<any>;
  close(keep: boolean): Promise<void>;
}

function pgliteRaw(pglite: PGlite): RawSql {
  return {
    query: async (text, params = []) => (await pglite.query<Record<string, any>>(text, params as unknown[])).rows,
    copyCsv: async (table, file) => {
      await pglite.query(`COPY ${table} FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`, [], { blob: new Blob([fs.readFileSync(file)]) });
      return "COPY FROM '/dev/blob'";
    },
  };
}

async function postgresRaw(url: string, schema: string): Promise<{ raw: RawSql; end: () => Promise<void> }> {
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  const raw: RawSql = {
    query: async (text, params = []) => (await client.query(text, params as unknown[])).rows,
    copyCsv: async (table, file) => {
      // Server-side COPY needs the file on the server's machine and superuser (true for the
      // local throwaway cluster); else the fastest plain-driver path: multi-row INSERT.
      try {
        await client.query(`COPY ${table} FROM '${file.replace(/'/g, "''")}' WITH (FORMAT csv, HEADER true)`);
        return 'COPY FROM file (server side)';
      } catch {
        const { insertCsv } = await import('./insert-csv.ts');
        await insertCsv((t, p) => client.query(t, p as unknown[]), table, file);
        return 'INSERT … SELECT unnest() in 5,000-row batches';
      }
    },
  };
  return { raw, end: () => client.end() };
}

/**
 * Opens Guanxi on `location` (a PGlite folder or a PostgreSQL schema; fresh when undefined):
 * migrate, admin, custom field cf_member_level (through the API, once), app, admin token.
 */
export async function openBench(kind: 'pglite' | 'postgres', workDir: string, location?: string, pgliteSharedBuffers?: string): Promise<Bench> {
  const url = process.env.DATABASE_URL;
  let database: Database;
  let raw: RawSql;
  let endRaw = async () => {};
  const where = location ?? (kind === 'pglite' ? fs.mkdtempSync(path.join(workDir, 'pglite-')) : `bench_${Date.now().toString(36)}`);
  if (kind === 'pglite') {
    // connect() keeps its PGlite private; catch it on the way out to reach it without Guanxi.
    const create = PGlite.create;
    let pglite: PGlite | undefined;
    PGlite.create = (async (...a: unknown[]) => (pglite = await (create as (...x: unknown[]) => Promise<PGlite>).apply(PGlite, a))) as typeof create;
    try {
      database = await connect({ dataDir: where, pgliteLeanMemory: loadConfig().pgliteLeanMemory, ...(pgliteSharedBuffers ? { pgliteSharedBuffers } : {}) });
    } finally {
      PGlite.create = create;
    }
    raw = pgliteRaw(pglite!);
  } else {
    if (!url) throw new Error('--db postgres needs DATABASE_URL');
    database = await connect({ databaseUrl: url, schema: where, poolSize: 10 });
    ({ raw, end: endRaw } = await postgresRaw(url, where));
  }
  await migrate(database);
  await bootstrap(database.db, ADMIN);
  const recorder = new SqlRecorder();
  const db = database.db.withPlugin(recorder);
  const config = { ...loadConfig({}), webDir: '/nonexistent', databaseUrl: url, ...(kind === 'pglite' ? { dataDir: where } : {}) };
  const app = await buildApp({ ...database, db }, config);
  await app.ready();
  const inject = async (opts: InjectOptions) => {
    const res = await app.inject(opts);
    if (res.statusCode >= 300) throw new Error(`${opts.method} ${opts.url} → ${res.statusCode} ${res.body.slice(0, 300)}`);
    return res.json();
  };
  const login = await inject({ method: 'POST', url: '/api/v1/auth/login', payload: ADMIN });
  const token = login.data.token as string;
  const auth = { authorization: `Bearer ${token}` };
  const existing = await inject({ method: 'GET', url: '/api/v1/custom-fields?object=contacts', headers: auth });
  if (!existing.data.some((f: { key: string }) => f.key === 'cf_member_level')) {
    await inject({
      method: 'POST', url: '/api/v1/custom-fields', headers: auth,
      payload: { object: 'contacts', key: 'member_level', label: 'Member level', labels: { 'zh-CN': '会员级别', 'zh-TW': '會員級別' }, type: 'select', options: MEMBER_LEVELS },
    });
  }
  const actor = (await loadActor(db, login.data.user.id))!;
  return {
    kind, location: where, database, db, app, recorder, raw, actor, token,
    get: (u) => inject({ method: 'GET', url: u, headers: auth }),
    close: async (keep) => {
      await app.close();
      await endRaw();
      if (kind === 'postgres' && !keep) await database.session((exec) => exec(`DROP SCHEMA "${where}" CASCADE`));
      await database.close();
      if (kind === 'pglite' && !keep) for (const p of [where, `${where}.secret-key`]) fs.rmSync(p, { recursive: true, force: true });
    },
  };
}

export function defaultWorkDir(): string {
  const dir = path.join(os.tmpdir(), 'guanxi-bench');
  fs.mkdirSync(dir, { recursive: true });
  // The PostgreSQL server (another OS user) must be able to read the CSV for COPY.
  fs.chmodSync(dir, 0o755);
  return dir;
}
