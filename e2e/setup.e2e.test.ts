import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type Browser } from './helpers.ts';
import { freshDatabase, startServer, type FreshDatabase, type RunningServer } from './server.ts';

// A server on an empty database (no admin from the environment): the first visit creates one.
describe('first run', () => {
  let b: Browser;
  let server: RunningServer;
  let db: FreshDatabase | null;
  beforeAll(async () => {
    db = await freshDatabase();
    server = await startServer({ adminEmail: '', adminPassword: '', databaseUrl: db?.url });
    b = await openBrowser();
  });
  afterAll(async () => {
    await b?.close();
    await server?.stop();
    await db?.drop();
  });

  it('asks for the first administrator, signs them in, and is closed afterwards', async () => {
    const { page } = b;
    await page.goto(`${server.url}/contacts`);
    await page.waitForURL(/\/login/);
    await page.getByText('Welcome to Guanxi').waitFor();
    await page.fill('#setup_name', '李管理');
    await page.fill('#setup_email', 'boss@example.cn');
    await page.fill('#setup_password', 'password-123');
    await page.fill('#setup_confirm', 'password-124');
    await page.click('button[type=submit]');
    await page.getByText('The passwords differ').waitFor();
    await page.fill('#setup_confirm', 'password-123');
    await page.click('button[type=submit]');
    await page.waitForURL((u) => u.pathname === '/contacts');
    await page.getByTestId('record-table').waitFor();
    expect(await page.getByTestId('user-menu').getAttribute('title')).toContain('李管理');

    const again = await fetch(`${server.url}/api/v1/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'x@example.cn', name: 'x', password: 'password-123' }) });
    expect(again.status).toBe(409);
    expect(b.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });
});
