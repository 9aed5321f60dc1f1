import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function baseURL(): string {
  return inject('baseURL');
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Console errors and failed page scripts seen so far (for assertions and debugging). */
  errors: string[];
  close: () => Promise<void>;
}

/** Chromium with a fresh profile folder, English UI and a desktop or phone viewport (on the run's server unless `base` names another). */
export async function openBrowser(viewport = { width: 1440, height: 900 }, base = baseURL()): Promise<Browser> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gx-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    args: FLAGS,
    headless: true,
    viewport,
    locale: 'en-US',
    baseURL: base,
  });
  context.setDefaultTimeout(20_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 40[13]/.test(m.text())) errors.push(m.text());
  });
  return {
    context,
    page,
    errors,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export interface Session {
  token: string;
  user: { id: number; name: string; email: string; role: string };
  /** The server it belongs to, when not the run's shared one. */
  base?: string;
}

/** Signs in through the API (Bearer token for API calls; the same token works as the session cookie). */
export async function apiLogin(email: string, password: string, base?: string): Promise<Session> {
  const r = await fetch(`${base ?? baseURL()}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!r.ok) throw new Error(`login ${email} failed: ${r.status} ${await r.text()}`);
  const body = (await r.json()) as { data: Session };
  return base ? { ...body.data, base } : body.data;
}

export async function adminSession(): Promise<Session> {
  return apiLogin(inject('adminEmail'), inject('adminPassword'));
}

export async function api<T = unknown>(s: Session, method: string, p: string, body?: unknown): Promise<T> {
  const r = await fetch(`${s.base ?? baseURL()}/api/v1${p}`, {
    method,
    headers: { authorization: `Bearer ${s.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  if (!r.ok) throw new Error(`${method} ${p} → ${r.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * Puts an API session into the browser as the web app's cookies (session + CSRF), so tests
 * other than the sign-in test need not go through the form (sign-in is rate limited).
 */
export async function useSession(b: Browser, s: Session, locale = 'en'): Promise<void> {
  const url = s.base ?? baseURL();
  await b.context.addCookies([
    { name: 'gx_session', value: s.token, url, httpOnly: true, sameSite: 'Lax' },
    { name: 'gx_csrf', value: `e2e-${Math.random().toString(36).slice(2)}`, url, sameSite: 'Lax' },
  ]);
  await b.context.addInitScript((l) => localStorage.setItem('gx_locale', l), locale);
}

/** Signs in through the sign-in page. */
export async function uiLogin(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.fill('#login_email', email);
  await page.fill('#login_password', password);
  await page.click('button[type=submit]');
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

export function tempFile(name: string, content: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gx-e2e-file-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

// The keyboard walks the keyboard tests (keyboard.e2e, links.e2e) share: only keys, as a user would.

/** Presses Tab until the focused element matches the selector (and holds `text`, when given). */
export async function tabUntil(page: Page, selector: string, opts: { max?: number; text?: string } = {}): Promise<void> {
  for (let i = 0; i < (opts.max ?? 200); i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(([sel, txt]) => Boolean(document.activeElement?.matches(sel!) && (!txt || document.activeElement.textContent?.includes(txt))), [selector, opts.text])) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** The focused element's test id, else its tag name. */
export const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? null);

/**
 * On a record list: Tab to "Add filter", Enter, type the field's label and Enter, Tab on to the
 * value box (past the operator, whose default "contains" is kept), type the value and Enter;
 * then `hidden` leaves the table, `shown` stays and focus is back on "Add filter".
 */
export async function filterByKeyboard(page: Page, f: { field: string; value: string; hidden: string; shown: string }): Promise<void> {
  const table = page.getByTestId('record-table');
  await table.getByText(f.hidden).waitFor();
  await tabUntil(page, '[data-testid="add-filter"]');
  await page.keyboard.press('Enter');
  await page.getByTestId('filter-editor').waitFor();
  await expect.poll(() => page.evaluate(() => Boolean(document.activeElement?.closest('[data-testid="filter-editor"]')))).toBe(true);
  await page.keyboard.type(f.field);
  await page.keyboard.press('Enter');
  for (let i = 0; i < 5 && !(await page.evaluate(() => document.activeElement?.tagName === 'INPUT' && document.activeElement.getAttribute('role') !== 'combobox')); i++) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.type(f.value);
  await page.keyboard.press('Enter');
  await page.getByTestId('filter-chip').waitFor();
  await expect.poll(() => table.getByText(f.hidden).count()).toBe(0);
  await table.getByText(f.shown).waitFor();
  await expect.poll(() => focusedTestId(page)).toBe('add-filter');
}

/** On /tasks: Tab to the task's title, Enter opens its drawer, Escape closes it. */
export async function openTaskByKeyboard(page: Page, title: string): Promise<void> {
  await page.goto('/tasks');
  await page.getByTestId('task-open').first().waitFor();
  await tabUntil(page, '[data-testid="task-open"]', { text: title });
  await page.keyboard.press('Enter');
  const drawer = page.locator('.ant-drawer-open');
  await drawer.waitFor();
  await expect.poll(() => drawer.locator('input').first().inputValue()).toBe(title);
  await page.keyboard.press('Escape');
  await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });
}
