import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';

// Token resolutions are cached for a moment (auth.service.ts). Each test first makes the
// token known to the cache, changes something through the API, and expects the very next
// request to see the change: these fail if a write stops clearing the cache.
const t = useTestApp();
const f = factories(t);

const ids = (r: { body: { data: { id: number }[] } }) => r.body.data.map((x) => x.id);

describe('cached token resolution', () => {
  it('a role losing visibility or a field applies to its sessions at once', async () => {
    const c = await f.contact({ name: 'cache role probe', email: 'probe@example.cn' });
    const reader = await f.user('readonly');
    const before = await t.api(reader.token, 'GET', '/contacts?filter[name]=cache role probe');
    expect(ids(before)).toEqual([c.id]);
    expect(before.body.data[0].email).toBe('probe@example.cn');

    expect((await t.api(t.adminToken, 'PATCH', '/roles/readonly', { field_rules: { contacts: { email: 'hidden' } } })).status).toBe(200);
    const hidden = await t.api(reader.token, 'GET', '/contacts?filter[name]=cache role probe');
    expect(ids(hidden)).toEqual([c.id]);
    expect(hidden.body.data[0]).not.toHaveProperty('email');

    expect((await t.api(t.adminToken, 'PATCH', '/roles/readonly', { visibility: { contacts: 'own' } })).status).toBe(200);
    expect(ids(await t.api(reader.token, 'GET', '/contacts?filter[name]=cache role probe'))).toEqual([]);
    expect((await t.api(reader.token, 'GET', `/contacts/${c.id}`)).status).toBe(404);
  });

  it("a user's new role, team or status applies at once", async () => {
    const c = await f.contact({ name: 'cache user probe' });
    const u = await f.user('marketing');
    expect(ids(await t.api(u.token, 'GET', '/contacts?filter[name]=cache user probe'))).toEqual([c.id]);
    expect((await t.api(t.adminToken, 'PATCH', `/users/${u.id}`, { role: 'sales' })).status).toBe(200);
    expect(ids(await t.api(u.token, 'GET', '/contacts?filter[name]=cache user probe'))).toEqual([]);
    expect((await t.api(u.token, 'POST', '/contacts', { name: 'written as sales' })).status).toBe(201);

    const team = await t.api(t.adminToken, 'POST', '/teams', { name: 'Cache team' });
    expect((await t.api(u.token, 'GET', '/auth/me')).body.data.team_id ?? null).toBeNull();
    expect((await t.api(t.adminToken, 'PATCH', `/users/${u.id}`, { team_id: team.body.data.id })).status).toBe(200);
    expect((await t.api(u.token, 'GET', '/auth/me')).body.data.team_id).toBe(team.body.data.id);

    expect((await t.api(t.adminToken, 'PATCH', `/users/${u.id}`, { active: false })).status).toBe(200);
    expect((await t.api(u.token, 'GET', '/contacts')).status).toBe(401);
  });

  it('logout and a revoked API key end access at once', async () => {
    const token = await t.login('admin@test.guanxi', 'admin-password-1');
    expect((await t.api(token, 'GET', '/contacts')).status).toBe(200);
    expect((await t.api(token, 'POST', '/auth/logout')).status).toBe(200);
    expect((await t.api(token, 'GET', '/contacts')).status).toBe(401);

    const k = await t.api(t.adminToken, 'POST', '/api-keys', { name: 'cache probe' });
    expect((await t.api(k.body.data.token, 'GET', '/contacts')).status).toBe(200);
    expect((await t.api(k.body.data.token, 'GET', '/contacts')).status).toBe(200);
    expect((await t.api(t.adminToken, 'DELETE', `/api-keys/${k.body.data.id}`)).status).toBe(204);
    expect((await t.api(k.body.data.token, 'GET', '/contacts')).status).toBe(401);
  });
});
