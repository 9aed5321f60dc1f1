import { describe, expect, it } from 'vitest';
import { ADMIN, useTestApp } from '../../db/test-helpers.ts';

const t = useTestApp();

describe('authentication', () => {
  it('answers health without auth and publishes OpenAPI', async () => {
    expect((await t.api('', 'GET', '/health')).body).toEqual({ status: 'ok', database: 'ok' });
    const doc = await t.api('', 'GET', '/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/contacts', '/api/v1/accounts/{id}/timeline', '/api/v1/search', '/api/v1/imports']));
  });

  it('logs in with a cookie that needs the CSRF header for writes, and records login history', async () => {
    const bad = await t.api('', 'POST', '/auth/login', { email: ADMIN.email, password: 'wrong' });
    expect(bad.status).toBe(401);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: ADMIN });
    expect(res.statusCode).toBe(200);
    const cookies = Object.fromEntries(res.cookies.map((c) => [c.name, c]));
    expect(cookies.gx_session!.httpOnly).toBe(true);
    const cookie = `gx_session=${cookies.gx_session!.value}; gx_csrf=${cookies.gx_csrf!.value}`;
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.json().data.email).toBe(ADMIN.email);
    const noCsrf = await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: { cookie }, payload: { name: 'csrf' } });
    expect(noCsrf.statusCode).toBe(403);
    const withCsrf = await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: { cookie, 'x-csrf-token': cookies.gx_csrf!.value }, payload: { name: 'csrf' } });
    expect(withCsrf.statusCode).toBe(201);
    const history = await t.api(t.adminToken, 'GET', '/auth/login-history');
    expect(history.body.data.some((h: any) => h.success === false && h.email === ADMIN.email)).toBe(true);
    expect(JSON.stringify(history.body)).not.toContain('wrong');
  });

  it('API keys work as bearer tokens until revoked', async () => {
    const k = await t.api(t.adminToken, 'POST', '/api-keys', { name: 'ERP sync' });
    expect(k.status).toBe(201);
    expect(k.body.data.token).toMatch(/^gx_/);
    expect((await t.api(k.body.data.token, 'GET', '/contacts')).status).toBe(200);
    const listed = await t.api(t.adminToken, 'GET', '/api-keys');
    expect(JSON.stringify(listed.body)).not.toContain(k.body.data.token);
    expect((await t.api(t.adminToken, 'DELETE', `/api-keys/${k.body.data.id}`)).status).toBe(204);
    expect((await t.api(k.body.data.token, 'GET', '/contacts')).status).toBe(401);
  });

  it('logout ends the session; deactivating a user ends theirs', async () => {
    const token = await t.login(ADMIN.email, ADMIN.password);
    expect((await t.api(token, 'POST', '/auth/logout')).status).toBe(200);
    expect((await t.api(token, 'GET', '/auth/me')).status).toBe(401);
    const rep = await t.userToken('sales');
    expect((await t.api(t.adminToken, 'PATCH', `/users/${rep.id}`, { active: false })).status).toBe(200);
    expect((await t.api(rep.token, 'GET', '/auth/me')).status).toBe(401);
  });

  it('expires idle and old sessions', async () => {
    const idle = await t.login(ADMIN.email, ADMIN.password);
    const old = await t.login(ADMIN.email, ADMIN.password);
    const { tokenHash } = await import('../../core/passwords.ts');
    await t.database.db.updateTable('sessions').set({ last_seen_at: new Date(Date.now() - 13 * 3_600_000) }).where('token_hash', '=', tokenHash(idle)).execute();
    await t.database.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000) }).where('token_hash', '=', tokenHash(old)).execute();
    expect((await t.api(idle, 'GET', '/auth/me')).status).toBe(401);
    expect((await t.api(old, 'GET', '/auth/me')).status).toBe(401);
    expect((await t.api(t.adminToken, 'GET', '/auth/me')).status).toBe(200);
  });

  it('rate-limits login attempts', async () => {
    let limited = false;
    for (let i = 0; i < 15 && !limited; i++) {
      const r = await t.api('', 'POST', '/auth/login', { email: 'nobody@test.guanxi', password: 'x' }, { 'x-forwarded-for': '10.9.9.9' });
      limited = r.status === 429;
    }
    expect(limited).toBe(true);
  });
});

describe('first-run setup', () => {
  it('is closed once a user exists', async () => {
    expect((await t.api('', 'GET', '/setup')).body.data.needed).toBe(false);
    const r = await t.api('', 'POST', '/setup', { email: 'intruder@example.com', name: 'x', password: 'password-123' });
    expect(r.status).toBe(409);
    expect((await t.api('', 'POST', '/auth/login', { email: 'intruder@example.com', password: 'password-123' })).status).toBe(401);
  });
});
