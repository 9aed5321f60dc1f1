import { describe, expect, it } from 'vitest';
import { ADMIN, useTestApp } from '../../db/test-helpers.ts';
import { loadConfig, ConfigError } from '../../config.ts';

// Each check first uses the session or key (so the 2 s auth cache knows it), then changes the
// user, then expects the very next request to see the change.
const t = useTestApp();

const me = (token: string) => t.api(token, 'GET', '/auth/me').then((r) => r.status);

async function newKey(token: string) {
  const k = await t.api(token, 'POST', '/api-keys', { name: 'sync' });
  expect(k.status).toBe(201);
  return k.body.data.token as string;
}

describe('sessions and API keys', () => {
  it('a password change ends the other sessions and keeps the current one', async () => {
    const rep = await t.userToken('sales', { email: 'changer@sessions.test' });
    const other = await t.login('changer@sessions.test', 'password-123');
    const key = await newKey(rep.token);
    expect([await me(rep.token), await me(other), await me(key)]).toEqual([200, 200, 200]);
    const r = await t.api(rep.token, 'PATCH', '/auth/me', { password: 'a-new-secret-42', current_password: 'password-123' });
    expect(r.status).toBe(200);
    expect(await me(rep.token)).toBe(200);
    expect(await me(other)).toBe(401);
    expect(await me(key)).toBe(200);
    expect(await t.login('changer@sessions.test', 'a-new-secret-42')).toBeTruthy();
  });

  it("an admin's password reset ends every session and revokes every API key", async () => {
    const rep = await t.userToken('sales');
    const key = await newKey(rep.token);
    expect([await me(rep.token), await me(key)]).toEqual([200, 200]);
    expect((await t.api(t.adminToken, 'PATCH', `/users/${rep.id}`, { password: 'reset-by-admin-7' })).status).toBe(200);
    expect([await me(rep.token), await me(key)]).toEqual([401, 401]);
    const keys = await t.api(t.adminToken, 'GET', '/api-keys');
    expect(keys.body.data.filter((k: { user_id: number; revoked_at: string | null }) => k.user_id === rep.id && !k.revoked_at)).toEqual([]);
  });

  it("a deactivated user's API keys stop at once and stay revoked when the user is activated again", async () => {
    const rep = await t.userToken('sales');
    const key = await newKey(rep.token);
    expect(await me(key)).toBe(200);
    expect((await t.api(t.adminToken, 'PATCH', `/users/${rep.id}`, { active: false })).status).toBe(200);
    expect(await me(key)).toBe(401);
    expect((await t.api(t.adminToken, 'PATCH', `/users/${rep.id}`, { active: true })).status).toBe(200);
    expect(await me(key)).toBe(401);
    expect(await me(rep.token)).toBe(401);
  });
});

describe('the last administrator', () => {
  it('cannot demote or deactivate themselves; with a second admin they can', async () => {
    const self = (await t.api(t.adminToken, 'GET', '/auth/me')).body.data.id as number;
    for (const change of [{ role: 'sales' }, { active: false }]) {
      const r = await t.api(t.adminToken, 'PATCH', `/users/${self}`, change);
      expect(r.status).toBe(409);
      expect(r.body.error.message).toMatch(/no active administrator/);
    }
    expect((await t.api(t.adminToken, 'GET', `/users/${self}`)).body.data).toMatchObject({ role: 'admin', active: true });
    // A custom role that holds the only admin may not lose administration either.
    await t.database.db.insertInto('roles').values({ key: 'owner', name: 'Owner', permissions: JSON.stringify({ visibility: {}, field_rules: {}, can: { admin: true, write: true, import: true, export: true, delete: true } }) }).execute();
    const owner = await t.userToken('owner');
    expect((await t.api(owner.token, 'PATCH', `/users/${self}`, { active: false })).status).toBe(200);
    expect((await t.api(owner.token, 'PATCH', '/roles/owner', { can: { admin: false } })).status).toBe(409);
    expect((await t.api(owner.token, 'PATCH', `/users/${self}`, { active: true })).status).toBe(200);
    const admin = await t.login(ADMIN.email, ADMIN.password);
    expect((await t.api(admin, 'PATCH', `/users/${owner.id}`, { role: 'sales' })).status).toBe(200);
  });
});

describe('session settings', () => {
  it('are refused when not a positive number, with the setting named', () => {
    for (const [name, value] of [['GUANXI_SESSION_IDLE_HOURS', 'twelve'], ['GUANXI_SESSION_IDLE_HOURS', '0'], ['GUANXI_SESSION_MAX_DAYS', '-1'], ['GUANXI_SESSION_MAX_DAYS', '7d']]) {
      expect(() => loadConfig({ [name!]: value }), `${name}=${value}`).toThrow(ConfigError);
      expect(() => loadConfig({ [name!]: value })).toThrow(name);
    }
    expect(loadConfig({ GUANXI_SESSION_IDLE_HOURS: '0.5', GUANXI_SESSION_MAX_DAYS: '30' })).toMatchObject({ sessionIdleHours: 0.5, sessionMaxDays: 30 });
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ GUANXI_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ GUANXI_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,loopback' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1', 'loopback']);
    expect(() => loadConfig({ GUANXI_TRUST_PROXY: 'yes please' })).toThrow(ConfigError);
    expect(() => loadConfig({ GUANXI_TRUST_PROXY: '10.0.0.0/99' })).toThrow(ConfigError);
  });
});
