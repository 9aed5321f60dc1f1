import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';
import { registerObject } from '../../records/registry.ts';
import { CURRENT_USER, type ObjectDescriptor } from '../../../shared/objects.ts';

// An object a module would add: it has no table, but its descriptor needs none.
registerObject({
  name: 'gadgets',
  singular: 'gadget',
  titleField: 'label',
  fields: [
    { key: 'label', type: 'text', required: true },
    { key: 'size', type: 'select', options: [{ value: 'big' }, { value: 'small' }] },
  ],
  labels: {
    en: { one: 'Gadget', other: 'Gadgets', fields: { label: 'Label', size: 'Size' }, options: { size: { big: 'Big', small: 'Small' } } },
    'zh-CN': { one: '小工具', other: '小工具', fields: { label: '名称', size: '尺寸' }, options: { size: { big: '大', small: '小' } } },
    'zh-TW': { one: '小工具', other: '小工具', fields: { label: '名稱', size: '尺寸' }, options: { size: { big: '大', small: '小' } } },
  },
  ui: { menu: { group: 'other', icon: 'AppstoreOutlined', order: 5 }, listColumns: ['label', 'size'] },
});

describe('object descriptors (GET /meta/objects)', () => {
  const t = useTestApp();
  const list = async (token: string) => {
    const r = await t.api(token, 'GET', '/meta/objects');
    expect(r.status).toBe(200);
    return new Map((r.body.data as ObjectDescriptor[]).map((d) => [d.name, d]));
  };

  it('carries the labels of objects, fields, options and sections in three languages', async () => {
    const contacts = (await list(t.adminToken)).get('contacts')!;
    expect(contacts.labels.en).toMatchObject({ one: 'Contact', other: 'Contacts' });
    expect(contacts.labels['zh-CN'].one).toBe('联系人');
    expect(contacts.labels['zh-TW'].one).toBe('聯絡人');
    expect(contacts.labels.en.fields?.wechat_id).toBe('WeChat ID');
    expect(contacts.labels['zh-CN'].options?.tier?.gold).toBeTruthy();
    expect(contacts.labels.en.options?.gender?.unknown).toBe('Not stated');
    expect(contacts.labels.en.sections?.main).toBe('Overview');
    expect(contacts).toMatchObject({ title_field: 'name', record_page: true, menu: { group: 'customers', home: true } });
    expect(contacts.list_columns[0]).toBe('name');
    expect(contacts.subtitle).toEqual(['title', 'account_id']);
    expect(contacts.related).toContainEqual({ object: 'tasks', field: 'contact_id' });
    const tasks = (await list(t.adminToken)).get('tasks')!;
    expect(tasks).toMatchObject({ record_page: false, title_field: 'title', menu: { group: 'work' } });
    expect(tasks.labels['zh-TW'].options?.status?.done).toBeTruthy();
  });

  it('gives each user what their role may do', async () => {
    const admin = (await list(t.adminToken)).get('contacts')!;
    expect(Object.values(admin.can).every(Boolean)).toBe(true);
    const ro = (await list((await t.userToken('readonly')).token)).get('contacts')!;
    expect(ro.can).toMatchObject({ list: true, read: true, create: false, update: false, delete: false });
    const rep = (await list((await t.userToken('sales')).token)).get('contacts')!;
    expect(rep.can).toMatchObject({ create: true, update: true, delete: false, export: true, import: false });
    expect(rep.visibility).toBe('own');
  });

  it('leaves out an object the role may not see, answering like an unknown one', async () => {
    const svc = await t.userToken('service');
    expect((await list(svc.token)).has('accounts')).toBe(true);
    expect((await t.api(t.adminToken, 'PATCH', '/roles/service', { visibility: { accounts: 'none' } })).status).toBe(200);
    const after = await list(svc.token);
    expect(after.has('accounts')).toBe(false);
    expect(after.has('contacts')).toBe(true);
    const hidden = await t.api(svc.token, 'GET', '/meta/objects/accounts');
    const missing = await t.api(svc.token, 'GET', '/meta/objects/nothing');
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(hidden.body.error.code).toBe(missing.body.error.code);
    expect(hidden.body.error.message.replace('accounts', 'X')).toBe(missing.body.error.message.replace('nothing', 'X'));
  });

  it('does not name a field the role may not read', async () => {
    const mk = await t.userToken('marketing');
    expect((await t.api(t.adminToken, 'PATCH', '/roles/marketing', { field_rules: { contacts: { credit_limit: 'hidden' } } })).status).toBe(200);
    const full = (await t.api(mk.token, 'GET', '/meta/objects/contacts')).body.data;
    expect(full.fields.map((f: { key: string }) => f.key)).not.toContain('credit_limit');
    expect(JSON.stringify(full)).not.toContain('credit_limit');
    expect(full.labels['zh-CN'].fields.name).toBe('姓名');
    const admin = (await t.api(t.adminToken, 'GET', '/meta/objects/contacts')).body.data;
    expect(admin.labels.en.fields.credit_limit).toBe('Credit limit');
    expect(admin.sections.find((s: { key: string }) => s.key === 'finance').fields).toContain('credit_limit');
  });

  it('serves the form defaults and record-page subtitle a definition declares, without a field the role may not read', async () => {
    const admin = await list(t.adminToken);
    expect(admin.get('tasks')!.defaults).toEqual({ status: 'open', priority: 'normal', owner_id: CURRENT_USER });
    expect(admin.get('activities')!.defaults).toEqual({ kind: 'call' });
    expect(admin.get('contacts')!.defaults).toEqual({});
    const mk = await t.userToken('marketing');
    expect((await t.api(t.adminToken, 'PATCH', '/roles/marketing', { field_rules: { tasks: { priority: 'hidden' }, contacts: { title: 'hidden' } } })).status).toBe(200);
    const seen = await list(mk.token);
    expect(seen.get('tasks')!.defaults).toEqual({ status: 'open', owner_id: CURRENT_USER });
    expect(seen.get('contacts')!.subtitle).toEqual(['account_id']);
  });

  it('serves an object a module added, with its labels and menu entry', async () => {
    const gadgets = (await list(t.adminToken)).get('gadgets')!;
    expect(gadgets.menu).toEqual({ group: 'other', icon: 'AppstoreOutlined', order: 5 });
    expect(gadgets.labels['zh-TW']).toMatchObject({ one: '小工具', fields: { size: '尺寸' }, options: { size: { big: '大' } } });
    expect(gadgets.list_columns).toEqual(['label', 'size']);
    const full = await t.api(t.adminToken, 'GET', '/meta/objects/gadgets');
    expect(full.status).toBe(200);
    expect(full.body.data).toMatchObject({ name: 'gadgets', title_field: 'label', record_page: false });
    expect(full.body.data.fields.map((f: { key: string }) => f.key)).toEqual(['label', 'size']);
  });
});
