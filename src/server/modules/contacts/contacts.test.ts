import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';

const t = useTestApp();

describe('contacts API', () => {
  it('creates, reads, updates and deletes a contact with a Chinese name kept whole', async () => {
    const acc = await t.api(t.adminToken, 'POST', '/accounts', { name: '北京烤鸭有限公司' });
    expect(acc.status).toBe(201);
    const c = await t.api(t.adminToken, 'POST', '/contacts', { name: '张三', email: 'zhangsan@example.cn', phone: '+86 138-0013-8000', account_id: acc.body.data.id, tags: ['VIP'] });
    expect(c.status).toBe(201);
    expect(c.body.data).toMatchObject({ name: '张三', email: 'zhangsan@example.cn', account_id: acc.body.data.id, tags: ['VIP'] });
    expect(c.body.data.refs.account_id.title).toBe('北京烤鸭有限公司');
    expect(c.body.data).toMatchObject({ family_name: '张', given_name: '三' });
    expect(c.body.data.accounts).toEqual([expect.objectContaining({ account_id: acc.body.data.id, is_primary: true })]);
    expect(c.body.data).not.toHaveProperty('search_tokens');

    const id = c.body.data.id;
    const u = await t.api(t.adminToken, 'PATCH', `/contacts/${id}`, { title: '采购经理', tier: 'gold' });
    expect(u.status).toBe(200);
    expect(u.body.data).toMatchObject({ title: '采购经理', tier: 'gold', name: '张三' });
    const audit = await t.api(t.adminToken, 'GET', `/audit-log?filter[object]=contacts&filter[record_id]=${id}`);
    expect(audit.body.data[0]).toMatchObject({ action: 'update', changes: { title: [null, '采购经理'], tier: [null, 'gold'] } });
    expect(audit.body.data.at(-1).action).toBe('create');

    expect((await t.api(t.adminToken, 'DELETE', `/contacts/${id}`)).status).toBe(204);
    expect((await t.api(t.adminToken, 'GET', `/contacts/${id}`)).status).toBe(404);
  });

  it('rejects bad input field by field and writes nothing', async () => {
    const before = await t.api(t.adminToken, 'GET', '/contacts/count');
    const r = await t.api(t.adminToken, 'POST', '/contacts', { email: 'not-an-email', tier: 'diamond', birthday: '2023-02-30', bogus: 1 });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('validation_failed');
    const fields = r.body.error.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(['birthday', 'bogus', 'email', 'name', 'tier']);
    const codes = Object.fromEntries(r.body.error.details.map((d: { field: string; code: string }) => [d.field, d.code]));
    expect(codes).toEqual({ birthday: 'invalid_date', bogus: 'unknown_field', email: 'invalid_email', name: 'required', tier: 'not_an_option' });
    const bad = await t.api(t.adminToken, 'POST', '/contacts', { name: 'X', account_id: 999999 });
    expect(bad.status).toBe(400);
    const after = await t.api(t.adminToken, 'GET', '/contacts/count');
    expect(after.body.data.count).toBe(before.body.data.count);
  });

  it('requires authentication', async () => {
    const r = await t.api('', 'GET', '/contacts');
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('unauthenticated');
    expect((await t.api('nonsense', 'GET', '/contacts')).status).toBe(401);
  });

  it('paginates with cursors, filters and sorts', async () => {
    const acc = await t.api(t.adminToken, 'POST', '/accounts', { name: 'Paging Co' });
    for (let i = 0; i < 25; i++) {
      const r = await t.api(t.adminToken, 'POST', '/contacts', { name: `Pager ${String(i).padStart(2, '0')}`, account_id: acc.body.data.id, tier: i % 2 ? 'gold' : 'silver', credit_limit: i * 100 });
      expect(r.status).toBe(201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const r: any = await t.api(t.adminToken, 'GET', `/contacts?limit=7&sort=name&filter[account_id]=${acc.body.data.id}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(r.status).toBe(200);
      seen.push(...r.body.data.map((c: { name: string }) => c.name));
      cursor = r.body.next_cursor;
    } while (cursor);
    expect(seen).toHaveLength(25);
    expect(seen).toEqual([...seen].sort());
    const gold = await t.api(t.adminToken, 'GET', `/contacts?filter[tier]=gold&filter[credit_limit][gte]=1000&filter[account_id]=${acc.body.data.id}&sort=-credit_limit`);
    expect(gold.body.data.map((c: any) => c.credit_limit)).toEqual(['2300.00', '2100.00', '1900.00', '1700.00', '1500.00', '1300.00', '1100.00']);
    const bad = await t.api(t.adminToken, 'GET', '/contacts?sort=nope');
    expect(bad.status).toBe(400);
  });

  it('keeps a person at several accounts with a role', async () => {
    const a = await t.api(t.adminToken, 'POST', '/accounts', { name: 'Alpha Ltd' });
    const b = await t.api(t.adminToken, 'POST', '/accounts', { name: 'Beta GmbH' });
    const c = await t.api(t.adminToken, 'POST', '/contacts', {
      name: 'Li Na', account_id: a.body.data.id, accounts: [{ account_id: a.body.data.id, role: 'CEO' }, { account_id: b.body.data.id, role: 'Board member' }],
    });
    expect(c.status).toBe(201);
    expect(c.body.data.accounts).toHaveLength(2);
    const people = await t.api(t.adminToken, 'GET', `/accounts/${b.body.data.id}/contacts`);
    expect(people.body.data).toEqual([expect.objectContaining({ name: 'Li Na', account_role: 'Board member', is_primary: false })]);
  });

  it('changes or deletes many records at once, reporting the ones it could not touch', async () => {
    const rep = await t.userToken('sales');
    const ids: number[] = [];
    for (const name of ['Bulk A', 'Bulk B', 'Bulk C']) ids.push((await t.api(t.adminToken, 'POST', '/contacts', { name })).body.data.id);
    const assign = await t.api(t.adminToken, 'POST', '/contacts/bulk', { ids: [...ids, 999999], action: 'update', values: { owner_id: rep.id, tier: 'gold' } });
    expect(assign.status).toBe(200);
    expect(assign.body.data.done).toBe(3);
    expect(assign.body.data.errors).toEqual([expect.objectContaining({ id: 999999, code: 'not_found' })]);
    const mine = await t.api(rep.token, 'GET', '/contacts?filter[name][starts]=Bulk');
    expect(mine.body.data.map((c: any) => [c.name, c.tier]).sort()).toEqual([['Bulk A', 'gold'], ['Bulk B', 'gold'], ['Bulk C', 'gold']]);
    const invalid = await t.api(t.adminToken, 'POST', '/contacts/bulk', { ids, action: 'update', values: { tier: 'diamond' } });
    expect(invalid.body.data.done).toBe(0);
    expect(invalid.body.data.errors[0].code).toBe('validation_failed');
    const del = await t.api(t.adminToken, 'POST', '/contacts/bulk', { ids: ids.slice(0, 2), action: 'delete' });
    expect(del.body.data).toEqual({ done: 2, failed: 0, errors: [] });
    expect((await t.api(t.adminToken, 'GET', '/contacts?filter[name][starts]=Bulk')).body.data.map((c: any) => c.name)).toEqual(['Bulk C']);
  });

  it('replays an idempotent create instead of writing twice', async () => {
    const headers = { 'idempotency-key': 'create-once-123' };
    const a = await t.api(t.adminToken, 'POST', '/contacts', { name: 'Once Only' }, headers);
    const b = await t.api(t.adminToken, 'POST', '/contacts', { name: 'Once Only' }, headers);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.data.id).toBe(a.body.data.id);
    const list = await t.api(t.adminToken, 'GET', '/contacts?filter[name]=Once Only');
    expect(list.body.data).toHaveLength(1);
  });
});
