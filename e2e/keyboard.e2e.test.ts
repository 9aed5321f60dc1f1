import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSession, api, openBrowser, useSession, type Browser, type Session } from './helpers.ts';

/** Presses Tab until the focused element carries the test id (keyboard only, like a user would). */
async function tabTo(page: Page, testId: string, max = 150): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((id) => document.activeElement?.getAttribute('data-testid') === id, testId)) return;
  }
  throw new Error(`Tab never reached ${testId}`);
}

const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? null);
const focusInside = (page: Page, testId: string) =>
  page.evaluate((id) => Boolean(document.activeElement?.closest(`[data-testid="${id}"]`)), testId);

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
    await page.getByTestId('record-table').getByText('Mouse Mia').waitFor();
    await tabTo(page, 'add-filter');
    await page.keyboard.press('Enter');
    await page.getByTestId('filter-editor').waitFor();
    await expect.poll(() => focusInside(page, 'filter-editor')).toBe(true);
    await page.keyboard.type('姓名');
    await page.keyboard.press('Enter');
    // Tab on to the value box (past the operator, whose default "contains" is what we want).
    for (let i = 0; i < 5 && !(await page.evaluate(() => document.activeElement?.tagName === 'INPUT' && document.activeElement.getAttribute('role') !== 'combobox')); i++) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type('Keyboard');
    await page.keyboard.press('Enter');
    await page.getByTestId('filter-chip').waitFor();
    await expect.poll(() => page.getByTestId('record-table').getByText('Mouse Mia').count()).toBe(0);
    await page.getByTestId('record-table').getByText('Keyboard Kim').waitFor();
    await expect.poll(() => focusedTestId(page)).toBe('add-filter');
  });

  it('opens a task from the task list with Enter', async () => {
    const { page } = b;
    await page.goto('/tasks');
    await page.getByTestId('task-open').first().waitFor();
    await tabTo(page, 'task-open');
    await page.keyboard.press('Enter');
    const drawer = page.locator('.ant-drawer-open');
    await drawer.waitFor();
    await expect.poll(() => drawer.locator('input').first().inputValue()).toBe('Call Kim by keyboard');
    await page.keyboard.press('Escape');
    await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });
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
