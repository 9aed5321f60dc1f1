import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../src/server/modules/mail/mail.sink.ts';
import { adminSession, api, apiLogin, baseURL, openBrowser, uiLogin, useSession, type Browser, type Session } from './helpers.ts';

// A user changes their own password in My settings (zh-CN), and one who forgot it gets a link
// by real e-mail (an SMTP server on loopback) and sets a new one (zh-TW, phone width).
describe('passwords', () => {
  let admin: Session;
  let sink: SmtpSink;
  const stamp = Date.now();
  const changer = `change.${stamp}@guanxi.test`;
  const forgetter = `forgot.${stamp}@guanxi.test`;

  beforeAll(async () => {
    admin = await adminSession();
    await api(admin, 'POST', '/users', { email: changer, name: '张改密', password: 'password-123', role: 'sales', locale: 'zh-CN' });
    await api(admin, 'POST', '/users', { email: forgetter, name: '林忘記', password: 'password-123', role: 'sales', locale: 'zh-TW' });
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    // Leave the shared server as the other tests expect it: no public address.
    await api(admin, 'PATCH', '/public-settings', { base_url: '' }).catch(() => undefined);
    await sink?.close();
  });

  it('changes the password in My settings; the old one stops working', async () => {
    const b: Browser = await openBrowser();
    try {
      await useSession(b, await apiLogin(changer, 'password-123'), 'zh-CN');
      const { page } = b;
      await page.goto('/me/settings');
      const card = page.getByTestId('password-card');
      await card.waitFor();
      await card.getByLabel('当前密码').fill('password-123');
      await card.getByLabel('新密码', { exact: true }).fill('Tea-garden-2026!');
      await card.getByLabel('再次输入新密码').fill('Tea-garden-2027!');
      await card.getByRole('button', { name: '修改密码' }).click();
      await card.getByText('两次输入的密码不一致').waitFor();
      await card.getByLabel('再次输入新密码').fill('Tea-garden-2026!');
      await card.getByRole('button', { name: '修改密码' }).click();
      await page.getByText('密码已修改').waitFor({ timeout: 10_000 });
      await expect(apiLogin(changer, 'password-123')).rejects.toThrow();
      expect((await apiLogin(changer, 'Tea-garden-2026!')).token).toBeTruthy();
      expect(b.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await b.close();
    }
  });

  it('sends a reset link by e-mail and sets a new password from it', async () => {
    await api(admin, 'PATCH', '/mail/settings', { host: '127.0.0.1', port: sink.port, security: 'none', from_address: 'crm@guanxi.test', from_name: 'Guanxi' });
    await api(admin, 'PATCH', '/public-settings', { base_url: baseURL() });
    const b = await openBrowser({ width: 390, height: 844 });
    try {
      const { page } = b;
      await b.context.addInitScript(() => localStorage.setItem('gx_locale', 'zh-TW'));
      await page.goto('/login');
      await page.getByTestId('forgot-password').click();
      await page.waitForURL((u) => u.pathname === '/forgot-password');
      await page.getByLabel('電子郵件').fill(forgetter);
      await page.getByRole('button', { name: '寄送連結' }).click();
      await page.getByTestId('reset-sent').waitFor();
      await expect.poll(() => sink.received.filter((m) => m.to.includes(forgetter)).length, { timeout: 150_000 }).toBe(1);
      const mail = sink.received.find((m) => m.to.includes(forgetter))!;
      expect(mail.subject).toBe('重設您的關係 CRM 密碼');
      const link = /https?:\/\/\S+\/reset-password\?token=[A-Za-z0-9_%-]+/.exec(mail.text)![0];
      await page.goto(link);
      await page.getByLabel('新密碼', { exact: true }).fill('Oolong-hills-2026');
      await page.getByLabel('再次輸入新密碼').fill('Oolong-hills-2026');
      await page.getByRole('button', { name: '設定密碼' }).click();
      await page.getByTestId('reset-done').waitFor();
      // The link worked once: opening it again and saving is refused.
      await page.goto(link);
      await page.getByLabel('新密碼', { exact: true }).fill('Another-hill-2027');
      await page.getByLabel('再次輸入新密碼').fill('Another-hill-2027');
      await page.getByRole('button', { name: '設定密碼' }).click();
      expect(await page.getByTestId('reset-error').textContent()).toContain('此連結無效');
      await uiLogin(page, forgetter, 'Oolong-hills-2026');
      expect(b.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await b.close();
    }
  }, 240_000);
});
