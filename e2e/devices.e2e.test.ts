import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, apiLogin, openBrowser, useSession, type Browser, type Session } from './helpers.ts';
import { freshDatabase, ROOT, startServer, type FreshDatabase, type RunningServer } from './server.ts';

// The acceptance module (src/server/test-modules/devices) in the browser: a server of its own
// started with GUANXI_MODULES naming the folder (its migration runs on start), so the shared
// server of the other files keeps the built-in objects only. Nothing in src/web names devices:
// the menu entry, list, form, related list and labels all come from its descriptor.
const ADMIN = { email: 'admin@devices.e2e.guanxi', password: 'e2e-devices-admin-password' };

describe('a module object (devices) in the browser', () => {
  let db: FreshDatabase | null;
  let server: RunningServer;
  let b: Browser;
  let admin: Session;
  let user: Session;
  beforeAll(async () => {
    db = await freshDatabase();
    server = await startServer({
      adminEmail: ADMIN.email,
      adminPassword: ADMIN.password,
      databaseUrl: db?.url,
      env: { GUANXI_MODULES: path.join(ROOT, 'src', 'server', 'test-modules', 'devices') },
    });
    admin = await apiLogin(ADMIN.email, ADMIN.password, server.url);
    // A manager whose saved language is zh-CN (managers keep the installed base).
    await api(admin, 'POST', '/users', { email: 'li.jingli@devices.e2e.guanxi', name: '李经理', password: 'password-1234', role: 'manager', locale: 'zh-CN' });
    user = await apiLogin('li.jingli@devices.e2e.guanxi', 'password-1234', server.url);
    b = await openBrowser(undefined, server.url);
    await useSession(b, user, 'zh-CN');
  });
  afterAll(async () => {
    await b?.close();
    await server?.stop();
    await db?.drop();
  });

  it('shows 设备 under its menu group, creates one through the form and lists it on its account', async () => {
    const { page } = b;
    const account = await api<{ data: { id: number } }>(user, 'POST', '/accounts', { name: '杭州西湖仪器有限公司' });

    await page.goto('/');
    // The entry sits in the group its definition names (service: 服务).
    const group = page.locator('.ant-menu-item-group', { has: page.locator('.ant-menu-item-group-title', { hasText: '服务' }) });
    const entry = group.locator('.ant-menu-item', { hasText: '设备' });
    await entry.waitFor();
    await entry.click();
    await page.waitForURL(/\/devices$/);
    await page.locator('.gx-page-head h1', { hasText: '设备' }).waitFor();
    await page.locator('.ant-table-thead th', { hasText: '序列号' }).first().waitFor();

    // Created through the form built from the descriptor (quick-create fields, a link field).
    await page.getByTestId('list-new').click();
    const form = page.locator('form#form-devices');
    await form.waitFor();
    await page.fill('#form-devices_name', '前台扫描枪');
    await page.fill('#form-devices_serial', 'SN-E2E-0001');
    await page.click('#form-devices_account_id');
    await page.keyboard.type('西湖仪器');
    await page.locator('.ant-select-item-option', { hasText: '杭州西湖仪器有限公司' }).click();
    await page.getByTestId('record-form-save').click();
    await page.locator('.gx-row', { hasText: '前台扫描枪' }).waitFor();
    const saved = await api<{ data: Record<string, unknown>[] }>(user, 'GET', '/devices?filter[serial]=SN-E2E-0001');
    expect(saved.data).toHaveLength(1);
    expect(saved.data[0]).toMatchObject({ name: '前台扫描枪', account_id: account.data.id, status: 'active' });

    // The account's page has its devices as a related list (declared by devices' link field).
    await page.goto(`/accounts/${account.data.id}`);
    // The account page has many tabs; the strip wraps, so "设备" is on screen and clicked like a user would.
    await page.getByRole('tab', { name: /^设备/ }).click();
    const related = page.getByTestId('related-devices');
    await related.getByText('前台扫描枪').waitFor();
    // A device added from there is linked to the account.
    await related.getByRole('button', { name: '添加设备' }).click();
    await form.waitFor();
    await page.fill('#form-devices_name', '仓库打印机');
    await page.getByTestId('record-form-save').click();
    await related.getByText('仓库打印机').waitFor();
    const linked = await api<{ data: { name: string }[] }>(user, 'GET', `/devices?filter[account_id]=${account.data.id}&sort=name`);
    expect(linked.data.map((d) => d.name).sort()).toEqual(['仓库打印机', '前台扫描枪'].sort());
    expect(b.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });
});
