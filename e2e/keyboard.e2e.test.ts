import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSession, api, filterByKeyboard, focusedTestId, openBrowser, openTaskByKeyboard, tabUntil, useSession, type Browser, type Session } from './helpers.ts';

const tabTo = (page: Page, testId: string) => tabUntil(page, `[data-testid="${testId}"]`, { max: 150 });

describe('keyboard only, in 简体中文: filter a list, open a task, edit a field', () => {
  let b: Browser;
  let contactId: number;
  let admin: Session;
  beforeAll(async () => {
    admin = await adminSession();
    // The signed-in user's saved language wins over the browser's: save zh-CN for the run.
    await api(admin, 'PATCH', '/auth/me', { locale: 'zh-CN' });
    contactId = (await api<{ data: { id: number } }>(admin, 'POST', '/contacts', { name: 'Keyboard Kim' })).data.id;
    await api(admin, 'POST', '/contacts', { name: 'Mouse Mia' });
    await api(admin, 'POST', '/tasks', { title: 'Call Kim by keyboard', contact_id: contactId, due_at: new Date(Date.now() + 3_600_000).toISOString() });
    b = await openBrowser();
    await useSession(b, admin, 'zh-CN');
  });
  afterAll(async () => {
    await api(admin, 'PATCH', '/auth/me', { locale: 'en' });
    await b?.close();
  });

  it('filters the contacts list through "Add filter": focus moves into the popover and back', async () => {
    const { page } = b;
    await page.goto('/contacts');
    await filterByKeyboard(page, { field: '姓名', value: 'Keyboard', hidden: 'Mouse Mia', shown: 'Keyboard Kim' });
  });

  it('opens a task from the task list with Enter', async () => {
    await openTaskByKeyboard(b.page, 'Call Kim by keyboard');
  });

  it('edits a field on the record page: Enter opens, Escape cancels, Space reopens, Tab + Enter saves, focus stays', async () => {
    const { page } = b;
    await page.goto(`/contacts/${contactId}`);
    await page.getByTestId('record-title').waitFor();
    await tabTo(page, 'field-edit-name');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('Keyboard Kim');
    await page.keyboard.press('Escape');
    await expect.poll(() => focusedTestId(page)).toBe('field-edit-name');
    await page.keyboard.press('Space');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('INPUT');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Keyboard Kim 金');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('record-title').textContent()).toBe('Keyboard Kim 金');
    await expect.poll(() => focusedTestId(page)).toBe('field-edit-name');
  });
});
