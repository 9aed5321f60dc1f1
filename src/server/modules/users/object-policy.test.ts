import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';
import { postUpload } from '../imports/import-test-helpers.ts';

// Roles × objects × actions (core/access.ts canDo): an administrator's per-object setting
// for a role wins over the object's default and the role's coarse capabilities, everywhere
// records are touched. A forbidden action answers 403 `forbidden` and changes nothing.
const t = useTestApp();
const f = factories(t);

const setRole = (key: string, objects: Record<string, Record<string, boolean | null>>) =>
  t.api(t.adminToken, 'PATCH', `/roles/${key}`, { objects });

async function roleOf(key: string) {
  return (await t.api(t.adminToken, 'GET', '/roles')).body.data.find((r: any) => r.key === key);
}

function expectForbidden(r: { status: number; body: any }) {
  expect(r.status).toBe(403);
  expect(r.body.error.code).toBe('forbidden');
}

describe('PATCH /roles/:key objects', () => {
  it('refuses an unknown object or action with 400 and changes nothing', async () => {
    const before = await roleOf('marketing');
    const unknownObject = await setRole('marketing', { gizmos: { list: false } });
    expect(unknownObject.status).toBe(400);
    expect(unknownObject.body.error.code).toBe('validation_failed');
    expect(unknownObject.body.error.details.map((d: any) => d.field)).toEqual(['objects.gizmos']);
    const unknownAction = await setRole('marketing', { contacts: { fly: true } });
    expect(unknownAction.status).toBe(400);
    expect(unknownAction.body.error.details[0].field).toMatch(/^objects\.contacts/);
    const notBoolean = await setRole('marketing', { contacts: { list: 'yes' } as any });
    expect(notBoolean.status).toBe(400);
    expect(await roleOf('marketing')).toEqual(before);
  });

  it('merges settings, null removes one, and the change is audited; non-admins get 403', async () => {
    const sales = await t.userToken('sales');
    expectForbidden(await t.api(sales.token, 'PATCH', '/roles/marketing', { objects: { tasks: { list: true } } }));
    expect((await setRole('marketing', { tasks: { export: false, import: false } })).status).toBe(200);
    const r = await setRole('marketing', { tasks: { import: null } });
    expect(r.body.data.objects.tasks).toEqual({ export: false });
    expect((await roleOf('marketing')).objects.tasks).toEqual({ export: false });
    const audit = (await t.api(t.adminToken, 'GET', '/audit-log?filter[object]=roles')).body.data;
    expect(audit[0].changes.after.objects.tasks).toEqual({ export: false });
    expect((await setRole('marketing', { tasks: { export: null } })).body.data.objects).toEqual({});
  });
});

