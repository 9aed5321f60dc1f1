import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { openBrowser, type Browser } from './helpers.ts';

describe('sign-in', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await openBrowser();
  });
  afterAll(async () => {
    await b?.close();
  });

  it('sends a visitor to the sign-in page, rejects a wrong password, then signs in and lands on contacts', async () => {
    const { page } = b;
    await page.goto('/contacts');
    await page.waitForURL(/\/login\?next=%2Fcontacts/);

    await page.fill('#login_email', inject('adminEmail'));
    await page.fill('#login_password', 'not-the-password');
    await page.click('button[type=submit]');
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('Wrong email or password');
    expect(new URL(page.url()).pathname).toBe('/login');

    await page.fill('#login_password', inject('adminPassword'));
    await page.click('button[type=submit]');
    await page.waitForURL((u) => u.pathname === '/contacts');
    await page.getByTestId('record-table').waitFor();
    expect(await page.getByTestId('user-menu').getAttribute('title')).toContain('Administrator');

    // The session survives a reload (cookie), and signing out ends it.
    await page.reload();
    await page.getByTestId('record-table').waitFor();
    await page.getByTestId('user-menu').click();
    await page.getByText('Sign out').click();
    await page.waitForURL(/\/login/);
    await page.goto('/accounts');
    await page.waitForURL(/\/login/);
    expect(b.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });
});
