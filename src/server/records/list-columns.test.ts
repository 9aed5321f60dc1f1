import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../db/test-helpers.ts';

const t = useTestApp();
let accountId: number;

beforeAll(async () => {
  accountId = (await t.api(t.adminToken, 'POST', '/accounts', { name: '杭州西湖茶业' })).body.data.id;
  await t.api(t.adminToken, 'POST', '/contacts', { name: '周杰', email: 'zhou@example.cn', mobile: '13800000001', account_id: accountId, credit_limit: 1000 });
});

describe('list columns', () => {
  it('answers with only the asked fields (id always), refs of asked links included', async () => {
    const r = await t.api(t.adminToken, 'GET', '/contacts?columns=name,account_id');
    expect(r.status).toBe(200);
    const row = r.body.data[0];
    expect(Object.keys(row).filter((k) => k !== 'refs').sort()).toEqual(['account_id', 'id', 'name']);
    expect(row).toMatchObject({ name: '周杰', account_id: accountId });
    expect(JSON.stringify(row.refs)).toContain('杭州西湖茶业');
    // Without columns: every visible field.
    const all = (await t.api(t.adminToken, 'GET', '/contacts')).body.data[0];
    expect(all).toMatchObject({ email: 'zhou@example.cn', mobile: '13800000001', credit_limit: '1000.00' });
  });

  it('refuses an unknown field, and a field the role may not see, like an unknown one', async () => {
    const bad = await t.api(t.adminToken, 'GET', '/contacts?columns=name,nope');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0]).toMatchObject({ field: 'columns', code: 'unknown_field' });
    await t.api(t.adminToken, 'PATCH', '/roles/readonly', { field_rules: { contacts: { credit_limit: 'hidden' } } });
    const ro = await t.userToken('readonly');
    expect((await t.api(ro.token, 'GET', '/contacts?columns=name,credit_limit')).status).toBe(400);
    const ok = await t.api(ro.token, 'GET', '/contacts?columns=name');
    expect(ok.body.data[0]).not.toHaveProperty('credit_limit');
  });

  it("brings a money column's currency along, unless the role may not read it", async () => {
    await t.api(t.adminToken, 'PUT', '/settings/exchange-rates', { rates: [{ from_currency: 'TWD', valid_from: '2020-01-01', rate: '0.22' }] });
    expect((await t.api(t.adminToken, 'POST', '/opportunities', { name: '台北專案', amount: '12345', currency: 'TWD' })).status).toBe(201);
    const r = await t.api(t.adminToken, 'GET', '/opportunities?columns=name,amount');
    expect(r.body.data[0]).toMatchObject({ name: '台北專案', amount: '12345.00', currency: 'TWD' });
    // No money column: nothing added.
    expect((await t.api(t.adminToken, 'GET', '/opportunities?columns=name')).body.data[0]).not.toHaveProperty('currency');
    await t.api(t.adminToken, 'PATCH', '/roles/readonly', { field_rules: { opportunities: { currency: 'hidden' } } });
    const ro = await t.userToken('readonly');
    const hidden = await t.api(ro.token, 'GET', '/opportunities?columns=name,amount');
    expect(hidden.status).toBe(200);
    expect(hidden.body.data[0]).toMatchObject({ name: '台北專案', amount: '12345.00' });
    expect(hidden.body.data[0]).not.toHaveProperty('currency');
  });
});
