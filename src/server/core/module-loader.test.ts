import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../db/test-helpers.ts';
import { migrate } from '../db/migrate.ts';
import { BUILTIN_MODULES_DIR, applyExtension, loadModules, moduleDirs, moduleRequires, orderByRequires } from './module-loader.ts';
import { getObject, objectNames } from '../records/registry.ts';
import { ConfigError, loadConfig } from '../config.ts';

// An extra module folder, as GUANXI_MODULES names one: a migration, a bootstrap step, a route.
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gx-modules-'));
const extra = path.join(root, 'gx_extra');
fs.mkdirSync(path.join(extra, 'migrations'), { recursive: true });
fs.writeFileSync(path.join(extra, 'migrations', '001_notes.sql'), 'CREATE TABLE gx_extra_notes (id int PRIMARY KEY, body text NOT NULL);\n');
fs.writeFileSync(path.join(extra, 'migrations', '002_more.sql'), "ALTER TABLE gx_extra_notes ADD COLUMN tag text NOT NULL DEFAULT 'x';\n");
// A field it adds to another module's object (`extends`): the column comes from its migration.
fs.writeFileSync(path.join(extra, 'migrations', '003_account_score.sql'), 'ALTER TABLE accounts ADD COLUMN gx_score integer;\n');
fs.writeFileSync(path.join(extra, 'module.ts'), `
export default {
  name: 'gx_extra',
  dir: import.meta.dirname,
  bootstrap: async (db) => {
    await db.insertInto('gx_extra_notes').values({ id: 1, body: 'seeded' }).onConflict((oc) => oc.column('id').doNothing()).execute();
  },
  extends: [{
    object: 'accounts',
    fields: [{ key: 'gx_score', type: 'number' }],
    labels: { en: { gx_score: 'Score' }, 'zh-CN': { gx_score: '评分' }, 'zh-TW': { gx_score: '評分' } },
    section: 'gx_rating',
    sectionLabel: { en: 'Rating', 'zh-CN': '评级', 'zh-TW': '評級' },
    listColumns: ['gx_score'],
  }],
  routes: async (app) => {
    app.get('/gx-extra/notes', async () => ({ data: await app.db.selectFrom('gx_extra_notes').selectAll().execute() }));
  },
};
`);

const t = useTestApp({ modules: [extra] });

