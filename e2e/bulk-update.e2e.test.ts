import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSession, api, apiLogin, openBrowser, useSession, type Browser, type Session } from './helpers.ts';

// Working faster in zh-CN: tick the page, "select all N matching" across pages, set the owner
// of every matching record after confirming the count, and see the records change.
describe('bulk update of all matching records (zh-CN)', () => {
  let b: Browser;
  let admin: Session;
  let owner: number;
  let outsider: number;
  const city = `批量城${Date.now() % 100000}`;
  const N = 57; // more than one page of 50

  beforeAll(async () => {
    admin = await adminSession();
    owner = (await api<{ data: { id: number } }>(admin, 'POST', '/users', { email: `bulk-${Date.now()}@e2e.guanxi`, name: '批量经理', password: 'password-1234', role: 'manager', locale: 'zh-CN' })).data.id;
    for (let i = 0; i < N; i++) await api(admin, 'POST', '/contacts', { name: `批量联系人 ${i}`, city });
    // Outside the filter: "all matching" must leave it alone.
    outsider = (await api<{ data: { id: number } }>(admin, 'POST', '/contacts', { name: '批量之外', city: `${city}外` })).data.id;
    b = await openBrowser();
    // A user whose own language is 简体中文 (a profile's locale wins over the browser's).
    const email = `bulk-admin-${Date.now()}@e2e.guanxi`;
    await api(admin, 'POST', '/users', { email, name: '批量管理员', password: 'password-1234', role: 'admin', locale: 'zh-CN' });
    await useSession(b, await apiLogin(email, 'password-1234'), 'zh-CN');
  });
  afterAll(async () => {
    await b?.close();
  });

  it('selects all matching, assigns the owner and confirms the count', async () => {
    const { page } = b;
    await page.goto(`/contacts/all?filter[city][eq]=${encodeURIComponent(city)}`);
    await expect.poll(() => page.getByTestId('list-count').textContent(), { timeout: 20_000 }).toContain(String(N));
    await page.locator('.ant-table-thead .ant-checkbox-input').first().check();
    const offer = page.getByTestId('select-all-matching');
    await offer.getByRole('button', { name: `选择全部 ${N} 条符合条件的记录` }).click();
    await expect.poll(() => page.getByTestId('bulk-bar').textContent(), { timeout: 10_000 }).toContain(`已选择全部 ${N} 条符合条件的记录`);

    await page.getByTestId('bulk-bar').getByRole('button', { name: '分配负责人' }).click();
    const dialog = page.locator('.ant-modal:visible');
    expect(await dialog.getByTestId('bulk-scope').textContent()).toBe(`将应用到 ${N} 条记录。`);
    await dialog.locator('.ant-select').click();
    await page.keyboard.type('批量经理');
    await page.locator('.ant-select-item-option', { hasText: '批量经理' }).click();
    await dialog.getByRole('button', { name: `应用到 ${N} 条记录` }).click();
    // Every matching record gets the owner (read back through the API), then the list shows it.
    const owners = async () => (await api<{ data: { owner_id: number }[] }>(admin, 'GET', `/contacts?filter[city]=${encodeURIComponent(city)}&limit=100&columns=owner_id`)).data;
    await expect.poll(async () => (await owners()).filter((r) => r.owner_id === owner).length, { timeout: 60_000 }).toBe(N);

    const page1 = await api<{ data: { owner_id: number }[]; next_cursor: string | null }>(admin, 'GET', `/contacts?filter[city]=${encodeURIComponent(city)}&limit=100&columns=owner_id`);
    expect(page1.data).toHaveLength(N);
    expect(page1.data.every((r) => r.owner_id === owner)).toBe(true);
    expect((await api<{ data: { owner_id: number | null } }>(admin, 'GET', `/contacts/${outsider}`)).data.owner_id).not.toBe(owner);
    expect(b.errors).toEqual([]);
  });
});
