import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSession, openBrowser, useSession, type Browser } from './helpers.ts';

// The content security policy (src/server/http/security-headers.ts) must let the built app and
// the API docs run in a real browser, and still refuse an injected inline script.
describe('content security policy', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await openBrowser();
    await useSession(b, await adminSession());
  });
  afterAll(async () => {
    await b?.close();
  });
  const violations = () => b.errors.filter((e) => /content security policy/i.test(e));

  it('the web app renders and works under it, and an injected inline script does not run', async () => {
    const { page } = b;
    const res = await page.goto('/contacts');
    expect(res!.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByTestId('record-table').waitFor();
    await page.goto('/accounts');
    await page.getByTestId('record-table').waitFor();
    expect(violations()).toEqual([]);

    // (Strings: this project's TypeScript has no DOM types outside src/web.)
    await page.evaluate(`(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.head.appendChild(s);
    })()`);
    expect(await page.evaluate('window.__injected === true')).toBe(false);
    expect(violations().length).toBeGreaterThan(0);
  });

  it('the API docs (swagger-ui) render under it', async () => {
    b.errors.length = 0;
    const { page } = b;
    await page.goto('/api/docs');
    await page.locator('.opblock').first().waitFor();
    expect(await page.locator('.opblock').count()).toBeGreaterThan(10);
    expect(violations()).toEqual([]);
  });
});
