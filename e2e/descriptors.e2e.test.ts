import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSession, api, apiLogin, openBrowser, useSession, type Browser, type Session } from './helpers.ts';

// The menu, the routes and the pages of record objects are built from the server's object
// descriptors (GET /meta/objects), including their labels in the user's language.
describe('object descriptors', () => {
  let b: Browser;
  let admin: Session;
  let user: Session;
  beforeAll(async () => {
    admin = await adminSession();
    // A user whose saved language is zh-CN (the saved language wins over the browser's).
    const email = `zh-cn-${Date.now()}@e2e.guanxi`;
    await api(admin, 'POST', '/users', { email, name: '王经理', password: 'password-1234', role: 'manager', locale: 'zh-CN' });
    b = await openBrowser();
    user = await apiLogin(email, 'password-1234');
    await useSession(b, user, 'zh-CN');
  });
  afterAll(async () => {
    await b?.close();
  });

  it('shows an object from its descriptor: menu entry, list and record page in zh-CN', async () => {
    const { page } = b;
    const { data: objects } = await api<{ data: { name: string; labels: Record<string, { one: string; other: string; fields: Record<string, string>; sections: Record<string, string> }> }[] }>(user, 'GET', '/meta/objects');
    const contacts = objects.find((o) => o.name === 'contacts')!.labels['zh-CN']!;
    expect(contacts.other).toBe('联系人');
    const c = await api<{ data: { id: number } }>(user, 'POST', '/contacts', { name: '描述符测试', mobile: '13800138000' });

    await page.goto('/');
    const menu = page.locator('.ant-layout-sider .ant-menu, .ant-menu').first();
    const entry = menu.locator('.ant-menu-item', { hasText: contacts.other });
    await entry.first().waitFor();
    // The groups come in the descriptors' order: customers (accounts, contacts) before work.
    const labels = (await menu.locator('.ant-menu-item').allTextContents()).map((s) => s.trim());
    expect(labels.indexOf('客户公司')).toBeLessThan(labels.indexOf('联系人'));
    expect(labels.indexOf('联系人')).toBeLessThan(labels.indexOf('任务'));
    await entry.first().click();
    await page.waitForURL(/\/contacts$/);
    await page.locator('.gx-page-head h1', { hasText: '联系人' }).waitFor();
    // A list column header is the field's label from the descriptor.
    await page.locator('.ant-table-thead th', { hasText: contacts.fields.name! }).first().waitFor();

    await page.locator('.gx-row', { hasText: '描述符测试' }).first().click();
    await page.waitForURL(new RegExp(`/contacts/${c.data.id}$`));
    await page.locator('.ant-breadcrumb', { hasText: '联系人' }).waitFor();
    await page.getByTestId('record-details').locator('.gx-section-title', { hasText: contacts.sections.contact! }).waitFor();
    expect(b.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });

  it('answers an unknown object with the not-found page, and opens drawer objects over their list', async () => {
    const { page } = b;
    await page.goto('/gadgets');
    await page.locator('.ant-result').waitFor();
    const task = await api<{ data: { id: number } }>(user, 'POST', '/tasks', { title: '描述符任务' });
    await page.goto(`/tasks/${task.data.id}`);
    await page.waitForURL(/\/tasks\/all\?open=\d+$/);
    await page.locator('form#form-tasks').waitFor();
  });
});
