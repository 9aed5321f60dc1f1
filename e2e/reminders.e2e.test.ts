import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSession, api, openBrowser, useSession, type Browser, type Session } from './helpers.ts';

describe('task reminders', () => {
  let admin: Session;
  let b: Browser;
  const title = `回访王总 ${Date.now()}`;

  beforeAll(async () => {
    admin = await adminSession();
    const me = await api<{ data: { id: number } }>(admin, 'GET', '/auth/me');
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    const aMinuteAgo = new Date(Date.now() - 60_000).toISOString();
    // Due tomorrow, reminder already passed: it is in the bell and pops up once.
    await api(admin, 'POST', '/tasks', { title, due_at: tomorrow, reminder_at: aMinuteAgo, owner_id: me.data.id });
    await api(admin, 'POST', '/tasks', { title: 'Later task', due_at: tomorrow, reminder_at: tomorrow, owner_id: me.data.id });
    b = await openBrowser();
    await useSession(b, admin);
  });
  afterAll(async () => b.close());

  it('pops a notification when the reminder time has come and lists the task in the bell', async () => {
    const { page } = b;
    await page.goto('/contacts');
    const note = page.locator('.ant-notification-notice', { hasText: title });
    await note.waitFor();
    expect(await note.textContent()).toContain('Task reminder');
    await page.getByTestId('tasks-due').click();
    const popover = page.locator('.ant-popover');
    await popover.getByText(title).waitFor();
    expect(await popover.getByText('Later task').count()).toBe(0);
    // Due tomorrow: listed for its reminder, but not red (not overdue).
    const when = popover.locator('.gx-list-row', { hasText: title }).getByTestId('task-due-when');
    expect(await when.getAttribute('class')).not.toContain('danger');
    // The pop-up sits below the header, never over it.
    const header = await page.locator('.ant-layout-header').boundingBox();
    const box = await note.boundingBox();
    expect(box!.y).toBeGreaterThan(header!.y + header!.height);
    // Once per reminder in this browser: neither a reload nor another tab pops it again.
    await page.reload();
    await page.getByTestId('tasks-due').waitFor();
    const other = await b.context.newPage();
    await other.goto('/contacts');
    await other.getByTestId('tasks-due').waitFor();
    await page.waitForTimeout(1500);
    expect(await page.locator('.ant-notification-notice', { hasText: title }).count()).toBe(0);
    expect(await other.locator('.ant-notification-notice', { hasText: title }).count()).toBe(0);
    await other.close();
  });
});
