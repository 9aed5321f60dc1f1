import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../../db/test-helpers.ts';
import { useSecretKeys } from '../../core/secrets.ts';
import { startSmtpSink } from './mail.sink.ts';
import { deliverMail } from './mail.deliver.ts';
import { queueMail } from './mail.service.ts';
import { resealSmtpPassword } from './mail.settings.ts';

const t = useTestApp();
const PW = 'S3cret-pw!-关系';
afterEach(() => useSecretKeys(null));

const storedRow = async () =>
  (await sql<{ value: Record<string, unknown> }>`SELECT value FROM settings WHERE key = 'mail.smtp'`.execute(t.database.db)).rows[0]!.value;

async function withSink(fn: (port: number, received: () => number) => Promise<void>) {
  const sink = await startSmtpSink({ user: 'crm', password: PW });
  try {
    await fn(sink.port, () => sink.received.length);
  } finally {
    await sink.close();
  }
}

describe('the SMTP password at rest', () => {
  it('is stored sealed, never answered, and a real send still authenticates with it', async () => {
    await withSink(async (port, received) => {
      const r = await t.api(t.adminToken, 'PATCH', '/mail/settings', { host: '127.0.0.1', port, security: 'none', user: 'crm', password: PW, from_address: 'crm@guanxi.test' });
      expect(r.body.data).toMatchObject({ password_set: true, password_unreadable: false });
      const row = await storedRow();
      expect(JSON.stringify(row)).not.toContain(PW);
      expect(row.password).toBeUndefined();
      expect(row.password_sealed).toMatch(/^gx1\./);
      expect(JSON.stringify((await t.api(t.adminToken, 'GET', '/mail/settings')).body)).not.toContain(PW);
      const sent = await t.api(t.adminToken, 'POST', '/mail/test', { to: 'admin@guanxi.test' });
      expect(sent.body.data).toMatchObject({ sent: true, error: null });
      expect(received()).toBe(1);
    });
  });

  it('a password stored in clear (before sealing) is sealed at start and on the next save, and still sends', async () => {
    await withSink(async (port, received) => {
      const clear = { host: '127.0.0.1', port, security: 'none', user: 'crm', password: PW, from_address: 'crm@guanxi.test', from_name: '', rate_per_minute: 60 };
      const writeClear = () => sql`UPDATE settings SET value = ${JSON.stringify(clear)}::jsonb WHERE key = 'mail.smtp'`.execute(t.database.db);
      await writeClear();
      expect((await t.api(t.adminToken, 'GET', '/mail/settings')).body.data.password_set).toBe(true);
      expect(await resealSmtpPassword(t.database.db)).toBe(true); // what the mail module runs at start (onReady)
      expect(JSON.stringify(await storedRow())).not.toContain(PW);
      expect(await resealSmtpPassword(t.database.db)).toBe(false);
      expect((await t.api(t.adminToken, 'POST', '/mail/test', { to: 'admin@guanxi.test' })).body.data.sent).toBe(true);
      await writeClear();
      expect((await t.api(t.adminToken, 'PATCH', '/mail/settings', { from_name: 'CRM' })).status).toBe(200);
      expect((await storedRow()).password_sealed).toMatch(/^gx1\./);
      expect(JSON.stringify(await storedRow())).not.toContain(PW);
      expect((await t.api(t.adminToken, 'POST', '/mail/test', { to: 'admin@guanxi.test' })).body.data.sent).toBe(true);
      expect(received()).toBe(2);
    });
  });

  it('under a rotated key it still opens and is sealed again; under a lost key sending fails with smtp_secret_unreadable until the password is entered again', async () => {
    const k1 = randomBytes(32);
    const k2 = randomBytes(32);
    await withSink(async (port, received) => {
      useSecretKeys({ current: k1 });
      await t.api(t.adminToken, 'PATCH', '/mail/settings', { host: '127.0.0.1', port, security: 'none', user: 'crm', password: PW, from_address: 'crm@guanxi.test', rate_per_minute: 1000 });
      const underK1 = (await storedRow()).password_sealed;
      useSecretKeys({ current: k2, previous: k1 });
      expect((await t.api(t.adminToken, 'POST', '/mail/test', { to: 'admin@guanxi.test' })).body.data.sent).toBe(true);
      expect(await resealSmtpPassword(t.database.db)).toBe(true);
      expect((await storedRow()).password_sealed).not.toBe(underK1);
      useSecretKeys({ current: k2 });
      expect((await t.api(t.adminToken, 'POST', '/mail/test', { to: 'admin@guanxi.test' })).body.data.sent).toBe(true);

      // The key is lost: nothing sends, the admin is told what to do, the password appears nowhere.
      useSecretKeys({ current: randomBytes(32) });
      expect((await t.api(t.adminToken, 'GET', '/mail/settings')).body.data).toMatchObject({ password_set: true, password_unreadable: true });
      const test = await t.api(t.adminToken, 'POST', '/mail/test', { to: 'admin@guanxi.test' });
      expect(test.body.data).toMatchObject({ sent: false, error: { code: 'smtp_secret_unreadable' } });
      expect(test.body.data.error.message).toMatch(/enter the password again/);
      await t.database.db.transaction().execute((trx) => queueMail(trx, { to: 'someone@guanxi.test', template: 'smtp_test', locale: 'en', vars: { organization: { name: 'G' } } }));
      const logged: string[] = [];
      expect(await deliverMail(t.database.db, { error: (o, m) => void logged.push(JSON.stringify(o) + m) })).toBe(0);
      expect(logged.join()).toContain('smtp_secret_unreadable');
      expect(logged.join()).not.toContain(PW);
      const queued = await sql<{ n: number }>`SELECT count(*)::int AS n FROM mail_outbox WHERE status = 'queued'`.execute(t.database.db);
      expect(queued.rows[0]!.n).toBeGreaterThan(0);
      // Saving other fields keeps the unreadable value (still unreadable, not cleared nor garbage).
      expect((await t.api(t.adminToken, 'PATCH', '/mail/settings', { from_name: 'x' })).body.data.password_unreadable).toBe(true);
      expect(received()).toBe(2);
      // Entering it again: sealed under the key in force, the queued mail goes out.
      expect((await t.api(t.adminToken, 'PATCH', '/mail/settings', { password: PW })).body.data).toMatchObject({ password_set: true, password_unreadable: false });
      expect(await deliverMail(t.database.db, { error: () => {} })).toBeGreaterThan(0);
      expect(received()).toBeGreaterThan(2);
    });
  });
});
