import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSession, api, openBrowser, useSession, type Browser, type Session } from './helpers.ts';

// A 繁體中文 user corrects one digit of a mainland number stored without a country code: the
// code shown and saved is the organisation's region's (+86 for CN), never the UI language's (+886).
describe('phone input in zh-TW', () => {
  let b: Browser;
  let admin: Session;
  beforeAll(async () => {
    admin = await adminSession();
    await api(admin, 'PATCH', '/settings', { phone_region: 'CN' });
    b = await openBrowser();
    await useSession(b, admin, 'zh-TW');
  });
  afterAll(async () => {
    await b?.close();
  });

  it('keeps the mainland meaning of a number stored without a prefix', async () => {
    const { page } = b;
    const id = (await api<{ data: { id: number } }>(admin, 'POST', '/contacts', { name: '陳大文', mobile: '13800138000' })).data.id;
    await page.goto(`/contacts/${id}`);
    await page.getByTestId('record-edit').click();
    const input = page.locator('#form-contacts_mobile');
    await input.waitFor();
    expect(await input.inputValue()).toBe('13800138000');
    // The code picker beside the number shows the region's code.
    const picker = input.locator('xpath=..');
    expect(await picker.textContent()).toContain('+86');
    expect(await picker.textContent()).not.toContain('+886');
    await input.fill('13800138001');
    await page.getByTestId('record-form-save').click();
    await input.waitFor({ state: 'detached' });
    const saved = (await api<{ data: { mobile: string } }>(admin, 'GET', `/contacts/${id}`)).data.mobile;
    expect(saved).toBe('+86 13800138001');
    expect(b.errors).toEqual([]);
  });
});
