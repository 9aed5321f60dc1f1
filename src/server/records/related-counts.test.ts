import { describe, expect, it } from 'vitest';
import { useTestApp } from '../db/test-helpers.ts';

// The counts on a record page's related tabs (issue 14): what each tab lists, under the viewer's
// visibility, and nothing about a record the viewer may not see.
const t = useTestApp();

describe('GET /{object}/{id}/related-counts', () => {
  it('counts each related list as its tab lists it, secondary contact links included, under visibility', async () => {
    const rep = await t.userToken('sales', { email: 'rc-rep@example.com' });
    const other = await t.userToken('sales', { email: 'rc-other@example.com' });
    const acc = (await t.api(t.adminToken, 'POST', '/accounts', { name: '计数测试公司', owner_id: rep.id })).body.data;
    const elsewhere = (await t.api(t.adminToken, 'POST', '/accounts', { name: 'Elsewhere Ltd', owner_id: rep.id })).body.data;
    // Two contacts whose primary account is this one, one linked as a secondary account, one the rep may not see.
    for (const name of ['王一', '李二']) expect((await t.api(t.adminToken, 'POST', '/contacts', { name, account_id: acc.id, owner_id: rep.id })).status).toBe(201);
    const secondary = await t.api(t.adminToken, 'POST', '/contacts', { name: 'Sam Second', account_id: elsewhere.id, owner_id: rep.id, accounts: [{ account_id: elsewhere.id, is_primary: true }, { account_id: acc.id, role: 'advisor' }] });
    expect(secondary.status, JSON.stringify(secondary.body)).toBe(201);
    expect((await t.api(t.adminToken, 'POST', '/contacts', { name: '隐藏的人', account_id: acc.id, owner_id: other.id })).status).toBe(201);
    for (const title of ['回访', '报价']) expect((await t.api(t.adminToken, 'POST', '/tasks', { title, account_id: acc.id, owner_id: rep.id })).status).toBe(201);

    const count = (body: { data: { object: string; field: string; count: number }[] }, object: string, field: string) => body.data.find((x) => x.object === object && x.field === field)?.count;
    const asAdmin = await t.api(t.adminToken, 'GET', `/accounts/${acc.id}/related-counts`);
    expect(asAdmin.status).toBe(200);
    expect(count(asAdmin.body, 'contacts', 'account_id')).toBe(4);
    expect(count(asAdmin.body, 'tasks', 'account_id')).toBe(2);

    const asRep = await t.api(rep.token, 'GET', `/accounts/${acc.id}/related-counts`);
    expect(asRep.status).toBe(200);
    expect(count(asRep.body, 'contacts', 'account_id')).toBe(3);
    // The count matches what the tab itself lists for the rep.
    expect((await t.api(rep.token, 'GET', `/accounts/${acc.id}/contacts?limit=50`)).body.data).toHaveLength(3);
  });

  it('answers a record the viewer may not see exactly as a missing one', async () => {
    const owner = await t.userToken('sales', { email: 'rc-owner@example.com' });
    const stranger = await t.userToken('sales', { email: 'rc-stranger@example.com' });
    const acc = (await t.api(t.adminToken, 'POST', '/accounts', { name: 'Hidden Co', owner_id: owner.id })).body.data;
    const hidden = await t.api(stranger.token, 'GET', `/accounts/${acc.id}/related-counts`);
    const missing = await t.api(stranger.token, 'GET', '/accounts/987654321/related-counts');
    expect(hidden.status).toBe(404);
    expect(JSON.stringify(hidden.body).replaceAll(String(acc.id), 'X')).toBe(JSON.stringify(missing.body).replaceAll('987654321', 'X'));
  });
});
