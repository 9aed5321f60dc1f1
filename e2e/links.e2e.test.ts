import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSession, api, filterByKeyboard, focusedTestId, openBrowser, openTaskByKeyboard, tabUntil, useSession, type Browser, type Session } from './helpers.ts';

// Issue 14, "everyone can use it": what a mouse clicks, a keyboard reaches (users, teams, import
// jobs, task titles, the saved view's menu, column sorting), named in the user's language.
// The tasks made here are deleted afterwards: other files open the first task on /tasks.
const taskIds: number[] = [];

const focused = focusedTestId;

describe('links and buttons a keyboard reaches, in 简体中文', () => {
  let b: Browser;
  let admin: Session;
  let viewId: number;
  beforeAll(async () => {
    admin = await adminSession();
    await api(admin, 'PATCH', '/auth/me', { locale: 'zh-CN' });
    await api(admin, 'POST', '/contacts', { name: '张三键盘' });
    await api(admin, 'POST', '/contacts', { name: '李四键盘' });
    taskIds.push((await api<{ data: { id: number } }>(admin, 'POST', '/tasks', { title: '键盘任务 Links' })).data.id);
    await api(admin, 'POST', '/teams', { name: '键盘团队' });
    viewId = (await api<{ data: { id: number } }>(admin, 'POST', '/views', { object: 'contacts', name: '键盘视图', filters: [], sort: 'name', columns: ['name', 'email'] })).data.id;
    b = await openBrowser();
    await useSession(b, admin, 'zh-CN');
  });
  afterAll(async () => {
    for (const id of taskIds.splice(0)) await api(admin, 'DELETE', `/tasks/${id}`);
    await api(admin, 'PATCH', '/auth/me', { locale: 'en' });
    await b?.close();
  });

  it('gives list tables real column headers: sorting is a button, the header says its order, checkboxes name their record', async () => {
    const { page } = b;
    await page.goto('/contacts?q=键盘');
    const table = page.getByTestId('record-table');
    await table.getByText('张三键盘').waitFor();
    const nameHeader = table.locator('th[data-col="name"]');
    expect(await nameHeader.getAttribute('scope')).toBe('col');
    await tabUntil(page, 'th[data-col="name"] button');
    await page.keyboard.press('Enter');
    await expect.poll(() => nameHeader.getAttribute('aria-sort')).toBe('ascending');
    await page.keyboard.press('Space');
    await expect.poll(() => nameHeader.getAttribute('aria-sort')).toBe('descending');
    // The sorted column alone says so; the others are plain sortable headers.
    expect(await table.locator('th[aria-sort]').count()).toBe(1);
    await expect.poll(() => table.locator('tbody tr.ant-table-row').first().textContent()).toContain('张三键盘');
    expect(await table.getByRole('checkbox', { name: '选择 张三键盘' }).count()).toBe(1);
    expect(await table.getByRole('checkbox', { name: '选择本页全部记录' }).count()).toBe(1);
    expect(await page.getByText(/Select row/).count()).toBe(0);
  });

  it("opens the saved view's menu from the keyboard", async () => {
    const { page } = b;
    await page.goto(`/contacts?view=${viewId}`);
    await page.getByTestId('view-menu').waitFor();
    await tabUntil(page, '[data-testid="view-menu"]');
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: '重命名' }).waitFor();
    await page.keyboard.press('Escape');
  });

  it('opens a task from its title in the task list with Enter', async () => {
    const { page } = b;
    await page.goto('/tasks/all?q=键盘任务');
    const title = page.getByRole('button', { name: '键盘任务 Links' });
    await title.waitFor();
    await tabUntil(page, '[data-testid="row-open"]', { text: '键盘任务 Links' });
    await page.keyboard.press('Enter');
    const drawer = page.locator('.ant-drawer-open');
    await drawer.waitFor();
    await expect.poll(() => drawer.locator('input').first().inputValue()).toBe('键盘任务 Links');
    await page.keyboard.press('Escape');
  });

  it('opens users and teams from a button in their row', async () => {
    const { page } = b;
    await page.goto('/settings/users');
    await page.getByTestId('user-open').first().waitFor();
    await tabUntil(page, '[data-testid="user-open"]');
    await page.keyboard.press('Enter');
    await page.locator('.ant-modal').getByText('编辑用户').waitFor();
    await page.keyboard.press('Escape');
    await page.goto('/settings/teams');
    await page.getByRole('button', { name: '键盘团队' }).waitFor();
    await tabUntil(page, '[data-testid="team-open"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.ant-modal input').first().inputValue()).not.toBe('');
    await page.keyboard.press('Escape');
  });

  it('ties form errors to their inputs, our own inputs (phone, lookup) included', async () => {
    const { page } = b;
    await page.goto('/contacts');
    await page.getByTestId('list-new').click();
    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByTestId('record-form-save').waitFor();
    await drawer.locator('input[type="tel"]').first().fill('电话号码');
    await drawer.getByTestId('record-form-save').click();
    // The error text an input's aria-describedby points at.
    const describedBy = (sel: string) => drawer.locator(sel).first().evaluate((el) =>
      (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
    await expect.poll(() => drawer.locator('#form-contacts_name').getAttribute('aria-invalid')).toBe('true');
    expect(await describedBy('#form-contacts_name')).toMatch(/姓名/);
    await expect.poll(() => drawer.locator('input[type="tel"]').first().getAttribute('aria-invalid')).toBe('true');
    expect(await describedBy('input[type="tel"]')).not.toBe('');
    await page.keyboard.press('Escape');
    const discard = page.locator('.ant-modal-confirm .ant-btn-dangerous');
    if (await discard.count()) await discard.click();
  });

  it('reads the audit log of users, roles and settings in Chinese', async () => {
    const { page } = b;
    const rep = await api<{ data: { id: number } }>(admin, 'POST', '/users', { email: `audit-${Date.now()}@example.com`, name: '审计用户', password: 'Secret-pass-123', role: 'sales' });
    await api(admin, 'PATCH', `/users/${rep.data.id}`, { role: 'manager', active: false });
    await api(admin, 'PATCH', '/roles/sales', { field_rules: { contacts: { email: 'hidden' } } });
    await page.goto('/settings/audit-log');
    const table = page.locator('.ant-table');
    await table.getByText('角色:').first().waitFor();
    const text = await table.textContent();
    expect(text).toContain('销售经理');
    expect(text).toContain('启用:');
    expect(text).toContain('字段权限 · 联系人 · 邮箱:');
    expect(text).toContain('隐藏');
    expect(text).not.toMatch(/\brole:|field_rules|team_id/);
    await api(admin, 'PATCH', '/roles/sales', { field_rules: { contacts: { email: null } } });
  });
});

