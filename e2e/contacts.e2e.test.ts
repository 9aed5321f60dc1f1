import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSession, api, baseURL, openBrowser, useSession, type Browser, type Session } from './helpers.ts';

describe('contacts', () => {
  let b: Browser;
  let admin: Session;
  beforeAll(async () => {
    admin = await adminSession();
    b = await openBrowser();
    await useSession(b, admin);
  });
  afterAll(async () => {
    await b?.close();
  });

  it('creates a contact through the form and shows it on its record page', async () => {
    const { page } = b;
    const account = await api<{ data: { id: number } }>(admin, 'POST', '/accounts', { name: '上海东方贸易有限公司' });
    await page.goto('/contacts');
    await page.getByTestId('list-new').click();
    const drawer = page.locator('form#form-contacts');
    await drawer.waitFor();

    // Submitting empty shows the required-field message under Name, and nothing is created.
    await page.getByTestId('record-form-save').click();
    await drawer.locator('.ant-form-item-explain-error').first().waitFor();
    expect(await drawer.locator('.ant-form-item-explain-error').first().textContent()).toContain('Name is required');

    await page.fill('#form-contacts_name', '欧阳娜娜');
    await page.fill('#form-contacts_mobile', '139 1234 5678');
    await page.fill('#form-contacts_email', 'nana.ouyang@example.cn');
    // Link field: a searchable select asking the server for accounts.
    await page.click('#form-contacts_account_id');
    await page.keyboard.type('东方贸易');
    await page.locator('.ant-select-item-option', { hasText: '上海东方贸易有限公司' }).click();
    await page.getByTestId('record-form-save').click();

    await page.waitForURL(/\/contacts\/\d+$/);
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    await expect.poll(() => page.getByTestId('record-title').textContent()).toBe('欧阳娜娜');
    const details = page.getByTestId('record-details');
    expect(await details.locator('[data-field=mobile]').textContent()).toContain('+86 139 1234 5678');
    expect(await details.locator('[data-field=email]').textContent()).toContain('nana.ouyang@example.cn');
    expect(await details.locator('[data-field=account_id]').textContent()).toContain('上海东方贸易有限公司');

    const saved = await api<{ data: Record<string, unknown> }>(admin, 'GET', `/contacts/${id}`);
    expect(saved.data).toMatchObject({ name: '欧阳娜娜', mobile: '+86 139 1234 5678', email: 'nana.ouyang@example.cn', account_id: account.data.id });

    // It is in the list too.
    await page.goto('/contacts');
    await page.locator('.gx-row', { hasText: '欧阳娜娜' }).waitFor();
    expect(b.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });

  it('logs a call from the record page and shows it on the timeline', async () => {
    const { page } = b;
    const c = await api<{ data: { id: number } }>(admin, 'POST', '/contacts', { name: '钱多多' });
    await page.goto(`/contacts/${c.data.id}`);
    await page.getByTestId('composer-subject').fill('电话：确认报价');
    await page.getByTestId('composer-submit').click();
    const first = page.getByTestId('timeline-item').first();
    await expect.poll(() => first.textContent()).toContain('电话：确认报价');
    const acts = await api<{ data: { subject: string; kind: string }[] }>(admin, 'GET', `/activities?filter[contact_id]=${c.data.id}`);
    expect(acts.data.map((a) => [a.kind, a.subject])).toEqual([['call', '电话：确认报价']]);
  });

  it('shows a duplicate on the record page and merges it into the record', async () => {
    const { page } = b;
    const primary = await api<{ data: { id: number } }>(admin, 'POST', '/contacts', { name: '林志玲', email: 'chiling@example.tw' });
    const dup = await api<{ data: { id: number } }>(admin, 'POST', '/contacts', { name: '林志玲 Lin', email: 'chiling@example.tw', mobile: '+886 912 345 678' });
    await page.goto(`/contacts/${primary.data.id}`);
    const panel = page.getByTestId('duplicates');
    await panel.getByText('林志玲 Lin').waitFor();
    expect(await panel.textContent()).toContain('same email');
    await panel.locator('.ant-checkbox-input').first().check();
    await panel.getByTestId('merge-button').click();
    await page.locator('.ant-modal-confirm .ant-btn-primary').click();
    // The primary gained the duplicate's mobile; the duplicate is gone.
    const mobile = page.getByTestId('record-details').locator('[data-field=mobile]');
    await expect.poll(async () => (await mobile.count()) ? mobile.textContent() : '', { timeout: 10_000 }).toContain('+886 912 345 678');
    const r = await fetch(`${baseURL()}/api/v1/contacts/${dup.data.id}`, { headers: { authorization: `Bearer ${admin.token}` } });
    expect(r.status).toBe(404);
  });

  it('deletes the selected rows with one bulk action after confirming', async () => {
    const { page } = b;
    const tag = `bulk${Date.now()}`;
    for (const name of ['批量甲', '批量乙', '批量丙']) await api(admin, 'POST', '/contacts', { name, tags: [tag], notes: tag });
    await page.goto('/contacts');
    await page.getByTestId('record-table').waitFor();
    await page.getByPlaceholder('Quick search in this list').fill(tag);
    await page.locator('.ant-table-tbody tr', { hasText: '批量丙' }).waitFor();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(3);
    await page.locator('.ant-table-thead .ant-checkbox-input').check();
    const bar = page.getByTestId('bulk-bar');
    await bar.getByText('3 selected').waitFor();
    await bar.getByRole('button', { name: 'Delete' }).click();
    await page.locator('.ant-modal-confirm-btns .ant-btn-dangerous').click();
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(0);
    const left = await api<{ data: unknown[] }>(admin, 'GET', `/contacts?filter[tags]=${tag}`);
    expect(left.data).toEqual([]);
    expect(b.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });
});
