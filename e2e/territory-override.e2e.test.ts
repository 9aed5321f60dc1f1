import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSession, api, apiLogin, openBrowser, useSession, type Browser, type Session } from './helpers.ts';

// An administrator sets an account's territory by hand (locked), in 繁體中文, then hands it back to the rules.
describe('territory override on the account page', () => {
  const stamp = Date.now();
  let admin: Session;
  let viewer: Session;
  let accountId = 0;
  const browsers: Browser[] = [];

  beforeAll(async () => {
    admin = await adminSession();
    const who = { email: `terr-${stamp}@example.tw`, password: 'password-123' };
    await api(admin, 'POST', '/users', { ...who, name: '區域管理員', role: 'admin', locale: 'zh-TW' });
    viewer = await apiLogin(who.email, who.password);
    await api(admin, 'POST', '/territories', { name: `華南區 ${stamp}` });
    accountId = (await api<{ data: { id: number } }>(admin, 'POST', '/accounts', { name: `深圳測試 ${stamp}` })).data.id;
  });
  afterAll(async () => {
    for (const b of browsers) await b.close();
  });

  it('sets and locks a territory from the account page, then hands it back', async () => {
    const b = await openBrowser();
    browsers.push(b);
    await useSession(b, viewer, 'zh-TW');
    await b.page.goto(`/accounts/${accountId}`);
    await b.page.getByTestId('territory-override').click();
    const dialog = b.page.getByRole('dialog');
    await dialog.locator('#territory-override-select').click();
    await b.page.keyboard.type(`華南區 ${stamp}`);
    await b.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: `華南區 ${stamp}` }).click();
    await dialog.getByRole('button', { name: /指定並鎖定/ }).click();
    await expect.poll(async () => (await api<{ data: { territory_locked: boolean; refs?: { territory_id?: { title: string } } } }>(admin, 'GET', `/accounts/${accountId}`)).data, { timeout: 10_000 })
      .toMatchObject({ territory_locked: true, refs: { territory_id: { title: `華南區 ${stamp}` } } });

    await b.page.getByTestId('territory-override').click();
    await b.page.getByRole('dialog').getByRole('button', { name: /交回規則分配/ }).click();
    await expect.poll(async () => (await api<{ data: { territory_locked: boolean } }>(admin, 'GET', `/accounts/${accountId}`)).data.territory_locked, { timeout: 10_000 }).toBe(false);
    expect(b.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });
});
