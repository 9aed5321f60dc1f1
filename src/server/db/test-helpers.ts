import { afterAll, beforeAll, inject } from 'vitest';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { connect, type Database } from './connect.ts';
import { migrate } from './migrate.ts';
import { bootstrap } from '../core/bootstrap.ts';
import { buildApp } from '../app.ts';
import { loadConfig, type Config } from '../config.ts';
import { ADMIN, databaseUrl, openTestDatabase } from './test-template.ts';

export { ADMIN };

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  /** Calls the API as a bearer-token user; returns status and parsed JSON. */
  api: (token: string, method: InjectOptions['method'], url: string, body?: unknown, headers?: Record<string, string>) => Promise<{ status: number; body: any; headers: Record<string, unknown> }>;
  login: (email: string, password: string) => Promise<string>;
  adminToken: string;
  /** Creates a user with a role (and optional team) and returns a token for it. */
  userToken: (role: string, opts?: { team_id?: number; email?: string }) => Promise<{ token: string; id: number }>;
  close: () => Promise<void>;
}

export interface TestAppOptions {
  /** Module folders (absolute paths) loaded beside the built-in ones, as GUANXI_MODULES would. */
  modules?: string[];
  /** Settings replacing the defaults (e.g. `smtpIn: { port: 0, … }` to start the inbound SMTP listener). */
  config?: Partial<Config>;
  /** Where the app's log lines go (none when unset). */
  logStream?: NodeJS.WritableStream;
}

/**
 * A fresh app on a fresh database copied from the run's migrated template (test-template.ts):
 * in-memory PGlite, or — when DATABASE_URL is set — a new database (or schema) on that
 * PostgreSQL server, dropped again on close.
 */
export async function createTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const url = process.env.DATABASE_URL;
  const { database, drop } = await openTestDatabase(inject('guanxiTestTemplate'));
  // No-ops on the template's copy; they still apply a migration added since it was built,
  // and the migrations of the extra modules this app loads.
  await migrate(database, { modules: opts.modules });
  await bootstrap(database.db, ADMIN, { modules: opts.modules });
  const config = { ...loadConfig({}), webDir: '/nonexistent', databaseUrl: url, modules: opts.modules ?? [], ...opts.config };
  const app = await buildApp(database, config, { logStream: opts.logStream });
  await app.ready();

  const api: TestApp['api'] = async (token, method, url, body, headers = {}) => {
    const res = await app.inject({
      method,
      url: url.startsWith('/api/') ? url : `/api/v1${url}`,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      ...(body !== undefined ? { payload: body as InjectOptions['payload'] } : {}),
    });
    let parsed: unknown = res.body;
    if (res.headers['content-type']?.toString().includes('json')) parsed = res.json();
    return { status: res.statusCode, body: parsed, headers: res.headers };
  };
  const login = async (email: string, password: string) => {
    const r = await api('', 'POST', '/auth/login', { email, password });
    if (r.status !== 200) throw new Error(`login failed: ${JSON.stringify(r.body)}`);
    return r.body.data.token as string;
  };
  const adminToken = await login(ADMIN.email, ADMIN.password);
  let n = 0;
  const userToken: TestApp['userToken'] = async (role, opts = {}) => {
    const email = opts.email ?? `${role}${++n}-${randomBytes(3).toString('hex')}@test.guanxi`;
    const r = await api(adminToken, 'POST', '/users', { email, name: `${role} user ${n}`, password: 'password-123', role, team_id: opts.team_id });
    if (r.status !== 201) throw new Error(`user create failed: ${JSON.stringify(r.body)}`);
    return { token: await login(email, 'password-123'), id: r.body.data.id };
  };
  return {
    app, database, api, login, adminToken, userToken,
    close: async () => {
      await app.jobs.stop();
      await app.close();
      await database.close();
      await drop();
    },
  };
}

/** Registers hooks giving the test file one fresh app; the returned object is filled before the tests run. */
export function useTestApp(opts: TestAppOptions = {}): TestApp {
  const holder = {} as TestApp;
  beforeAll(async () => {
    Object.assign(holder, await createTestApp(opts));
  });
  afterAll(async () => holder.close?.());
  return holder;
}

/**
 * A second connection to a test app's database, as another Guanxi process would open it: the
 * same schema on PostgreSQL; on PGlite (one process only) the same database object, and close
 * does nothing.
 */
export async function connectSameDatabase(database: Database): Promise<{ database: Database; close: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) return { database, close: async () => {} };
  // Each test file has a database copied from the template (or, as a fallback, a schema of its own).
  const { rows } = await sql<{ d: string; s: string }>`SELECT current_database() AS d, current_schema() AS s`.execute(database.db);
  const { d, s } = rows[0]!;
  const other = await connect({ databaseUrl: databaseUrl(url, d), ...(s === 'public' ? {} : { schema: s }), poolSize: 2 });
  return { database: other, close: () => other.close() };
}
