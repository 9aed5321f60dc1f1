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
    // Once per session: a reload does not pop it again.
    await page.reload();
    await page.getByTestId('tasks-due').waitFor();
    await page.waitForTimeout(1500);
    expect(await page.locator('.ant-notification-notice', { hasText: title }).count()).toBe(0);
  });
});
