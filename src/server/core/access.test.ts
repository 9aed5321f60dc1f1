import { describe, expect, it } from 'vitest';
import { useTestApp } from '../db/test-helpers.ts';

const t = useTestApp();

describe('record visibility and field rules', () => {
  it('sales see their own records, managers their team, admins all', async () => {
    const team = await t.api(t.adminToken, 'POST', '/teams', { name: 'East' });
    const other = await t.api(t.adminToken, 'POST', '/teams', { name: 'West' });
    const rep1 = await t.userToken('sales', { team_id: team.body.data.id });
    const rep2 = await t.userToken('sales', { team_id: team.body.data.id });
    const outsider = await t.userToken('sales', { team_id: other.body.data.id });
    const mgr = await t.userToken('manager', { team_id: team.body.data.id });

    const mine = await t.api(rep1.token, 'POST', '/contacts', { name: 'Rep1 Customer', credit_limit: 5000 });
    expect(mine.status).toBe(201);
    expect(mine.body.data.owner_id).toBe(rep1.id);
    await t.api(rep2.token, 'POST', '/contacts', { name: 'Rep2 Customer' });
    await t.api(outsider.token, 'POST', '/contacts', { name: 'Outsider Customer' });

    const names = async (token: string) => (await t.api(token, 'GET', '/contacts?limit=200')).body.data.map((c: any) => c.name).sort();
    expect(await names(rep1.token)).toEqual(['Rep1 Customer']);
    expect(await names(mgr.token)).toEqual(['Rep1 Customer', 'Rep2 Customer']);
    expect(await names(t.adminToken)).toEqual(expect.arrayContaining(['Outsider Customer', 'Rep1 Customer', 'Rep2 Customer']));

    // Someone else's record does not exist for a rep: not readable, not writable, not deletable.
    expect((await t.api(rep2.token, 'GET', `/contacts/${mine.body.data.id}`)).status).toBe(404);
    expect((await t.api(rep2.token, 'PATCH', `/contacts/${mine.body.data.id}`, { name: 'hijack' })).status).toBe(404);
    expect((await t.api(rep2.token, 'DELETE', `/contacts/${mine.body.data.id}`)).status).toBe(404);
    expect((await t.api(rep2.token, 'GET', `/contacts/${mine.body.data.id}/timeline`)).status).toBe(404);
    const search = await t.api(rep2.token, 'GET', '/search?q=Rep1');
    expect(search.body.data).toEqual([]);
  });

  it('hides a field from a role everywhere and refuses writes to it', async () => {
    const rep = await t.userToken('sales');
    const created = await t.api(rep.token, 'POST', '/contacts', { name: 'Credit Person', credit_limit: 8000 });
    expect(created.body.data.credit_limit).toBe('8000.00');
    const rule = await t.api(t.adminToken, 'PATCH', '/roles/sales', { field_rules: { contacts: { credit_limit: 'hidden' } } });
    expect(rule.status).toBe(200);

    const one = await t.api(rep.token, 'GET', `/contacts/${created.body.data.id}`);
    expect(one.status).toBe(200);
    expect(one.body.data).not.toHaveProperty('credit_limit');
    const list = await t.api(rep.token, 'GET', '/contacts');
    for (const c of list.body.data) expect(c).not.toHaveProperty('credit_limit');
    const meta = await t.api(rep.token, 'GET', '/meta/objects/contacts');
    expect(meta.body.data.fields.map((f: any) => f.key)).not.toContain('credit_limit');
    expect((await t.api(rep.token, 'GET', '/contacts?filter[credit_limit][gt]=1')).status).toBe(400);
    expect((await t.api(rep.token, 'GET', '/contacts?sort=credit_limit')).status).toBe(400);
    const write = await t.api(rep.token, 'PATCH', `/contacts/${created.body.data.id}`, { credit_limit: 1 });
    expect(write.status).toBe(403);
    const exported = await t.api(rep.token, 'GET', '/contacts/export?format=csv');
    expect(exported.status).toBe(200);
    expect(String(exported.body).split('\n')[0]).not.toContain('credit_limit');
    expect(String(exported.body)).toContain('Credit Person');

    // The admin still sees it, unchanged.
    const adminView = await t.api(t.adminToken, 'GET', `/contacts/${created.body.data.id}`);
    expect(adminView.body.data.credit_limit).toBe('8000.00');
    await t.api(t.adminToken, 'PATCH', '/roles/sales', { field_rules: { contacts: { credit_limit: null } } });
    expect((await t.api(rep.token, 'GET', `/contacts/${created.body.data.id}`)).body.data.credit_limit).toBe('8000.00');
  });

  it('a read-only user reads everything and writes nothing; only admins manage users', async () => {
    const ro = await t.userToken('readonly');
    expect((await t.api(ro.token, 'GET', '/contacts')).status).toBe(200);
    const w = await t.api(ro.token, 'POST', '/contacts', { name: 'nope' });
    expect(w.status).toBe(403);
    expect(w.body.error.code).toBe('forbidden');
    expect((await t.api(ro.token, 'POST', '/users', { email: 'x@y.z', name: 'x', password: 'password-123', role: 'admin' })).status).toBe(403);
    expect((await t.api(ro.token, 'PATCH', '/roles/readonly', { can: { write: true } })).status).toBe(403);
  });
});
