import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSession, api, apiLogin, openBrowser, useSession, type Browser, type Session } from './helpers.ts';

// Two people edit one record: the second save must not silently overwrite the first.
describe('edit conflicts', () => {
  let b: Browser;
  let admin: Session;
  let other: Session;
  beforeAll(async () => {
    admin = await adminSession();
    await api(admin, 'POST', '/users', { email: 'wang.fang@e2e.guanxi', name: '王芳', password: 'marketing-password-1', role: 'marketing', locale: 'en' });
    other = await apiLogin('wang.fang@e2e.guanxi', 'marketing-password-1');
    b = await openBrowser();
    await useSession(b, admin);
  });
  afterAll(async () => {
    await b?.close();
  });

  async function openEditor(id: number) {
    const { page } = b;
    await page.goto(`/contacts/${id}`);
    await page.getByTestId('record-edit').click();
    await page.locator('#form-contacts_city').waitFor();
  }

  it('says who changed the record meanwhile; Overwrite saves the edits over theirs', async () => {
    const { page } = b;
    const id = (await api<{ data: { id: number } }>(admin, 'POST', '/contacts', { name: '冲突测试', city: '北京' })).data.id;
    await openEditor(id);
    await api(other, 'PATCH', `/contacts/${id}`, { city: '广州' });
    await page.fill('#form-contacts_city', '上海');
    await page.getByTestId('record-form-save').click();
    const alert = page.getByTestId('record-form-conflict');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('王芳');
    // The message is scrolled into view: the save was pressed with a field far down the form in view.
    await expect.poll(async () => {
      const box = await alert.boundingBox();
      return Boolean(box && box.y >= 0 && box.y + box.height <= page.viewportSize()!.height);
    }, { timeout: 5_000 }).toBe(true);
    // Nothing was written by the refused save.
    expect((await api<{ data: { city: string } }>(admin, 'GET', `/contacts/${id}`)).data.city).toBe('广州');
    await page.getByTestId('record-form-overwrite').click();
    await page.locator('#form-contacts_city').waitFor({ state: 'detached' });
    const saved = (await api<{ data: { city: string; version: number } }>(admin, 'GET', `/contacts/${id}`)).data;
    expect(saved).toMatchObject({ city: '上海', version: 3 });
    expect(b.errors.filter((e) => !/status of 409/.test(e))).toEqual([]);
  });

  it('Reload shows their version in the form and drops the edits', async () => {
    const { page } = b;
    const id = (await api<{ data: { id: number } }>(admin, 'POST', '/contacts', { name: '重新载入', city: '北京' })).data.id;
    await openEditor(id);
    await api(other, 'PATCH', `/contacts/${id}`, { city: '深圳' });
    await page.fill('#form-contacts_city', '杭州');
    await page.getByTestId('record-form-save').click();
    await page.getByTestId('record-form-conflict').waitFor();
    await page.getByTestId('record-form-reload').click();
    await page.getByTestId('record-form-conflict').waitFor({ state: 'detached' });
    expect(await page.inputValue('#form-contacts_city')).toBe('深圳');
    // Saving now is based on their version: no conflict.
    await page.fill('#form-contacts_city', '杭州');
    await page.getByTestId('record-form-save').click();
    await page.locator('#form-contacts_city').waitFor({ state: 'detached' });
    expect((await api<{ data: { city: string } }>(admin, 'GET', `/contacts/${id}`)).data.city).toBe('杭州');
  });
});
