import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connect, type Database } from './connect.ts';
import { migrate } from './migrate.ts';
import { bootstrap } from '../core/bootstrap.ts';

// Migrating and bootstrapping a database costs each test file a few seconds; with thirty more
// objects that would grow with every migration. Vitest's globalSetup (this file's default
// export, run once per `vitest run`, so a changed migration set always gets a new template)
// builds one migrated, bootstrapped database, and every test file starts from a copy of it:
// - PGlite: the template's data folder as a tarball in a temp file; each test opens an
//   in-memory PGlite loaded from it.
// - PostgreSQL: a template DATABASE beside the one DATABASE_URL names; each test file gets
//   `CREATE DATABASE ... TEMPLATE` and drops it at close. Where the server refuses CREATE
//   DATABASE, tests fall back to a fresh schema each, migrated as before.
// Test apps still run migrate() and bootstrap() on the copy: a no-op when already applied.

export const ADMIN = { email: 'admin@test.guanxi', password: 'admin-password-1' };

export type TemplateInfo =
  | { kind: 'pglite'; file: string }
  | { kind: 'postgres'; database: string }
  | { kind: 'none' };

declare module 'vitest' {
  export interface ProvidedContext {
    guanxiTestTemplate: TemplateInfo;
  }
}

/** The URL of another database on the server `url` names. */
export function databaseUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, application_name: 'guanxi tests' });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function prepare(database: Database): Promise<void> {
  await migrate(database);
  await bootstrap(database.db, ADMIN);
}

async function buildPGliteTemplate(): Promise<{ info: TemplateInfo; teardown: () => void }> {
  const database = await connect({ pgliteLeanMemory: false });
  try {
    await prepare(database);
    const file = path.join(os.tmpdir(), `gx-test-template-${process.pid}-${randomBytes(4).toString('hex')}.tar`);
    fs.writeFileSync(file, Buffer.from(await (await database.dumpDataDir!()).arrayBuffer()));
    return { info: { kind: 'pglite', file }, teardown: () => fs.rmSync(file, { force: true }) };
  } finally {
    await database.close();
  }
}

const TEMPLATE_PREFIX = 'gx_tpl_';

/** Drops templates left by runs killed before their teardown (named by their start time; a run lasts minutes, not hours). */
async function dropStaleTemplates(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, application_name: 'guanxi tests' });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE '${TEMPLATE_PREFIX}%'`);
    for (const { datname } of rows) {
      const started = parseInt(datname.slice(TEMPLATE_PREFIX.length).split('_')[0]!, 36);
      if (Date.now() - started > 6 * 3600_000) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => {});
    }
  } finally {
    await client.end();
  }
}

async function buildPostgresTemplate(url: string): Promise<{ info: TemplateInfo; teardown: () => Promise<void> }> {
  // Unique per run: other runs may share the server.
  const name = `${TEMPLATE_PREFIX}${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  try {
    await adminQuery(url, `CREATE DATABASE "${name}"`);
  } catch (e) {
    // 42501: no CREATEDB right. Tests then take a fresh schema each, as before.
    if ((e as { code?: string }).code === '42501') return { info: { kind: 'none' }, teardown: async () => {} };
    throw e;
  }
  await dropStaleTemplates(url);
  const drop = () => adminQuery(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  try {
    const database = await connect({ databaseUrl: databaseUrl(url, name), poolSize: 1, applicationName: 'guanxi tests' });
    try {
      await prepare(database);
    } finally {
      await database.close();
    }
    // CREATE DATABASE ... TEMPLATE fails while anyone is connected to the template: nobody may.
    await adminQuery(url, `ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS false`);
  } catch (e) {
    await drop().catch(() => {});
    throw e;
  }
  return { info: { kind: 'postgres', database: name }, teardown: drop };
}

/** Vitest globalSetup: builds the template for this run and hands its whereabouts to the test files. */
export default async function setup(project: { provide: (key: 'guanxiTestTemplate', value: TemplateInfo) => void }) {
  const url = process.env.DATABASE_URL;
  const started = Date.now();
  const template = url ? await buildPostgresTemplate(url) : await buildPGliteTemplate();
  project.provide('guanxiTestTemplate', template.info);
  if (process.env.CI) console.log(`test template (${template.info.kind}) built in ${Date.now() - started} ms`);
  return template.teardown;
}

let pgliteTemplate: { file: string; blob: Blob } | undefined;

// The lean V8 settings (pglite-memory.ts) make each process compile PostgreSQL's WASM with the
// optimising compiler: 3–4 s per test file on an idle machine, 10–20 s on a busy one. Tests
// are short-lived processes, so they skip it; the ops tests still run the server with them.
const TEST_PGLITE = { pgliteLeanMemory: false } as const;

/**
 * A database for one test app, started from the run's template when there is one: in-memory
 * PGlite, a new database on the PostgreSQL server, or (no template) a new schema there.
 * `drop` removes what was created, after `database.close()`.
 */
export async function openTestDatabase(template: TemplateInfo | undefined): Promise<{ database: Database; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    if (template?.kind !== 'pglite') return { database: await connect(TEST_PGLITE), drop: async () => {} };
    if (pgliteTemplate?.file !== template.file) pgliteTemplate = { file: template.file, blob: new Blob([fs.readFileSync(template.file)]) };
    return { database: await connect({ ...TEST_PGLITE, pgliteLoadDataDir: pgliteTemplate.blob }), drop: async () => {} };
  }
  const name = `t_${randomBytes(6).toString('hex')}`;
  if (template?.kind !== 'postgres') {
    const database = await connect({ databaseUrl: url, schema: name, poolSize: 4 });
    return { database, drop: () => adminQuery(url, `DROP SCHEMA IF EXISTS "${name}" CASCADE`) };
  }
  await createFromTemplate(url, name, template.database);
  try {
    const database = await connect({ databaseUrl: databaseUrl(url, name), poolSize: 4, applicationName: `guanxi ${name}` });
    return { database, drop: () => adminQuery(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
  } catch (e) {
    await adminQuery(url, `DROP DATABASE IF EXISTS "${name}"`).catch(() => {});
    throw e;
  }
}

async function createFromTemplate(url: string, name: string, template: string): Promise<void> {
  // 55006 (object in use): the template builder's last backend may still be exiting, or
  // another worker's CREATE DATABASE holds it; PostgreSQL waits 5 s itself, retry a few times.
  for (let attempt = 1; ; attempt++) {
    try {
      return await adminQuery(url, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    } catch (e) {
      if ((e as { code?: string }).code !== '55006' || attempt >= 5) throw e;
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}
