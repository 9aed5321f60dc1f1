import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSession, api, apiLogin, openBrowser, useSession, type Browser, type Session } from './helpers.ts';

// The API reference page as an integrator meets it: linked from Settings → API keys, and
// "Try it out" on a write works with the web app's signed-in session (no token pasted).
describe('API reference page', () => {
  let b: Browser;
  let admin: Session;
  beforeAll(async () => {
    admin = await adminSession();
    // A user whose saved language is zh-CN: the page in Chinese.
    const email = `api-docs-${Date.now()}@e2e.guanxi`;
    await api(admin, 'POST', '/users', { email, name: '接口用户', password: 'password-1234', role: 'admin', locale: 'zh-CN' });
    b = await openBrowser();
    await useSession(b, await apiLogin(email, 'password-1234'), 'zh-CN');
  });
  afterAll(async () => b?.close());

  it('is linked from the API keys page, and Try it out creates an account as the signed-in user', async () => {
    const { page } = b;
    await page.goto('/settings/api-keys');
    const link = page.getByRole('link', { name: /API 文档/ });
    await expect(link.getAttribute('href')).resolves.toBe('/api/docs');

    await page.goto('/api/docs');
    const op = page.locator('#operations-accounts-createAccount');
    await op.locator('.opblock-summary').click();
    await op.getByRole('button', { name: 'Try it out' }).click();
    await op.locator('textarea.body-param__text').fill(JSON.stringify({ name: '文档试用公司' }));
    await op.getByRole('button', { name: 'Execute' }).click();
    const status = op.locator('.live-responses-table .response .response-col_status');
    await expect(status.first().textContent({ timeout: 20_000 })).resolves.toContain('201');

    const found = await api<{ data: { name: string }[] }>(admin, 'GET', `/accounts?q=${encodeURIComponent('文档试用公司')}`);
    expect(found.data.map((a) => a.name)).toEqual(['文档试用公司']);
    expect(b.errors).toEqual([]);
  });
});
