import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSession, api, openBrowser, tempFile, useSession, type Browser, type Session } from './helpers.ts';

describe('attachments', () => {
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

  it('uploads a file on a contact page, lists it and downloads the same bytes', async () => {
    const { page } = b;
    const contact = await api<{ data: { id: number } }>(admin, 'POST', '/contacts', { name: '附件 测试人' });
    const text = `quarterly plan ${Date.now()}\n季度计划\n`;
    const file = tempFile('plan.txt', text);
    await page.goto(`/contacts/${contact.data.id}`);
    await page.getByRole('tab', { name: 'Attachments' }).click();
    await page.getByTestId('attachments').waitFor();
    await page.setInputFiles('[data-testid=attachments] input[type=file]', file);
    const row = page.getByTestId('attachment-row');
    await row.first().waitFor();
    expect(await row.first().textContent()).toContain('plan.txt');
    const [dl] = await Promise.all([page.waitForEvent('download'), row.first().getByRole('button', { name: 'Download' }).click()]);
    expect(dl.suggestedFilename()).toBe('plan.txt');
    expect(fs.readFileSync((await dl.path())!, 'utf8')).toBe(text);
  });
});
