import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSession, api, apiLogin, openBrowser, uiLogin, useSession, type Browser, type Session } from './helpers.ts';

describe('home page', () => {
  let admin: Session;
  const stamp = Date.now();
  const rep = { email: `rep-${stamp}@home.example.cn`, password: 'password-123' };
  const boss = { email: `boss-${stamp}@home.example.cn`, password: 'password-123' };
  const title = `回访张总 ${stamp}`;
  let taskId = 0;
  const browsers: Browser[] = [];

  beforeAll(async () => {
    admin = await adminSession();
    const b = await api<{ data: { id: number } }>(admin, 'POST', '/users', { ...boss, name: '王经理', role: 'manager', locale: 'zh-CN' });
    const team = await api<{ data: { id: number } }>(admin, 'POST', '/teams', { name: `华东 ${stamp}`, manager_id: b.data.id });
    const r = await api<{ data: { id: number } }>(admin, 'POST', '/users', { ...rep, name: '李销售', role: 'sales', team_id: team.data.id, locale: 'zh-TW' });
    const overdue = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const task = await api<{ data: { id: number } }>(admin, 'POST', '/tasks', { title, due_at: overdue, owner_id: r.data.id });
    taskId = task.data.id;
    const repSession = await apiLogin(rep.email, rep.password);
    const account = await api<{ data: { id: number } }>(repSession, 'POST', '/accounts', { name: `上海云杉 ${stamp}` });
    await api(repSession, 'POST', '/activities', { kind: 'call', subject: '电话回访', account_id: account.data.id });
  });
  afterAll(async () => {
    for (const b of browsers) await b.close();
  });

  it('signing in lands on Home; the overdue task widget lists the task and opens it', async () => {
    const b = await openBrowser();
    browsers.push(b);
    const { page } = b;
    await uiLogin(page, rep.email, rep.password);
    expect(new URL(page.url()).pathname).toBe('/');
    const card = page.locator('[data-widget="tasks.due"]');
    await card.getByText(title).waitFor();
    // The rep's own language (繁體中文) follows them to any browser.
    expect(await card.getByText('已逾期').first().isVisible()).toBe(true);
    // A sales rep gets no team widgets.
    expect(await page.locator('[data-widget="activities.team_week"]').count()).toBe(0);
    await card.getByText(title).click();
    await page.waitForURL((u) => u.pathname.startsWith('/tasks/') || u.search.includes(`open=${taskId}`));
    expect(page.url()).toContain(String(taskId));
    await page.screenshot({ path: '/tmp/home-rep-task.png', fullPage: true });
    expect(b.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });

  it('a manager in 简体中文 sees the team cards; a rep on a phone in 繁體中文 gets stacked cards', async () => {
    const desk = await openBrowser();
    browsers.push(desk);
    await useSession(desk, await apiLogin(boss.email, boss.password), 'zh-CN');
    await desk.page.goto('/');
    const week = desk.page.locator('[data-widget="activities.team_week"]');
    await week.getByText('团队本周活动').waitFor();
    await week.getByText('李销售').waitFor();
    await desk.page.getByText('我的一天').waitFor();
    await desk.page.screenshot({ path: '/tmp/home-manager-zh-CN.png', fullPage: true });

    const phone = await openBrowser({ width: 390, height: 844 });
    browsers.push(phone);
    await useSession(phone, await apiLogin(rep.email, rep.password), 'zh-TW');
    await phone.page.goto('/');
    const due = phone.page.locator('[data-widget="tasks.due"]');
    await due.getByText('我的到期任務').waitFor();
    await due.getByText(title).waitFor();
    // Stacked: every card as wide as the page content, one under the other.
    const boxes = await phone.page.locator('.gx-widget').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, w: r.width })));
    expect(boxes.length).toBeGreaterThan(1);
    expect(new Set(boxes.map((r) => Math.round(r.x))).size).toBe(1);
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.y).toBeGreaterThan(boxes[i - 1]!.y);
    await phone.page.screenshot({ path: '/tmp/home-rep-zh-TW-phone.png', fullPage: true });
  });
});
