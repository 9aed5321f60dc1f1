import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';
import { importAs, report } from '../../modules/imports/import-test-helpers.ts';

// The platform's acceptance test (issue 11): this folder is a whole module — a table in its own
// migration, one object definition, labels in three languages — and nothing outside it names
// it. Loaded the way GUANXI_MODULES loads a module, it gets CRUD, lists, search, import,
// export, timeline, merge, custom fields, permissions, audit and a menu entry.
const t = useTestApp({ modules: [import.meta.dirname] });
const f = factories(t);
let account: { id: number; name: string };

const device = async (values: Record<string, unknown>, token = t.adminToken) => {
  const r = await t.api(token, 'POST', '/devices', values);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.data as { id: number; version: number; [k: string]: any };
};

beforeAll(async () => {
  account = (await f.account({ name: '星辰医疗器械有限公司' })) as { id: number; name: string };
});

describe('a module in one folder', () => {
  it('has its migrations applied and recorded under its name', async () => {
    const { rows } = await sql<{ name: string }>`SELECT name FROM schema_migrations WHERE name LIKE 'devices/%'`.execute(t.database.db);
    expect(rows.map((r) => r.name)).toEqual(['devices/001_devices.sql']);
  });

  it('gets a menu entry, labels in three languages and a related list on accounts from its descriptor', async () => {
    const all = (await t.api(t.adminToken, 'GET', '/meta/objects')).body.data as any[];
    const d = all.find((o) => o.name === 'devices');
    expect(d.menu).toEqual({ group: 'service', icon: 'ToolOutlined', order: 10 });
    expect([d.labels.en.other, d.labels['zh-CN'].other, d.labels['zh-TW'].other]).toEqual(['Devices', '设备', '設備']);
    expect(d.labels['zh-TW'].options.status.repair).toBe('維修中');
    expect(d.features).toMatchObject({ search: true, import: true, timeline: false, merge: true });
    const accounts = (await t.api(t.adminToken, 'GET', '/meta/objects/accounts')).body.data;
    expect(accounts.related).toContainEqual({ object: 'devices', field: 'account_id' });
    expect(accounts.features.timeline).toBe(true);
  });

  it('creates, reads, updates with versions and deletes, refusing bad input without writing', async () => {
    const d = await device({ name: 'X100 #1', serial: 'SN-0001', model: 'x100', price: 12999.5, account_id: account.id });
    expect(Number(d.price)).toBe(12999.5);
    expect(d).toMatchObject({ status: 'active', model: 'x100', refs: { account_id: { id: account.id, title: account.name } } });
    const bad = await t.api(t.adminToken, 'POST', '/devices', { name: 'Broken', model: 'x999' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toContainEqual(expect.objectContaining({ field: 'model', code: 'not_an_option' }));
    expect((await t.api(t.adminToken, 'GET', '/devices/count?filter[name]=Broken')).body.data.count).toBe(0);

    const upd = await t.api(t.adminToken, 'PATCH', `/devices/${d.id}`, { status: 'repair' }, { 'if-match': `"${d.version}"` });
    expect(upd.status).toBe(200);
    expect(upd.body.data.version).toBe(d.version + 1);
    const stale = await t.api(t.adminToken, 'PATCH', `/devices/${d.id}`, { status: 'retired' }, { 'if-match': `"${d.version}"` });
    expect(stale.status).toBe(409);
    expect((await t.api(t.adminToken, 'GET', `/devices/${d.id}`)).body.data.status).toBe('repair');

    const audit = (await t.api(t.adminToken, 'GET', `/audit-log?filter[object]=devices&filter[record_id]=${d.id}`)).body.data as any[];
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'update']);
    expect(audit.find((a) => a.action === 'update').changes.status).toEqual(['active', 'repair']);

    expect((await t.api(t.adminToken, 'DELETE', `/devices/${d.id}`)).status).toBe(204);
    expect((await t.api(t.adminToken, 'GET', `/devices/${d.id}`)).status).toBe(404);
  });

  it('lists with filters, sorts and cursor pages, and exports', async () => {
    for (let i = 1; i <= 5; i++) await device({ name: `P10 unit ${i}`, serial: `P-${i}`, model: 'p10', account_id: account.id });
    const first = await t.api(t.adminToken, 'GET', '/devices?filter[model]=p10&sort=name&limit=2');
    expect(first.body.data.map((d: any) => d.name)).toEqual(['P10 unit 1', 'P10 unit 2']);
    const next = await t.api(t.adminToken, 'GET', `/devices?filter[model]=p10&sort=name&limit=2&cursor=${encodeURIComponent(first.body.next_cursor)}`);
    expect(next.body.data.map((d: any) => d.name)).toEqual(['P10 unit 3', 'P10 unit 4']);
    expect((await t.api(t.adminToken, 'GET', '/devices/count?filter[model]=p10')).body.data.count).toBe(5);
    const csv = await t.app.inject({ method: 'GET', url: '/api/v1/devices/export?filter[model]=p10&sort=name', headers: { authorization: `Bearer ${t.adminToken}` } });
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines).toHaveLength(6);
    expect(lines[1]).toContain('P10 unit 1');
    expect(lines[1]).toContain(account.name);
  });

  it('is found by global search, by its serial and by its account name, and in q=', async () => {
    const d = await device({ name: '银河监护仪', serial: 'GX-7788', account_id: account.id });
    const hits = async (q: string) => ((await t.api(t.adminToken, 'GET', `/search?q=${encodeURIComponent(q)}`)).body.data as any[]).filter((h) => h.type === 'device').map((h) => h.id);
    expect(await hits('银河监护')).toContain(d.id);
    expect(await hits('GX-7788')).toEqual([d.id]);
    expect(await hits('星辰医疗')).toContain(d.id);
    expect((await t.api(t.adminToken, 'GET', `/devices?q=${encodeURIComponent('监护仪')}`)).body.data.map((x: any) => x.id)).toEqual([d.id]);
  });

  it('puts its records on the account timeline', async () => {
    const d = await device({ name: 'X200 lobby', model: 'x200', installed_on: '2026-03-01', account_id: account.id, notes: 'Installed in the lobby' });
    const tl = (await t.api(t.adminToken, 'GET', `/timeline/accounts/${account.id}`)).body.data as any[];
    expect(tl).toContainEqual(expect.objectContaining({ kind: 'device', title: 'X200 lobby', body: 'Installed in the lobby', ref_type: 'device', ref_id: d.id }));
  });

  it('takes custom fields, filtered like standard ones', async () => {
    const cf = await t.api(t.adminToken, 'POST', '/custom-fields', { object: 'devices', key: 'room', label: 'Room', type: 'text' });
    expect(cf.status, JSON.stringify(cf.body)).toBe(201);
    const d = await device({ name: 'X100 ward 3', cf_room: 'Ward 3' });
    expect(d.cf_room).toBe('Ward 3');
    expect((await t.api(t.adminToken, 'GET', '/devices?filter[cf_room]=Ward 3')).body.data.map((x: any) => x.id)).toEqual([d.id]);
  });

  it('merges duplicates, and an account merge moves its devices', async () => {
    const a = await device({ name: 'Scanner A', serial: 'DUP-1' });
    const b = await device({ name: 'Scanner A (copy)', serial: 'DUP-1', notes: 'second entry' });
    const dups = (await t.api(t.adminToken, 'GET', `/devices/${a.id}/duplicates`)).body.data as any[];
    expect(dups.map((x) => x.id)).toEqual([b.id]);
    const merged = await t.api(t.adminToken, 'POST', '/devices/merge', { primary_id: a.id, duplicate_ids: [b.id] });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    expect((await t.api(t.adminToken, 'GET', `/devices/${b.id}`)).status).toBe(404);

    const other = await f.account({ name: '星辰医疗器械' });
    const d = await device({ name: 'Moved with its account', account_id: other.id });
    expect((await t.api(t.adminToken, 'POST', '/accounts/merge', { primary_id: account.id, duplicate_ids: [other.id] })).status).toBe(200);
    expect((await t.api(t.adminToken, 'GET', `/devices/${d.id}`)).body.data.account_id).toBe(account.id);
  });

  it('imports a file by its Chinese headers, reporting bad rows and cells by line', async () => {
    const csv = '设备名称,序列号,型号,客户\nImported 1,IMP-1,x100,星辰医疗器械有限公司\nImported 2,IMP-2,x999,\n,IMP-3,p10,\nImported 1 again,IMP-1,x100,\n';
    const done = await importAs(t, t.adminToken, csv, 'skip', 'devices');
    expect({ created: done.created, skipped: done.skipped, failed: done.failed }).toEqual({ created: 2, skipped: 1, failed: 1 });
    // Line 4 has no name: rejected. Line 3's unknown model is left out and reported. Line 5 repeats a serial.
    expect((await report(t, t.adminToken, done.id, 'errors')).map((r) => r[0])).toEqual(['4']);
    expect((await report(t, t.adminToken, done.id, 'skipped')).map((r) => r[0])).toEqual(['5']);
    const warnings = (await t.api(t.adminToken, 'GET', `/imports/${done.id}/report`)).body.data.warnings as any[];
    expect(warnings).toContainEqual(expect.objectContaining({ line: 3, field: 'model' }));
    const imported = (await t.api(t.adminToken, 'GET', '/devices?filter[serial]=IMP-1')).body.data[0];
    expect(imported).toMatchObject({ name: 'Imported 1', model: 'x100', account_id: account.id });
  });

  it('follows its policy, visibility and field rules', async () => {
    const agent = await f.user('service');
    const rep = await f.user('sales');
    const mine = await device({ name: 'Agent device', owner_id: agent.id }, agent.token);
    const others = await device({ name: 'Admin device', price: 73519.27 });
    // The policy: service agents create and update devices but may not delete or import them.
    expect((await t.api(agent.token, 'DELETE', `/devices/${mine.id}`)).status).toBe(403);
    expect((await t.api(agent.token, 'GET', `/devices/${mine.id}`)).status).toBe(200);
    const meta = (await t.api(agent.token, 'GET', '/meta/objects/devices')).body.data;
    expect(meta.can).toMatchObject({ list: true, create: true, update: true, delete: false, import: false });
    // Visibility: a sales rep sees only their own devices; another's answers like a missing one.
    const hidden = await t.api(rep.token, 'GET', `/devices/${others.id}`);
    const missing = await t.api(rep.token, 'GET', '/devices/99999999');
    expect([hidden.status, hidden.body]).toEqual([missing.status, missing.body]);
    // A field rule hides the price in every answer.
    expect((await t.api(t.adminToken, 'PATCH', '/roles/marketing', { field_rules: { devices: { price: 'hidden' } } })).status).toBe(200);
    const marketer = await f.user('marketing');
    const got = (await t.api(marketer.token, 'GET', `/devices/${others.id}`)).body.data;
    expect(got.name).toBe('Admin device');
    expect(got).not.toHaveProperty('price');
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/devices/export', headers: { authorization: `Bearer ${marketer.token}` } });
    expect(list.body).toContain('Admin device');
    expect(list.body).not.toContain('73519');
  });
});
