import { describe, expect, it } from 'vitest';
import { useTestApp } from '../db/test-helpers.ts';

const t = useTestApp();

describe('bulk actions have the rights of single writes', () => {
  it('visibility: a hidden record fails exactly like a missing one, and is not changed', async () => {
    const rep = await t.userToken('sales');
    const other = await t.userToken('sales');
    const mine = await t.api(rep.token, 'POST', '/contacts', { name: 'Bulk mine' });
    const theirs = await t.api(other.token, 'POST', '/contacts', { name: 'Bulk theirs' });
    const missing = theirs.body.data.id + 100_000;
    const r = await t.api(rep.token, 'POST', '/contacts/bulk', { ids: [mine.body.data.id, theirs.body.data.id, missing], action: 'update', values: { city: 'Suzhou' } });
    expect(r.body.data.done).toBe(1);
    const [hidden, gone] = r.body.data.errors;
    expect({ ...hidden, id: 0 }).toEqual({ ...gone, id: 0 });
    expect(hidden.code).toBe('not_found');
    expect((await t.api(other.token, 'GET', `/contacts/${theirs.body.data.id}`)).body.data.city).toBe(null);
    const del = await t.api(rep.token, 'POST', '/contacts/bulk', { ids: [theirs.body.data.id, missing], action: 'delete' });
    expect(del.body.data.done).toBe(0);
    expect({ ...del.body.data.errors[0], id: 0 }).toEqual({ ...del.body.data.errors[1], id: 0 });
  });

  it('field rules: a read-only or hidden field is not written by bulk', async () => {
    await t.api(t.adminToken, 'PATCH', '/roles/service', { field_rules: { contacts: { credit_limit: 'read', notes: 'hidden' } } });
    const agent = await t.userToken('service');
    const c = await t.api(t.adminToken, 'POST', '/contacts', { name: 'Bulk rules', owner_id: agent.id, credit_limit: 10 });
    for (const values of [{ credit_limit: 99 }, { notes: 'x' }, { city: 'Wuxi', credit_limit: 99 }]) {
      const r = await t.api(agent.token, 'POST', '/contacts/bulk', { ids: [c.body.data.id], action: 'update', values });
      expect(r.body.data.done).toBe(0);
      expect(r.body.data.errors[0].code).toBe('forbidden');
    }
    expect((await t.api(t.adminToken, 'GET', `/contacts/${c.body.data.id}`)).body.data).toMatchObject({ credit_limit: '10.00', notes: null, city: null, version: 1 });
  });

  it('delete right: marketing may bulk-delete only its own records', async () => {
    const mkt = await t.userToken('marketing');
    const own = await t.api(mkt.token, 'POST', '/contacts', { name: 'Mkt own' });
    const admins = await t.api(t.adminToken, 'POST', '/contacts', { name: 'Admin owned' });
    const r = await t.api(mkt.token, 'POST', '/contacts/bulk', { ids: [own.body.data.id, admins.body.data.id], action: 'delete' });
    expect(r.body.data.done).toBe(1);
    expect(r.body.data.errors).toMatchObject([{ id: admins.body.data.id, code: 'forbidden' }]);
    expect((await t.api(t.adminToken, 'GET', `/contacts/${admins.body.data.id}`)).status).toBe(200);
  });

  it('a version in bulk values is refused: it is a precondition of one record', async () => {
    const c = await t.api(t.adminToken, 'POST', '/contacts', { name: 'Bulk version' });
    const r = await t.api(t.adminToken, 'POST', '/contacts/bulk', { ids: [c.body.data.id], action: 'update', values: { version: 1, city: 'x' } });
    expect(r.status).toBe(400);
  });
});
