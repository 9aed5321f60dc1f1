import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSession, api, openBrowser, useSession, type Browser, type Session } from './helpers.ts';

interface Exception { day: string; working: boolean; name: string; source: string }

describe('business calendars', () => {
  let admin: Session;
  let b: Browser;

  beforeAll(async () => {
    admin = await adminSession();
    // Phone width: the admin page and the task form must work there.
    b = await openBrowser({ width: 390, height: 844 });
    await useSession(b, admin);
  });
  afterAll(async () => {
    await api(admin, 'DELETE', '/calendars/default/exceptions/2026-03-02').catch(() => undefined);
    await b.close();
  });

  it('an admin sees the seeded make-up days and adds a company holiday', async () => {
    const { page } = b;
    await page.goto('/settings/calendars');
    await page.getByLabel('Monday').waitFor();
    expect(await page.getByLabel('Monday').inputValue()).toBe('09:00-12:00, 13:30-18:00');
    await page.getByLabel('Year').click();
    await page.locator('.ant-select-item-option', { hasText: '2026' }).click();
    await page.getByRole('cell', { name: '2026-10-10' }).waitFor();

    await page.getByLabel('Name', { exact: true }).last().fill('公司假');
    await page.getByLabel('Date', { exact: true }).click();
    await page.getByLabel('Date', { exact: true }).fill('2026-03-02');
    // Enter picks the typed date and submits the form, as "Add date" does.
    await page.keyboard.press('Enter');
    await page.getByRole('cell', { name: '2026-03-02' }).waitFor();
    const list = await api<{ data: Exception[] }>(admin, 'GET', '/calendars/default/exceptions?year=2026');
    expect(list.data.find((e) => e.day === '2026-03-02')).toMatchObject({ working: false, name: '公司假', source: 'manual' });
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
  });

  it('the task form fills Due from "in N working days"', async () => {
    const { page } = b;
    await page.goto('/tasks');
    await page.getByRole('button', { name: 'New task' }).click();
    const drawer = page.locator('form#form-tasks');
    await drawer.waitFor();
    const box = page.getByTestId('due-in-working-days');
    const days = (await box.evaluate((n) => n.tagName)) === 'INPUT' ? box : box.locator('input');
    await days.fill('3');
    await days.press('Enter');
    const expected = await api<{ data: { at: string } }>(admin, 'POST', '/calendars/default/add', { from: new Date().toISOString(), days: 3 });
    const due = drawer.locator('#form-tasks_due_at');
    await expect.poll(() => due.inputValue()).not.toBe('');
    // The picker shows local minutes; the server's answer for "now" is at most a minute later.
    const shown = new Date((await due.inputValue()).replace(' ', 'T')).getTime();
    expect(Math.abs(shown - new Date(expected.data.at).getTime())).toBeLessThan(120_000);
  });
});
