import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSession, api, openBrowser, useSession, type Browser, type Session } from './helpers.ts';

describe('organisation settings', () => {
  let admin: Session;
  let b: Browser;
  let contactId: number;

  beforeAll(async () => {
    admin = await adminSession();
    contactId = (await api<{ data: { id: number } }>(admin, 'POST', '/contacts', { name: '陳美玲', credit_limit: 88000 })).data.id;
    b = await openBrowser();
    await useSession(b, admin);
  });
  afterAll(async () => {
    await api(admin, 'PATCH', '/settings', { currency: 'CNY', organization_name: '' });
    await b.close();
  });

  it('an admin sets the currency and name; amounts and the menu follow', async () => {
    const { page } = b;
    await page.goto(`/contacts/${contactId}`);
    const amount = page.getByTestId('record-details').locator('[data-field=credit_limit]');
    await expect.poll(() => amount.textContent()).toMatch(/[¥￥]\s?88,000/);

    await page.goto('/settings/organization');
    await page.getByLabel('Organisation name').fill('台北精品茶行');
    await page.getByLabel('Currency', { exact: true }).click();
    await page.keyboard.type('TWD');
    await page.locator('.ant-select-item-option', { hasText: 'TWD' }).first().click();
    await page.getByText(/Example: NT\$/).waitFor();
    await page.locator('form', { hasText: 'Organisation name' }).getByRole('button', { name: 'Save', exact: true }).click();
    await page.locator('.gx-brand-org', { hasText: '台北精品茶行' }).waitFor();
    const saved = await api<{ data: { currency: string } }>(admin, 'GET', '/settings');
    expect(saved.data.currency).toBe('TWD');

    await page.goto(`/contacts/${contactId}`);
    await expect.poll(() => amount.textContent()).toMatch(/NT\$\s?88,000/);
  });
});
