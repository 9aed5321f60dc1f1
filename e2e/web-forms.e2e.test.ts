import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSession, api, baseURL, openBrowser, useSession, type Browser, type Session } from './helpers.ts';

describe('web forms', () => {
  let admin: Session;
  let b: Browser;
  const formName = `Callback ${Date.now()}`;

  beforeAll(async () => {
    admin = await adminSession();
    b = await openBrowser();
    await useSession(b, admin);
  });
  afterAll(async () => {
    await api(admin, 'PATCH', '/public-settings', { base_url: '', allowed_origins: [] });
    await b.close();
  });

  it('an admin makes a form; a visitor fills the hosted page; the contact and the callback task appear', async () => {
    const { page } = b;
    await page.goto('/settings/web-forms');
    await page.getByLabel('Public address of this server').fill(baseURL());
    await page.locator('form', { hasText: 'Public address of this server' }).getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved').first().waitFor();

    await page.getByRole('button', { name: 'New form' }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByLabel('Form name').fill(formName);
    await drawer.getByLabel('Message after sending (en)').fill('Thank you, we will call you back today.');
    await drawer.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('cell', { name: formName }).waitFor();

    const forms = await api<{ data: { name: string; key: string; hosted_url: string; snippet: string }[] }>(admin, 'GET', '/web-forms');
    const form = forms.data.find((f) => f.name === formName)!;
    expect(form.hosted_url).toBe(`${baseURL()}/f/${form.key}`);
    // The snippet is shown on the admin page.
    await page.getByRole('row', { name: new RegExp(formName) }).getByRole('button', { name: /expand/i }).click();
    await page.getByTestId('form-snippet').filter({ hasText: form.key }).waitFor();

    // A visitor, not signed in.
    const visitor = await openBrowser();
    try {
      const v = visitor.page;
      await v.goto(`/f/${form.key}`);
      await v.getByLabel('Name *').fill('赵敏');
      await v.getByLabel('Email *').fill('zhao.min@example.com');
      await v.getByLabel('Mobile').fill('13800138123');
      await v.getByRole('button', { name: 'Send' }).click();
      await v.getByText('Thank you, we will call you back today.').waitFor();
      expect(visitor.errors).toEqual([]);
    } finally {
      await visitor.close();
    }

    const contacts = await api<{ data: { id: number; name: string; mobile: string; source: string }[] }>(admin, 'GET', '/contacts?filter[email]=zhao.min@example.com');
    expect(contacts.data).toEqual([expect.objectContaining({ name: '赵敏', source: 'web' })]);
    const tasks = await api<{ data: { title: string }[] }>(admin, 'GET', `/tasks?filter[contact_id]=${contacts.data[0]!.id}`);
    expect(tasks.data.map((t) => t.title)).toEqual([expect.stringContaining('赵敏')]);
    // And the admin sees the submission.
    await page.reload();
    await page.getByRole('row', { name: new RegExp(formName) }).getByRole('button', { name: '1' }).click();
    await page.locator('.ant-drawer').getByText('New contact').waitFor();
  });
});
