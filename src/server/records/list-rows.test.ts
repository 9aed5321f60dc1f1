import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, useTestApp } from '../db/test-helpers.ts';
import { listJson, listRecords } from './list.ts';
import { getObject } from './registry.ts';
import { loadActor } from '../modules/auth/auth.service.ts';

// A list reads its rows as typed columns (objects) or as JSON the database writes (list.ts);
// a record must read the same either way, and the same as on its own page, whatever the
// types of its fields.
const t = useTestApp();
let accountId: number;
let contactId: number;
let bareId: number;

beforeAll(async () => {
  for (const f of [
    { key: 'score', label: 'Score', type: 'number' },
    { key: 'spend', label: 'Spend', type: 'money' },
    { key: 'since', label: 'Since', type: 'date' },
    { key: 'vip', label: 'VIP', type: 'boolean' },
    { key: 'level', label: 'Level', type: 'select', options: [{ value: 'gold' }, { value: 'silver' }] },
    { key: 'hobbies', label: 'Hobbies', type: 'multiselect', options: [{ value: 'tea' }, { value: 'golf' }] },
    { key: 'referrer', label: 'Referrer', type: 'link', link: 'accounts' },
    { key: 'motto', label: 'Motto', type: 'text' },
  ]) expect((await t.api(t.adminToken, 'POST', '/custom-fields', { object: 'contacts', ...f })).status).toBe(201);
  accountId = (await t.api(t.adminToken, 'POST', '/accounts', { name: '杭州西湖茶业 "Dragon" \\ Well', annual_revenue: 1234567.5 })).body.data.id;
  const c = await t.api(t.adminToken, 'POST', '/contacts', {
    name: '周杰\n"Jay"', email: 'zhou@example.cn', mobile: '13800000001', birthday: '1990-02-28', account_id: accountId,
    credit_limit: 1000, tags: ['VIP', '老客户'], notes: 'tab\there, emoji 🍵, control \u0001',
    cf_score: 2.5, cf_spend: 99.9, cf_since: '2020-01-01', cf_vip: true, cf_level: 'gold', cf_hobbies: ['tea', 'golf'],
    cf_referrer: accountId, cf_motto: '和为贵',
  });
  expect(c.status).toBe(201);
  contactId = c.body.data.id;
  bareId = (await t.api(t.adminToken, 'POST', '/contacts', { name: 'Bare' })).body.data.id;
});

async function listRow(id: number, query = '') {
  const r = await t.api(t.adminToken, 'GET', `/contacts?filter[id]=${id}${query}`);
  expect(r.status).toBe(200);
  expect(r.headers['content-type']).toMatch(/^application\/json/);
  expect(r.body.data).toHaveLength(1);
  return r.body.data[0];
}

describe('list rows', () => {
  it('show a record as its own page does: every type, custom fields, refs', async () => {
    for (const id of [contactId, bareId]) {
      const row = await listRow(id);
      const own = (await t.api(t.adminToken, 'GET', `/contacts/${id}`)).body.data;
      // The record's page adds what its object expands (a contact's accounts) and the version its
      // edit form sends back (If-Match); nothing else differs.
      const { accounts: _accounts, version: _version, ...rest } = own;
      expect(row).toEqual(rest);
    }
    const row = await listRow(contactId);
    expect(row).toMatchObject({
      name: '周杰\n"Jay"', credit_limit: '1000.00', tags: ['VIP', '老客户'], birthday: '1990-02-28',
      cf_score: 2.5, cf_spend: '99.90', cf_vip: true, cf_hobbies: ['tea', 'golf'], cf_referrer: accountId, cf_motto: '和为贵',
    });
    expect(row.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(row.refs).toEqual({
      account_id: { id: accountId, title: '杭州西湖茶业 "Dragon" \\ Well' },
      cf_referrer: { id: accountId, title: '杭州西湖茶业 "Dragon" \\ Well' },
      owner_id: { id: expect.any(Number), title: expect.any(String) },
      created_by: { id: expect.any(Number), title: expect.any(String) },
    });
    const bare = await listRow(bareId);
    expect(bare).toMatchObject({ email: null, tags: [], cf_score: null, cf_referrer: null, credit_limit: null });
    expect(Object.keys(bare.refs).sort()).toEqual(['created_by', 'owner_id']);
  });

  it('are the same whichever form the database sends them in', async () => {
    const def = getObject('contacts');
    const admin = await t.database.db.selectFrom('users').select('id').where('email', '=', ADMIN.email).executeTakeFirstOrThrow();
    const actor = (await loadActor(t.database.db, admin.id))!;
    for (const p of [{}, { columns: 'name,cf_referrer,owner_id' }, { sort: 'cf_score', limit: 1 }]) {
      const objects = await listRecords(t.database.db, def, actor, p);
      expect(objects.data.length).toBeGreaterThan(0);
      expect(JSON.parse(await listJson(t.database.db, def, actor, p, true))).toEqual(objects);
      expect(JSON.parse(await listJson(t.database.db, def, actor, p, false))).toEqual(objects);
    }
  });

  it('keep the field order, and leave out the refs of links not asked for', async () => {
    const meta = (await t.api(t.adminToken, 'GET', '/meta/objects/contacts')).body.data.fields.map((f: any) => f.key);
    expect(Object.keys(await listRow(contactId))).toEqual(['id', ...meta, 'refs']);
    const some = await listRow(contactId, '&columns=cf_motto,name,cf_referrer');
    const asked = ['cf_motto', 'name', 'cf_referrer'];
    expect(Object.keys(some)).toEqual(['id', ...meta.filter((k: string) => asked.includes(k)), 'refs']);
    expect(Object.keys(some.refs)).toEqual(['cf_referrer']);
  });

  it('show a link to a record that is gone as its id with no ref', async () => {
    // A custom link is a value in the custom jsonb: deleting the account leaves it behind.
    const other = (await t.api(t.adminToken, 'POST', '/accounts', { name: 'Gone Ltd' })).body.data.id;
    expect((await t.api(t.adminToken, 'PATCH', `/contacts/${bareId}`, { cf_referrer: other })).status).toBe(200);
    expect((await listRow(bareId)).refs.cf_referrer).toEqual({ id: other, title: 'Gone Ltd' });
    expect((await t.api(t.adminToken, 'DELETE', `/accounts/${other}`)).status).toBe(204);
    const row = await listRow(bareId);
    expect(row.cf_referrer).toBe(other);
    expect(row.refs).not.toHaveProperty('cf_referrer');
  });
});
