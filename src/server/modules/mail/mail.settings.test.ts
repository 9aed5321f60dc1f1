import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';
import { startSmtpSink } from './mail.sink.ts';

const t = useTestApp();

describe('SMTP settings and the test send', () => {
  it('admins set them; the password is never answered nor audited, only whether it is set', async () => {
    const sales = await t.userToken('sales');
    expect((await t.api(sales.token, 'GET', '/mail/settings')).status).toBe(403);
    expect((await t.api(sales.token, 'PATCH', '/mail/settings', { host: 'x' })).status).toBe(403);
    const r = await t.api(t.adminToken, 'PATCH', '/mail/settings', { host: 'smtp.example.com', port: 465, security: 'tls', user: 'crm', password: 'S3cret-pw!', from_address: 'crm@example.com' });
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ host: 'smtp.example.com', port: 465, security: 'tls', user: 'crm', password_set: true });
    const got = await t.api(t.adminToken, 'GET', '/mail/settings');
    expect(JSON.stringify(got.body)).not.toContain('S3cret-pw!');
    expect(got.body.data.password_set).toBe(true);
    // Omitted password: unchanged.
    expect((await t.api(t.adminToken, 'PATCH', '/mail/settings', { from_name: '关系' })).body.data.password_set).toBe(true);
    const audit = await t.api(t.adminToken, 'GET', '/audit-log?filter[object]=mail_settings');
    expect(JSON.stringify(audit.body)).not.toContain('S3cret-pw!');
    expect(audit.body.data.some((e: any) => e.changes?.password?.[1] === 'set')).toBe(true);
  });

  it('refuses bad values with field errors and changes nothing', async () => {
    const before = (await t.api(t.adminToken, 'GET', '/mail/settings')).body.data;
    for (const bad of [{ port: 0 }, { from_address: 'not an address' }, { security: 'ssl' }, { colour: 'red' }, { from_name: 'a\r\nBcc: x@y.z' }, { host: 'a b' }]) {
      const r = await t.api(t.adminToken, 'PATCH', '/mail/settings', { ...bad, host: bad.host ?? 'changed.example.com' });
      expect(r.status, JSON.stringify(bad)).toBe(400);
      expect(r.body.error.code).toBe('validation_failed');
    }
    expect((await t.api(t.adminToken, 'GET', '/mail/settings')).body.data).toEqual(before);
  });

  it('a test send arrives through the configured server', async () => {
    const sink = await startSmtpSink();
    try {
      await t.api(t.adminToken, 'PATCH', '/mail/settings', { host: '127.0.0.1', port: sink.port, security: 'none', user: '', password: '', from_address: 'crm@guanxi.test' });
      const r = await t.api(t.adminToken, 'POST', '/mail/test', { to: 'admin@guanxi.test', locale: 'zh-TW' });
      expect(r.body.data).toMatchObject({ sent: true, error: null });
      expect(sink.received).toHaveLength(1);
      expect(sink.received[0]!.to).toEqual(['admin@guanxi.test']);
      expect(sink.received[0]!.subject).toContain('測試郵件');
    } finally {
      await sink.close();
    }
  });

  it('reports the SMTP error clearly: wrong password, nobody listening; malformed address refused', async () => {
    const sink = await startSmtpSink({ user: 'crm', password: 'right-pw' });
    try {
      await t.api(t.adminToken, 'PATCH', '/mail/settings', { host: '127.0.0.1', port: sink.port, security: 'none', user: 'crm', password: 'Wrong-pw-123' });
      const auth = await t.api(t.adminToken, 'POST', '/mail/test', { to: 'admin@guanxi.test' });
      expect(auth.status).toBe(200);
      expect(auth.body.data.sent).toBe(false);
      expect(auth.body.data.error.code).toBe('EAUTH');
      expect(auth.body.data.error.response_code).toBe(535);
      expect(JSON.stringify(auth.body)).not.toContain('Wrong-pw-123');
      expect(sink.received).toHaveLength(0);
    } finally {
      await sink.close();
    }
    // The sink is closed: nothing listens on that port now.
    const down = await t.api(t.adminToken, 'POST', '/mail/test', { to: 'admin@guanxi.test' });
    expect(down.body.data.sent).toBe(false);
    expect(down.body.data.error.code).toMatch(/^E(CONNECTION|SOCKET)$/);
    const bad = await t.api(t.adminToken, 'POST', '/mail/test', { to: 'admin@@guanxi' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0]).toMatchObject({ field: 'to', code: 'invalid_email' });
  });

  it('a test send before any server is set says so', async () => {
    await t.database.db.deleteFrom('settings').where('key', '=', 'mail.smtp').execute();
    const r = await t.api(t.adminToken, 'POST', '/mail/test', { to: 'admin@guanxi.test' });
    expect(r.body.data).toMatchObject({ sent: false, error: { code: 'smtp_not_configured' } });
  });
});
