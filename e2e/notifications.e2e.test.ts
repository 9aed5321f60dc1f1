import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { adminSession, api, apiLogin, openBrowser, uiLogin, useSession, type Browser, type Session } from './helpers.ts';

const stamp = Date.now();
const PASSWORD = 'notify-e2e-password';

async function user(admin: Session, name: string, role: string, locale = 'en'): Promise<{ id: number; email: string }> {
  const email = `${name.toLowerCase()}-${stamp}@e2e.guanxi`;
  const r = await api<{ data: { id: number } }>(admin, 'POST', '/users', { email, name: `${name} ${stamp}`, password: PASSWORD, role, locale });
  return { id: r.data.id, email };
}

describe('notifications', () => {
  let b: Browser;
  let taskId = 0;
  let bEmail = '';
  const title = `跟进订单 ${stamp}`;

  beforeAll(async () => {
    const admin = await adminSession();
    const a = await user(admin, 'Assigner', 'admin');
    const target = await user(admin, 'Assignee', 'sales');
    bEmail = target.email;
    const as = await apiLogin(a.email, PASSWORD);
    // User A assigns a task to B.
    taskId = (await api<{ data: { id: number } }>(as, 'POST', '/tasks', { title, owner_id: target.id })).data.id;
    b = await openBrowser();
  });
  afterAll(async () => b?.close());

  it('B sees the bell count 1, opens it, goes to the task, and the count is 0', async () => {
    const { page } = b;
    await uiLogin(page, bEmail, PASSWORD);
    const bell = page.getByTestId('notifications-bell');
    // Delivered by the job queue right after the write; the bell polls every 30 s and on focus.
    await page.locator('[data-testid="notifications-bell"][aria-label="Notifications, 1 unread"]').waitFor({ timeout: 60_000 });
    await bell.click();
    const entry = page.getByTestId('notification').filter({ hasText: title });
    await entry.waitFor();
    expect(await entry.textContent()).toContain('assigned this task to you');
    await entry.click();
    await page.waitForURL((u) => u.pathname.startsWith('/tasks') && (u.pathname.endsWith(`/${taskId}`) || u.search.includes(`open=${taskId}`)));
    await page.getByText(title).first().waitFor();
    await page.locator('[data-testid="notifications-bell"][aria-label="Notifications, 0 unread"]').waitFor();
    expect(b.errors).toEqual([]);
  });

  it('reads in Chinese at phone width, with the e-mail choices in my settings', async () => {
    const admin = await adminSession();
    const me = await apiLogin(bEmail, PASSWORD);
    const phone = await openBrowser({ width: 390, height: 844 });
    try {
      await useSession(phone, me, 'zh-CN');
      await phone.page.goto('/contacts');
      await api(admin, 'PATCH', `/users/${me.user.id}`, { locale: 'zh-CN' });
      await phone.page.getByTestId('notifications-bell').click();
      await phone.page.getByTestId('notification').filter({ hasText: '将此任务分配给了您' }).waitFor();
      const shots = process.env.E2E_SCREENSHOT_DIR;
      if (shots) await phone.page.screenshot({ path: path.join(shots, 'notifications-zh-CN-phone.png') });
      await phone.page.goto('/me/settings');
      await phone.page.getByText('邮件通知', { exact: true }).waitFor();
      await phone.page.getByTestId('pref-assigned').click();
      await phone.page.getByText('已保存').waitFor();
      await phone.page.locator('[data-testid="pref-assigned"][aria-checked="false"]').waitFor();
      if (shots) await phone.page.screenshot({ path: path.join(shots, 'my-settings-zh-CN-phone.png') });
      const prefs = await api<{ data: { email: Record<string, boolean> } }>(me, 'GET', '/notifications/preferences');
      expect(prefs.data.email.assigned).toBe(false);
      expect(phone.errors).toEqual([]);
    } finally {
      await phone.close();
    }
  });

});