describe('enforcement', () => {
  it('list, count, read, export and search of an object the role may not list or read: 403 / left out', async () => {
    const c = await f.contact({ name: '政策测试联系人' });
    const activity = await f.activity({ contact_id: c.id });
    const reader = await t.userToken('readonly');
    expect((await t.api(reader.token, 'GET', `/contacts/${c.id}`)).status).toBe(200);
    expect((await t.api(reader.token, 'GET', `/activities/${activity.id}`)).body.data.refs.contact_id).toEqual({ id: c.id, title: '政策测试联系人' });
    expect((await setRole('readonly', { contacts: { list: false, read: false } })).status).toBe(200);
    expectForbidden(await t.api(reader.token, 'GET', '/contacts'));
    expectForbidden(await t.api(reader.token, 'GET', '/contacts/count'));
    expectForbidden(await t.api(reader.token, 'GET', `/contacts/${c.id}`));
    expectForbidden(await t.api(reader.token, 'GET', '/contacts/export'));
    const hits = (await t.api(reader.token, 'GET', `/search?q=${encodeURIComponent('政策测试联系人')}`)).body.data;
    expect(hits.filter((h: any) => h.type === 'contact' || h.object === 'contacts')).toEqual([]);
    // A linked contact's title is not shown on records the role may still read.
    const act = (await t.api(reader.token, 'GET', `/activities/${activity.id}`)).body;
    expect(act.data.refs.contact_id).toBeUndefined();
    expect(JSON.stringify(act)).not.toContain('政策测试联系人');
    // Nor may it link a record to one: the contact answers as missing.
    const link = await t.api(reader.token, 'PATCH', `/activities/${activity.id}`, { contact_id: c.id + 100000 });
    expect(link.status).toBe(403); // read-only may not update at all
    await setRole('readonly', { activities: { update: true } });
    const other = await f.contact({ name: 'Other contact' });
    const linked = await t.api(reader.token, 'PATCH', `/activities/${activity.id}`, { contact_id: other.id });
    expect(linked.status).toBe(400);
    expect(linked.body.error.details).toEqual([{ field: 'contact_id', code: 'invalid_link', message: 'No such record' }]);
    await setRole('readonly', { activities: { update: null } });
    await setRole('readonly', { contacts: { list: null, read: null } });
    expect((await t.api(reader.token, 'GET', '/contacts')).status).toBe(200);
  });

  it('timelines, duplicates and related lists follow read and list too', async () => {
    const acc = await f.account({ name: '时间线政策公司' });
    const c = await f.contact({ name: '时间线政策人', account_id: acc.id });
    await f.task({ title: '保密任务', contact_id: c.id });
    const reader = await t.userToken('readonly');
    const titles = async () => (await t.api(reader.token, 'GET', `/contacts/${c.id}/timeline`)).body.data.map((e: any) => e.title);
    expect(await titles()).toContain('保密任务');
    await setRole('readonly', { tasks: { read: false } });
    expect(await titles()).not.toContain('保密任务');
    await setRole('readonly', { tasks: { read: null }, contacts: { read: false, list: false } });
    expectForbidden(await t.api(reader.token, 'GET', `/contacts/${c.id}/timeline`));
    expectForbidden(await t.api(reader.token, 'GET', `/contacts/${c.id}/duplicates`));
    expectForbidden(await t.api(reader.token, 'POST', '/contacts/duplicates/check', { name: '时间线政策人' }));
    // The account's contacts list is a list of contacts.
    expectForbidden(await t.api(reader.token, 'GET', `/accounts/${acc.id}/contacts`));
    await setRole('readonly', { contacts: { read: null, list: null } });
    expect((await t.api(reader.token, 'GET', `/accounts/${acc.id}/contacts`)).status).toBe(200);
  });

  it('create, update, delete and bulk refused per object change nothing', async () => {
    const sales = await t.userToken('sales');
    const mine = await f.as(sales.token).task({ title: 'Mine' });
    expect((await setRole('sales', { tasks: { create: false, update: false, delete: false } })).status).toBe(200);
    const count = async () => (await t.api(t.adminToken, 'GET', '/tasks/count')).body.data.count;
    const before = await count();
    expectForbidden(await t.api(sales.token, 'POST', '/tasks', { title: 'Nope' }));
    expectForbidden(await t.api(sales.token, 'PATCH', `/tasks/${mine.id}`, { title: 'Changed' }));
    expectForbidden(await t.api(sales.token, 'DELETE', `/tasks/${mine.id}`));
    expectForbidden(await t.api(sales.token, 'POST', '/tasks/bulk', { ids: [mine.id], action: 'update', values: { title: 'Bulk' } }));
    expectForbidden(await t.api(sales.token, 'POST', '/tasks/bulk', { ids: [mine.id], action: 'delete' }));
    expect(await count()).toBe(before);
    expect((await t.api(t.adminToken, 'GET', `/tasks/${mine.id}`)).body.data.title).toBe('Mine');
    // Other objects keep the role's defaults.
    expect((await t.api(sales.token, 'POST', '/contacts', { name: 'Still allowed' })).status).toBe(201);
    await setRole('sales', { tasks: { create: null, update: null, delete: null } });
  });

  it('a setting can also grant: read-only may create accounts, and no more', async () => {
    const reader = await t.userToken('readonly');
    expectForbidden(await t.api(reader.token, 'POST', '/accounts', { name: 'Before grant' }));
    await setRole('readonly', { accounts: { create: true } });
    const r = await t.api(reader.token, 'POST', '/accounts', { name: 'Granted 有限公司' });
    expect(r.status).toBe(201);
    expectForbidden(await t.api(reader.token, 'PATCH', `/accounts/${r.body.data.id}`, { name: 'Changed' }));
    expectForbidden(await t.api(reader.token, 'POST', '/contacts', { name: 'Not granted' }));
    await setRole('readonly', { accounts: { create: null } });
  });

  it('merge needs update and delete on the object', async () => {
    const manager = await t.userToken('manager');
    const a = await f.as(manager.token).contact({ name: 'Merge A' });
    const b = await f.as(manager.token).contact({ name: 'Merge B' });
    await setRole('manager', { contacts: { delete: false } });
    expectForbidden(await t.api(manager.token, 'POST', '/contacts/merge', { primary_id: a.id, duplicate_ids: [b.id] }));
    expect((await t.api(t.adminToken, 'GET', `/contacts/${b.id}`)).status).toBe(200);
    expectForbidden(await t.api(manager.token, 'DELETE', `/contacts/${b.id}`));
    await setRole('manager', { contacts: { delete: null } });
    expect((await t.api(manager.token, 'POST', '/contacts/merge', { primary_id: a.id, duplicate_ids: [b.id] })).status).toBe(200);
  });

  it('import is per object: refused before the file is stored', async () => {
    const manager = await t.userToken('manager');
    await setRole('manager', { accounts: { import: false } });
    const files = async () => (await t.api(manager.token, 'GET', '/imports')).body.data.length;
    const before = await files();
    expectForbidden(await postUpload(t, manager.token, 'a.csv', 'name\nAcme\n', { object: 'accounts' }));
    expect(await files()).toBe(before);
    expect((await postUpload(t, manager.token, 'c.csv', 'name\n王伟\n', { object: 'contacts' })).status).toBe(201);
    // A role without the import capability may import where an administrator allows it.
    const sales = await t.userToken('sales');
    expectForbidden(await postUpload(t, sales.token, 'c.csv', 'name\n李娜\n', { object: 'contacts' }));
    await setRole('sales', { contacts: { import: true } });
    expect((await postUpload(t, sales.token, 'c.csv', 'name\n李娜\n', { object: 'contacts' })).status).toBe(201);
    expectForbidden(await postUpload(t, sales.token, 'a.csv', 'name\nAcme\n', { object: 'accounts' }));
    await setRole('sales', { contacts: { import: null } });
    await setRole('manager', { accounts: { import: null } });
  });
});
