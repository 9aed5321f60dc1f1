import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../../db/test-helpers.ts';
import { useSink, userWithLocale } from '../mail/mail.test-support.ts';
import { deliverMail } from '../mail/mail.deliver.ts';
import { MAX_PER_ACCOUNT } from './password-reset.service.ts';

const t = useTestApp();
const silent = { error: () => {} };

async function login(email: string, password: string) {
  return t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
}

async function resetRows(email: string) {
  const { rows } = await sql<any>`SELECT r.* FROM password_resets r JOIN users u ON u.id = r.user_id WHERE u.email = ${email} ORDER BY r.id`.execute(t.database.db);
  return rows;
}

const request = (email: string, ip = '203.0.113.7') =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email }, remoteAddress: ip });

describe('forgot password before mail is set up', () => {
  it('is reported unavailable and sends nothing, answering like for any address', async () => {
    const avail = await t.app.inject({ method: 'GET', url: '/api/v1/auth/password-reset' });
    expect(avail.json()).toEqual({ data: { available: false } });
    await userWithLocale(t, 'en', 'early@guanxi.test');
    const r = await request('early@guanxi.test');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ data: { ok: true } });
    expect(await resetRows('early@guanxi.test')).toEqual([]);
  });
});

describe('forgot password by e-mail', () => {
  const sink = useSink(t);

  it('mails a one-time link on the public address, in the user\'s language; the link sets the password once and signs out everywhere', async () => {
    expect((await t.api(t.adminToken, 'PATCH', '/public-settings', { base_url: 'https://crm.example.com/' })).status).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/password-reset' })).json()).toEqual({ data: { available: true } });
    await userWithLocale(t, 'zh-CN', 'zhang.reset@guanxi.test');
    const old = (await login('zhang.reset@guanxi.test', 'password-123')).json().data.token as string;

    const before = sink.received.length;
    // A Host header an attacker chose never becomes the link's address.
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: '  Zhang.Reset@Guanxi.test ' }, headers: { host: 'evil.example' } });
    expect(r.json()).toEqual({ data: { ok: true } });
    await deliverMail(t.database.db, silent);
    const mail = sink.received.slice(before);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.to).toEqual(['zhang.reset@guanxi.test']);
    expect(mail[0]!.subject).toBe('重置您的关系 CRM 密码');
    const link = /https:\/\/crm\.example\.com\/reset-password\?token=([A-Za-z0-9_%-]+)/.exec(mail[0]!.text)?.[1];
    expect(link).toBeTruthy();
    expect(mail[0]!.text).not.toContain('evil.example');
    const token = decodeURIComponent(link!);
    // Only a hash is stored.
    const rows = await resetRows('zhang.reset@guanxi.test');
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);

    // A weak password is refused and the link still works afterwards.
    const weak = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, password: '123' } });
    expect(weak.statusCode).toBe(400);
    expect((await resetRows('zhang.reset@guanxi.test'))[0].used_at).toBeNull();

    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, password: 'Spring-harvest-2026' } });
    expect(ok.statusCode).toBe(200);
    expect((await login('zhang.reset@guanxi.test', 'password-123')).statusCode).toBe(401);
    expect((await login('zhang.reset@guanxi.test', 'Spring-harvest-2026')).statusCode).toBe(200);
    // The session made with the old password ended.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${old}` } })).statusCode).toBe(401);

    // Used once: a second use is refused and changes nothing.
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, password: 'Another-harvest-2027' } });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details[0].code).toBe('reset_link_invalid');
    expect((await login('zhang.reset@guanxi.test', 'Spring-harvest-2026')).statusCode).toBe(200);
    const audit = await sql<any>`SELECT changes FROM audit_log WHERE object = 'users' AND changes->>'via' = 'password_reset'`.execute(t.database.db);
    expect(audit.rows).toHaveLength(1);
  });

  it('answers the same for an unknown address and sends nothing; a newer link voids the older; an expired link is refused', async () => {
    const before = sink.received.length;
    const unknown = await request('nobody@guanxi.test', '198.51.100.1');
    expect(unknown.statusCode).toBe(200);
    expect(unknown.json()).toEqual({ data: { ok: true } });

    await userWithLocale(t, 'en', 'li.reset@guanxi.test');
    await request('li.reset@guanxi.test', '198.51.100.2');
    await request('li.reset@guanxi.test', '198.51.100.2');
    await deliverMail(t.database.db, silent);
    const mails = sink.received.slice(before);
    expect(mails.map((m) => m.to[0])).toEqual(['li.reset@guanxi.test', 'li.reset@guanxi.test']);
    const tokens = mails.map((m) => decodeURIComponent(/token=([A-Za-z0-9_%-]+)/.exec(m.text)![1]!));
    const first = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token: tokens[0], password: 'Spring-harvest-2026' } });
    expect(first.statusCode).toBe(400);

    await sql`UPDATE password_resets SET expires_at = now() - interval '1 second' WHERE used_at IS NULL`.execute(t.database.db);
    const late = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token: tokens[1], password: 'Spring-harvest-2026' } });
    expect(late.statusCode).toBe(400);
    expect((await login('li.reset@guanxi.test', 'password-123')).statusCode).toBe(200);
  });

  it('limits links per account per hour and refuses a deactivated account', async () => {
    const id = await userWithLocale(t, 'zh-TW', 'lin.reset@guanxi.test');
    for (let i = 0; i < MAX_PER_ACCOUNT + 2; i++) await request('lin.reset@guanxi.test', `192.0.2.${i + 1}`);
    expect(await resetRows('lin.reset@guanxi.test')).toHaveLength(MAX_PER_ACCOUNT);

    const other = await userWithLocale(t, 'en', 'gone.reset@guanxi.test');
    expect((await t.api(t.adminToken, 'PATCH', `/users/${other}`, { active: false })).status).toBe(200);
    await request('gone.reset@guanxi.test', '192.0.2.50');
    expect(await resetRows('gone.reset@guanxi.test')).toEqual([]);
    expect(id).toBeGreaterThan(0);
  });
});