describe('keyboard only in 繁體中文 on a phone (390×844): filter a list, open a task, edit a field', () => {
  let b: Browser;
  let admin: Session;
  let contactId: number;
  beforeAll(async () => {
    admin = await adminSession();
    await api(admin, 'PATCH', '/auth/me', { locale: 'zh-TW' });
    contactId = (await api<{ data: { id: number } }>(admin, 'POST', '/contacts', { name: '鍵盤王小明' })).data.id;
    await api(admin, 'POST', '/contacts', { name: '滑鼠陳大文' });
    taskIds.push((await api<{ data: { id: number } }>(admin, 'POST', '/tasks', { title: '用鍵盤打給小明', contact_id: contactId, due_at: new Date(Date.now() + 3_600_000).toISOString() })).data.id);
    await api(admin, 'PUT', '/settings/exchange-rates', { rates: [{ from_currency: 'TWD', valid_from: '2020-01-01', rate: '0.22' }] });
    await api(admin, 'POST', '/opportunities', { name: '台北專案 NT', amount: '12345', currency: 'TWD' });
    b = await openBrowser({ width: 390, height: 844 });
    await useSession(b, admin, 'zh-TW');
  });
  afterAll(async () => {
    for (const id of taskIds.splice(0)) await api(admin, 'DELETE', `/tasks/${id}`);
    await api(admin, 'PATCH', '/auth/me', { locale: 'en' });
    await b?.close();
  });

  it('filters the contacts list through the filter popover with Tab, Enter and typing', async () => {
    const { page } = b;
    await page.goto('/contacts');
    await filterByKeyboard(page, { field: '姓名', value: '鍵盤', hidden: '滑鼠陳大文', shown: '鍵盤王小明' });
  });

  it('opens a task with Enter and closes it with Escape', async () => {
    await openTaskByKeyboard(b.page, '用鍵盤打給小明');
  });

  it('edits a field on the record page: Enter opens, Escape cancels, Tab + Enter saves', async () => {
    const { page } = b;
    await page.goto(`/contacts/${contactId}`);
    await page.getByTestId('record-title').waitFor();
    // On a phone the fields are a tab of their own: Tab to the tab strip, arrows to 詳細資料, Enter.
    await tabUntil(page, '.gx-record-tabs [role="tab"][aria-selected="true"]');
    for (let i = 0; i < 6 && !(await page.evaluate(() => Boolean(document.activeElement?.id.endsWith('-tab-details')))); i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await tabUntil(page, '[data-testid="field-edit-name"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('鍵盤王小明');
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page)).toBe('field-edit-name');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('鍵盤王小明 改');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('record-title').textContent()).toBe('鍵盤王小明 改');
    await expect.poll(() => focused(page)).toBe('field-edit-name');
  });

  it('shows New Taiwan dollars as NT$ and the brand in Traditional characters', async () => {
    const { page } = b;
    await page.goto('/opportunities/all?q=台北專案');
    await page.getByText('台北專案 NT').first().waitFor();
    await expect.poll(() => page.getByTestId('record-table').textContent()).toContain('NT$12,345');
    expect(await page.title()).toMatch(/· Guanxi 關係$/);
    // The brand sits in the menu drawer on a phone.
    await page.locator('.gx-header button').first().click();
    await expect.poll(() => page.locator('.ant-drawer-open [data-testid="brand-mark"]').textContent()).toBe('關');
  });
});
