import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sql } from 'kysely';
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Database } from './connect.ts';
import { openTestDatabase } from './test-template.ts';
import { migrate } from './migrate.ts';
import { schemaShape, type SchemaShape } from './schema-shape.ts';
import { bootstrap } from '../core/bootstrap.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { reindexIfStale } from '../modules/search/reindex.ts';
import { ensureFieldIndexes } from '../modules/custom-fields/custom-fields.repo.ts';
import { ADMIN } from './test-helpers.ts';

// An install of the first release (its migrations, as first committed, and data written in its
// schema: upgrade-fixtures/first-release) upgraded in place to this version: the schema ends up
// identical to a fresh install's, and the data, logins, rights, search and an old merge survive.
const FIXTURE = path.join(import.meta.dirname, 'upgrade-fixtures', 'first-release');
const PASSWORD = 'first-release-pw1';
const API_KEY = 'gx_firstreleaseapikey0000000000000000';

let old: { database: Database; drop: () => Promise<void> };
let app: FastifyInstance;
let applied: string[];
let fresh: SchemaShape;

/** What the first release's migrate() did: each file in a transaction, recorded by name only. */
async function installFirstRelease(database: Database): Promise<void> {
  await database.session(async (exec) => {
    await exec(`CREATE TABLE schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    for (const file of ['001_core.sql', '002_customers.sql']) {
      await exec(`BEGIN;\n${fs.readFileSync(path.join(FIXTURE, file), 'utf8')}\n;INSERT INTO schema_migrations (name) VALUES ('${file}');\nCOMMIT;`);
    }
    await exec(fs.readFileSync(path.join(FIXTURE, 'data.sql'), 'utf8'));
  });
}

async function api(token: string, method: InjectOptions['method'], url: string, body?: unknown) {
  const res = await app.inject({ method, url: `/api/v1${url}`, headers: token ? { authorization: `Bearer ${token}` } : {}, ...(body !== undefined ? { payload: body as InjectOptions['payload'] } : {}) });
  return { status: res.statusCode, body: res.headers['content-type']?.toString().includes('json') ? res.json() : res.body };
}

async function login(email: string): Promise<string> {
  const r = await api('', 'POST', '/auth/login', { email, password: PASSWORD });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.data.token as string;
}

const count = async (table: string) => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(old.database.db)).rows[0]!.n;

beforeAll(async () => {
  // A fresh install, with the first release's custom fields defined the way this version defines them.
  old = await openTestDatabase(undefined);
  await installFirstRelease(old.database);
  const f = await openTestDatabase(inject('guanxiTestTemplate'));
  try {
    await migrate(f.database);
    await bootstrap(f.database.db, ADMIN);
    const { rows } = await sql<{ object: string; key: string; label: string; type: string; link: string | null }>`SELECT object, key, label, type, link FROM custom_fields`.execute(old.database.db);
    for (const r of rows) await f.database.db.insertInto('custom_fields').values({ ...r, labels: '{}', options: '[]' }).execute();
    await ensureFieldIndexes(f.database.db);
    fresh = await schemaShape(f.database);
  } finally {
    await f.database.close();
    await f.drop();
  }
  // The upgrade, as `guanxi start` does it.
  applied = await migrate(old.database);
  await bootstrap(old.database.db, {});
  app = await buildApp(old.database, { ...loadConfig({}), webDir: '/nonexistent', databaseUrl: process.env.DATABASE_URL, modules: [] });
  await app.ready();
  expect(await reindexIfStale(app.db)).toBe(true);
  await app.jobs.drain();
}, 120_000);

afterAll(async () => {
  await app?.jobs.stop();
  await app?.close();
  await old?.database.close();
  await old?.drop();
});

describe('an install of the first release, upgraded to this version', () => {
  it('applies every later migration, and its schema equals a fresh install\'s', async () => {
    expect(applied[0]).toBe('003_import_perf.sql');
    expect(applied).not.toContain('001_core.sql');
    const upgraded = await schemaShape(old.database);
    for (const k of Object.keys(fresh) as (keyof SchemaShape)[]) expect(upgraded[k], k).toEqual(fresh[k]);
    expect(await migrate(old.database)).toEqual([]);
  });

  it('keeps every row', async () => {
    expect(await count('users')).toBe(6);
    expect(await count('teams')).toBe(2);
    expect(await count('accounts')).toBe(3);
    expect(await count('contacts')).toBe(5);
    expect(await count('activities')).toBe(4);
    expect(await count('tasks')).toBe(3);
    expect(await count('custom_fields')).toBe(9);
    expect(await count('saved_views')).toBe(1);
    expect(await count('imports')).toBe(1);
    expect(await count('audit_log')).toBeGreaterThanOrEqual(4);
  });

  it('signs in every role, honours the API key, the field rule and visibility', async () => {
    for (const role of ['admin', 'manager', 'sales', 'service', 'marketing', 'readonly']) await login(`${role}@first.example`);
    const byKey = await api(API_KEY, 'GET', '/contacts?limit=50');
    expect(byKey.status).toBe(200);
    expect(byKey.body.data.map((c: { name: string }) => c.name).sort()).toEqual(['John Smith', '张三', '王五', '赵六', '陳大文'].sort());
    const sales = await login('sales@first.example');
    const own = await api(sales, 'GET', '/contacts/1');
    expect(own.status).toBe(200);
    expect(own.body.data).not.toHaveProperty('credit_limit');
    expect(own.body.data).not.toHaveProperty('name_order');
    expect(own.body.data).toMatchObject({ name: '张三', cf_points: 120, cf_vip: true, cf_channel: 'wechat', cf_hobbies: ['tea'], cf_first_visit: '2025-03-01' });
    const notOwn = await api(sales, 'GET', '/contacts/2');
    const missing = await api(sales, 'GET', '/contacts/999');
    expect([notOwn.status, notOwn.body]).toEqual([missing.status, missing.body]);
    const admin = await login('admin@first.example');
    expect((await api(admin, 'GET', '/contacts/7')).status).toBe(404);
    const timeline = await api(admin, 'GET', '/contacts/1/timeline');
    expect(timeline.status).toBe(200);
    expect(timeline.body.data.map((e: { title: string }) => e.title)).toContain('回访张三');
    expect((await api(admin, 'GET', '/imports/1')).status).toBe(200);
    const view = await api(sales, 'GET', '/views?object=contacts');
    expect(view.status).toBe(200);
    expect(JSON.stringify(view.body)).toContain('我的上海客户');
  });

  it('finds the Chinese and English records, with the tokens of the current search rules', async () => {
    const admin = await login('admin@first.example');
    const found = async (q: string) => {
      const r = await api(admin, 'GET', `/search?q=${encodeURIComponent(q)}`);
      expect(r.status).toBe(200);
      return JSON.stringify(r.body);
    };
    expect(await found('张三')).toContain('张三');
    expect(await found('臺北貿易')).toContain('臺北貿易股份有限公司');
    expect(await found('acme')).toContain('Acme Trading Ltd');
    // Pinyin initials of three letters and more: never in the first release's documents.
    expect(await found('shmy')).toContain('上海贸易有限公司');
    expect(await found('13912345678')).toContain('张三');
  });

  it('undoes the merge the first release recorded (its images hold the dropped name_order column)', async () => {
    const admin = await login('admin@first.example');
    const r = await api(admin, 'POST', '/contacts/merge/undo', { audit_id: 1 });
    expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
    const restored = await api(admin, 'GET', '/contacts/4');
    expect(restored.status).toBe(200);
    expect(restored.body.data).toMatchObject({ name: '张三', email: 'zhangsan@example.cn' });
    expect((await api(admin, 'GET', '/contacts/1')).body.data.email).toBeNull();
    expect((await sql<{ contact_id: number }>`SELECT contact_id FROM activities WHERE id = 4`.execute(old.database.db)).rows).toEqual([{ contact_id: 4 }]);
    const again = await api(admin, 'POST', '/contacts/merge/undo', { audit_id: 1 });
    expect([again.status, again.body.error?.code]).toEqual([409, 'conflict']);
  });
});
