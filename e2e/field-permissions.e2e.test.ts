import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSession, api, apiLogin, openBrowser, useSession, type Browser, type Session } from './helpers.ts';

describe('field permissions', () => {
  let admin: Session;
  let sales: Session;
  let contactId: number;
  let viewId: number;
  const browsers: Browser[] = [];

  beforeAll(async () => {
    admin = await adminSession();
    await api(admin, 'PATCH', '/roles/sales', { field_rules: { contacts: { credit_limit: 'hidden' } } });
    const user = await api<{ data: { id: number } }>(admin, 'POST', '/users', { email: 'li.lei@e2e.guanxi', name: '李雷', password: 'sales-password-1', role: 'sales', locale: 'en' });
    contactId = (await api<{ data: { id: number } }>(admin, 'POST', '/contacts', { name: '韩梅梅', credit_limit: 50000, owner_id: user.data.id })).data.id;
    // A shared list view that asks for the credit-limit column.
    viewId = (await api<{ data: { id: number } }>(admin, 'POST', '/views', { object: 'contacts', name: 'Credit', filters: [], sort: 'name', columns: ['name', 'credit_limit', 'owner_id'], shared: true })).data.id;
    sales = await apiLogin('li.lei@e2e.guanxi', 'sales-password-1');
  });
  afterAll(async () => {
    for (const b of browsers) await b.close();
  });

  async function browserFor(s: Session): Promise<Browser> {
    const b = await openBrowser();
    browsers.push(b);
    await useSession(b, s);
    return b;
  }

  it('the admin sees the credit limit on the record page and as a list column', async () => {
    const { page } = await browserFor(admin);
    await page.goto(`/contacts/${contactId}`);
    const field = page.getByTestId('record-details').locator('[data-field=credit_limit]');
    await field.waitFor();
    expect(await field.textContent()).toMatch(/50,000/);

    await page.goto(`/contacts?view=${viewId}`);
    await page.locator('.gx-row', { hasText: '韩梅梅' }).waitFor();
    const headers = await page.locator('.gx-list-table thead th').allTextContents();
    expect(headers).toContain('Credit limit');
    expect(await page.locator('.gx-row', { hasText: '韩梅梅' }).textContent()).toMatch(/50,000/);
  });

  it('a sales rep whose role hides the field does not get it anywhere on screen', async () => {
    const b = await browserFor(sales);
    const { page } = b;
    // The server leaves the field out for this role; the page shows what came back, nothing blank.
    const rec = await api<{ data: Record<string, unknown> }>(sales, 'GET', `/contacts/${contactId}`);
    expect(rec.data).not.toHaveProperty('credit_limit');

    await page.goto(`/contacts/${contactId}`);
    await expect.poll(() => page.getByTestId('record-title').textContent()).toBe('韩梅梅');
    const details = page.getByTestId('record-details');
    await details.waitFor();
    // Even with "show all fields" on, the hidden field is absent (not an empty placeholder).
    await details.getByRole('switch').click();
    await details.locator('[data-field=owner_id]').waitFor();
    expect(await details.locator('[data-field=credit_limit]').count()).toBe(0);
    expect(await page.textContent('body')).not.toMatch(/Credit limit|50,000/);

    await page.goto(`/contacts?view=${viewId}`);
    await page.locator('.gx-row', { hasText: '韩梅梅' }).waitFor();
    const headers = await page.locator('.gx-list-table thead th').allTextContents();
    expect(headers).toContain('Name');
    expect(headers).not.toContain('Credit limit');
    // Nor can it be picked as a column or a filter.
    await page.getByTestId('columns-button').click();
    await page.getByTestId('column-chooser').waitFor();
    expect(await page.getByTestId('column-chooser').textContent()).not.toContain('Credit limit');
    expect(b.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });
});