describe('module discovery', () => {
  it('finds every built-in module folder, sorted, and app.ts names none of them', () => {
    const dirs = moduleDirs();
    expect(dirs.map((d) => path.basename(d))).toEqual(expect.arrayContaining(['accounts', 'auth', 'contacts', 'imports', 'search', 'users']));
    // Name order, except that a module comes after the modules its migrations require.
    for (const [i, d] of dirs.entries()) for (const r of moduleRequires(d)) expect(dirs.findIndex((x) => path.basename(x) === r)).toBeLessThan(i);
    expect(dirs.filter((d) => !moduleRequires(d).length && !dirs.some((o) => moduleRequires(o).includes(path.basename(d)))))
      .toEqual(dirs.filter((d) => !moduleRequires(d).length && !dirs.some((o) => moduleRequires(o).includes(path.basename(d)))).sort());
    for (const dir of fs.readdirSync(BUILTIN_MODULES_DIR)) expect(fs.existsSync(path.join(BUILTIN_MODULES_DIR, dir, 'module.ts'))).toBe(true);
    expect(fs.readFileSync(path.join(import.meta.dirname, '..', 'app.ts'), 'utf8')).not.toMatch(/modules\//);
  });

  it('registers the objects of the manifests', async () => {
    await loadModules();
    expect(objectNames().sort()).toEqual(expect.arrayContaining(['accounts', 'activities', 'contacts', 'tasks']));
  });

  it('refuses a relative folder, a folder without module.ts and a second module of one name', () => {
    expect(() => moduleDirs(['relative/mod'])).toThrow(/absolute/);
    expect(() => moduleDirs([root])).toThrow(/no module\.ts/);
    const twin = path.join(root, 'twin', 'contacts');
    fs.mkdirSync(twin, { recursive: true });
    fs.writeFileSync(path.join(twin, 'module.ts'), "export default { name: 'contacts', dir: import.meta.dirname };\n");
    expect(() => moduleDirs([twin])).toThrow(/two modules are named contacts/);
  });

  it('orders a module after the modules its migrations require; refuses a missing one and a cycle', () => {
    const mk = (name: string, sql = '') => {
      const d = path.join(root, 'req', name);
      fs.mkdirSync(path.join(d, 'migrations'), { recursive: true });
      fs.writeFileSync(path.join(d, 'migrations', '001_x.sql'), sql);
      return d;
    };
    const a = mk('a_invoices', '-- requires: c_orders, b_contracts\nSELECT 1;\n');
    const b = mk('b_contracts', '-- requires: c_orders\n');
    const c = mk('c_orders');
    const d = mk('d_other');
    expect(orderByRequires([a, b, c, d]).map((x) => path.basename(x))).toEqual(['c_orders', 'b_contracts', 'a_invoices', 'd_other']);
    expect(() => orderByRequires([a, c, d])).toThrow(/a_invoices requires b_contracts, which is not loaded/);
    const e = mk('e_loop', '-- requires: f_loop\n');
    const f = mk('f_loop', '-- requires: e_loop\n');
    expect(() => orderByRequires([e, f])).toThrow(/cycle/);
  });

  it('GUANXI_MODULES: absolute folders, comma-separated; a relative one stops the start', () => {
    expect(loadConfig({}).modules).toEqual([]);
    expect(loadConfig({ GUANXI_MODULES: ` ${extra} , /opt/gx/crm_x ,` }).modules).toEqual([extra, '/opt/gx/crm_x']);
    expect(() => loadConfig({ GUANXI_MODULES: 'mods/x' })).toThrow(ConfigError);
  });

  it('refuses a manifest whose name is not its folder name', async () => {
    const odd = path.join(root, 'odd');
    fs.mkdirSync(odd);
    fs.writeFileSync(path.join(odd, 'module.ts'), "export default { name: 'other', dir: import.meta.dirname };\n");
    await expect(loadModules([odd])).rejects.toThrow(/folder named other/);
  });
});

describe('an extra module folder', () => {
  it('gets its migrations on its first start, recorded as <module>/<file>, once', async () => {
    const { rows } = await sql<{ name: string }>`SELECT name FROM schema_migrations WHERE name LIKE 'gx_extra/%' ORDER BY name`.execute(t.database.db);
    expect(rows.map((r) => r.name)).toEqual(['gx_extra/001_notes.sql', 'gx_extra/002_more.sql', 'gx_extra/003_account_score.sql']);
    expect(await migrate(t.database, { modules: [extra] })).toEqual([]);
    // Core migrations keep their bare names, before the modules'.
    const core = await sql<{ name: string }>`SELECT name FROM schema_migrations WHERE name = '001_core.sql'`.execute(t.database.db);
    expect(core.rows).toHaveLength(1);
  });

  it('runs its bootstrap step and serves its routes under /api/v1', async () => {
    const r = await t.api(t.adminToken, 'GET', '/gx-extra/notes');
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual([{ id: 1, body: 'seeded', tag: 'x' }]);
    expect((await t.api('', 'GET', '/gx-extra/notes')).status).toBe(401);
  });

  it('a failing module migration is rolled back and names the module file', async () => {
    const bad = path.join(root, 'gx_bad');
    fs.mkdirSync(path.join(bad, 'migrations'), { recursive: true });
    fs.writeFileSync(path.join(bad, 'module.ts'), "export default { name: 'gx_bad', dir: import.meta.dirname };\n");
    fs.writeFileSync(path.join(bad, 'migrations', '001_half.sql'), 'CREATE TABLE gx_bad_half (id int);\nSELECT no_such_function();\n');
    await expect(migrate(t.database, { modules: [extra, bad] })).rejects.toThrow(/migration gx_bad\/001_half\.sql failed/);
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'gx_bad_half'`.execute(t.database.db);
    expect(rows[0]!.n).toBe(0);
  });
});

describe('a module extending another module\'s object (extends)', () => {
  it('adds the field to the object: descriptor, labels, section, list column, writes, filters, export', async () => {
    const meta = (await t.api(t.adminToken, 'GET', '/meta/objects/accounts')).body.data;
    expect(meta.fields.find((f: any) => f.key === 'gx_score')).toMatchObject({ type: 'number' });
    expect(meta.list_columns).toContain('gx_score');
    expect(meta.sections.find((s: any) => s.key === 'gx_rating').fields).toEqual(['gx_score']);
    // A new section goes before the system one.
    expect(meta.sections.findIndex((s: any) => s.key === 'gx_rating')).toBeLessThan(meta.sections.findIndex((s: any) => s.key === 'system'));
    expect(meta.labels['zh-CN'].fields.gx_score).toBe('评分');
    expect(meta.labels.en.sections.gx_rating).toBe('Rating');
    const made = await t.api(t.adminToken, 'POST', '/accounts', { name: 'Scored', gx_score: 7 });
    expect(made.status).toBe(201);
    expect(made.body.data.gx_score).toBe(7);
    const found = await t.api(t.adminToken, 'GET', '/accounts?filter[gx_score][gte]=7');
    expect(found.body.data.map((r: any) => r.name)).toEqual(['Scored']);
    // The accounts module never names the field.
    for (const file of fs.readdirSync(path.join(BUILTIN_MODULES_DIR, 'accounts'))) {
      expect(fs.readFileSync(path.join(BUILTIN_MODULES_DIR, 'accounts', file), 'utf8')).not.toContain('gx_score');
    }
  });

  it('is idempotent per module, and refuses an unknown object or a field the object has', async () => {
    const def = getObject('accounts');
    const before = def.fields.length;
    await loadModules([extra]);
    applyExtension('gx_extra', { object: 'accounts', fields: [{ key: 'gx_score', type: 'number' }], section: 'gx_rating', listColumns: ['gx_score'] });
    expect(def.fields.length).toBe(before);
    expect(def.ui!.listColumns!.filter((k) => k === 'gx_score')).toHaveLength(1);
    expect(def.ui!.sections!.filter((s) => s.key === 'gx_rating')).toHaveLength(1);
    expect(() => applyExtension('gx_other', { object: 'accounts', fields: [{ key: 'gx_score', type: 'number' }] })).toThrow(/already exists/);
    expect(() => applyExtension('gx_other', { object: 'accounts', fields: [{ key: 'name', type: 'text' }] })).toThrow(/already exists/);
    expect(() => applyExtension('gx_other', { object: 'no_such_object', fields: [] })).toThrow(/no loaded module registers/);
  });
});
