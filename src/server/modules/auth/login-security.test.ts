import { describe, expect, it } from 'vitest';
import { ADMIN, useTestApp } from '../../db/test-helpers.ts';
import { buildApp } from '../../app.ts';
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS } from './login-throttle.ts';

const t = useTestApp();

// Each test signs in from its own client address (inject's remoteAddress), so the per-address
// limit of one test does not reach into another.
async function signIn(from: string, email: string, password: string, headers: Record<string, string> = {}) {
  const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: from, headers, payload: { email, password } });
  return { status: r.statusCode, body: r.json() };
}

describe('sign-in limits', () => {
  it('count one account however its e-mail is spelled and whatever X-Forwarded-For says', async () => {
    const rep = await t.userToken('sales', { email: 'victim@login.test' });
    expect(rep.id).toBeGreaterThan(0);
    const spellings = ['victim@login.test', ' victim@login.test', 'VICTIM@login.test ', '\tVictim@Login.Test'];
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      const r = await signIn(`10.1.0.${i + 1}`, spellings[i % spellings.length]!, 'not-the-password', { 'x-forwarded-for': `203.0.113.${i}` });
      expect(r.status).toBe(401);
    }
    // The right password, from yet another address: still refused while the account is limited.
    const blocked = await signIn('10.1.0.200', 'victim@login.test', 'password-123', { 'x-forwarded-for': '198.51.100.7' });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('rate_limited');
    // Another account is not affected.
    expect((await signIn('10.1.0.201', ADMIN.email, ADMIN.password)).status).toBe(200);
  });

  it('count one address across accounts, unknown ones included', async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      expect((await signIn('10.2.0.1', `nobody${i}@login.test`, 'guess-guess-1', { 'x-forwarded-for': `192.0.2.${i}` })).status).toBe(401);
    }
    const r = await signIn('10.2.0.1', ADMIN.email, ADMIN.password);
    expect(r.status).toBe(429);
    expect((await signIn('10.2.0.2', ADMIN.email, ADMIN.password)).status).toBe(200);
  });

  it('follow X-Forwarded-For only from a configured proxy (GUANXI_TRUST_PROXY)', async () => {
    const proxied = await buildApp(t.database, { ...t.app.config, trustProxy: ['10.3.0.1'] });
    try {
      const viaProxy = (client: string, email: string, password: string) =>
        proxied.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.3.0.1', headers: { 'x-forwarded-for': client }, payload: { email, password } });
      for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) expect((await viaProxy('198.51.100.1', `p${i}@login.test`, 'guess-guess-2')).statusCode).toBe(401);
      expect((await viaProxy('198.51.100.1', ADMIN.email, ADMIN.password)).statusCode).toBe(429);
      // Another client behind the same proxy is its own address.
      expect((await viaProxy('198.51.100.2', ADMIN.email, ADMIN.password)).statusCode).toBe(200);
      const history = await t.api(t.adminToken, 'GET', '/auth/login-history?limit=5');
      expect(history.body.data[0].ip).toBe('198.51.100.2');
    } finally {
      await proxied.close();
    }
  });

  it('answer an unknown account, a wrong password and a deactivated user identically', async () => {
    const gone = await t.userToken('sales', { email: 'gone@login.test' });
    expect((await t.api(t.adminToken, 'PATCH', `/users/${gone.id}`, { active: false })).status).toBe(200);
    const unknown = await signIn('10.4.0.1', 'nobody-at-all@login.test', 'password-123');
    const wrong = await signIn('10.4.0.2', ADMIN.email, 'password-123');
    const deactivated = await signIn('10.4.0.3', 'gone@login.test', 'password-123');
    for (const r of [unknown, wrong, deactivated]) {
      expect(r.status).toBe(401);
      expect(r.body).toEqual(unknown.body);
    }
  });
});

describe('password policy', () => {
  const weak = ['12345678', 'short-1', '1234567890', 'Password123', 'qwertyuiop', 'iloveyou12'];

  it('refuses short and common passwords on create, reset, own change and setup', async () => {
    for (const password of weak) {
      const r = await t.api(t.adminToken, 'POST', '/users', { email: `weak-${weak.indexOf(password)}@login.test`, name: 'Weak', password, role: 'sales' });
      expect(r.status, password).toBe(400);
      expect(r.body.error.details.map((d: { field: string }) => d.field)).toEqual(['password']);
    }
    const rep = await t.userToken('sales');
    const reset = await t.api(t.adminToken, 'PATCH', `/users/${rep.id}`, { password: '12345678' });
    expect(reset.status).toBe(400);
    const own = await t.api(rep.token, 'PATCH', '/auth/me', { password: 'qwertyuiop', current_password: 'password-123' });
    expect(own.status).toBe(400);
    expect(own.body.error.details[0].message).toMatch(/too common/i);
    // Nothing changed: the old password still signs in.
    expect((await t.api(rep.token, 'GET', '/auth/me')).status).toBe(200);
  });

  it('refuses the e-mail address as password, and accepts ordinary good ones', async () => {
    const same = await t.api(t.adminToken, 'POST', '/users', { email: 'same.as.mail@login.test', name: 'Same', password: 'Same.As.Mail@login.test', role: 'sales' });
    expect(same.status).toBe(400);
    expect(same.body.error.details[0].message).toMatch(/email/i);
    const me = await t.api(t.adminToken, 'GET', '/auth/me');
    const own = await t.api(t.adminToken, 'PATCH', '/auth/me', { password: me.body.data.email, current_password: ADMIN.password });
    expect(own.status).toBe(400);
    for (const [i, password] of ['guanxi-demo', 'password-123', 'correct horse battery', '关系管理系统很好用呢'].entries()) {
      expect((await t.api(t.adminToken, 'POST', '/users', { email: `good-${i}@login.test`, name: 'Good', password, role: 'sales' })).status, password).toBe(201);
    }
  });
});
