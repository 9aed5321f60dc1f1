import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSession, api, apiLogin, openBrowser, useSession, type Browser, type Session } from './helpers.ts';

// The advanced filter (components/ConditionBuilder.tsx): a two-condition OR built in the UI
// narrows the accounts list; saved as a view, it is still applied after a reload.
describe('the condition builder', () => {
  let admin: Session;
  let b: Browser | undefined;
  const stamp = Date.now();
  const ind = (x: string) => `Ind${x}${stamp}`;

  beforeAll(async () => {
    admin = await adminSession();
    for (const x of ['A', 'B', 'C']) await api(admin, 'POST', '/accounts', { name: `Cond ${x} ${stamp}`, industry: ind(x) });
  });
  afterAll(async () => b?.close());

  it('builds an OR filter, saves it as a view, and keeps it after a reload', async () => {
    b = await openBrowser();
    await useSession(b, admin);
    const { page } = b;
    const rows = page.getByTestId('record-table').locator('tbody tr.gx-row');
    const names = async () => (await rows.allInnerTexts()).map((r) => /Cond [ABC] \d+/.exec(r)?.[0] ?? r).sort();
    await page.goto('/accounts');
    await rows.first().waitFor();
    await page.getByTestId('advanced-filter').click();
    await page.getByLabel('Match').click();
    // A dropdown still closing is visible for a moment: wait until it is gone before the next one
    // opens, so an option is never looked for in the previous select's list.
    const dropdownsClosed = () => expect.poll(() => page.locator('.ant-select-dropdown:visible').count(), { timeout: 5_000 }).toBe(0);
    await page.locator('.ant-select-item-option', { hasText: 'any of these' }).click();
    await dropdownsClosed();
    for (const [i, x] of [[0, 'A'], [1, 'B']] as const) {
      await page.getByTestId('condition-add').click();
      await page.getByLabel('Field', { exact: true }).nth(i).click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^Industry$/ }).click();
      await dropdownsClosed();
      await page.getByTestId('condition-value').nth(i).locator('input').fill(ind(x));
    }
    if (process.env.GUANXI_E2E_SHOTS) await page.screenshot({ path: `${process.env.GUANXI_E2E_SHOTS}/conditions-builder.png` });
    await page.getByTestId('conditions-apply').click();
    await expect.poll(names, { timeout: 15_000 }).toEqual([`Cond A ${stamp}`, `Cond B ${stamp}`]);

    await page.getByTestId('save-view').click();
    await page.getByRole('dialog').getByLabel('Name').fill(`OR view ${stamp}`);
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/view=\d+/);
    await page.reload();
    await expect.poll(names, { timeout: 15_000 }).toEqual([`Cond A ${stamp}`, `Cond B ${stamp}`]);

    // On a phone, in Chinese (a user whose saved language is zh-CN): the builder fits the screen.
    const email = `zh-cond-${stamp}@e2e.guanxi`;
    await api(admin, 'POST', '/users', { email, name: '条件管理员', password: 'password-1234', role: 'admin', locale: 'zh-CN' });
    const phone = await openBrowser({ width: 390, height: 844 });
    try {
      await useSession(phone, await apiLogin(email, 'password-1234'), 'zh-CN');
      await phone.page.goto('/accounts');
      await phone.page.getByTestId('advanced-filter').click();
      await phone.page.getByTestId('condition-add').click();
      await phone.page.getByRole('button', { name: '关联记录' }).click();
      await phone.page.getByTestId('condition-related').waitFor();
      if (process.env.GUANXI_E2E_SHOTS) await phone.page.screenshot({ path: `${process.env.GUANXI_E2E_SHOTS}/conditions-phone-zh-CN.png` });
      expect(await phone.page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    } finally {
      await phone.close();
    }
  });
});
