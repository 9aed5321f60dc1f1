import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSession, api, openBrowser, useSession, type Browser } from './helpers.ts';

describe('global search', () => {
  let b: Browser;
  let id: number;
  beforeAll(async () => {
    const admin = await adminSession();
    id = (await api<{ data: { id: number } }>(admin, 'POST', '/contacts', { name: '张三', mobile: '13700001111' })).data.id;
    b = await openBrowser();
    await useSession(b, admin);
  });
  afterAll(async () => {
    await b?.close();
  });

  it('finds 张三 when typing the Traditional 張三 in the top bar (Ctrl+K) and opens the record', async () => {
    const { page } = b;
    await page.goto('/accounts');
    await page.getByTestId('record-table').waitFor();
    await page.keyboard.press('Control+k');
    await page.keyboard.type('張三', { delay: 30 });
    const hit = page.getByTestId('search-hit').filter({ hasText: '张三' }).first();
    await hit.waitFor();
    await hit.click();
    await page.waitForURL(new RegExp(`/contacts/${id}$`));
    await expect.poll(() => page.getByTestId('record-title').textContent()).toBe('张三');
  });
});
