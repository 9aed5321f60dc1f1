import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSession, api, openBrowser, tempFile, useSession, type Browser, type Session } from './helpers.ts';

describe('import wizard', () => {
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

  it('imports a small CSV to "done", showing the counts, the rejected row and the cell left out with their line numbers', async () => {
    const { page } = b;
    // Line 1 is the header; line 3 has no name and must be rejected; line 5's e-mail is not one:
    // the row is imported without it and the cell is listed.
    const csv = tempFile('members.csv', '姓名,手机,邮箱,城市\n周杰,13600000001,zhoujie@example.cn,台北市\n,13600000002,noname@example.cn,高雄市\n蔡依林,13600000003,jolin@example.cn,台北市\n林俊杰,13600000004,not-an-email,新加坡\n');
    await page.goto('/imports/new?object=contacts');
    await page.setInputFiles('input[type=file]', csv);
    await page.getByTestId('mapping-table').waitFor();
    // The suggested mapping recognised the Chinese headers.
    expect(await page.getByTestId('map-姓名').textContent()).toContain('Name');
    expect(await page.getByTestId('map-手机').textContent()).toContain('Mobile');

    await page.getByTestId('import-validate').click();
    await page.getByTestId('import-start').waitFor();
    await page.getByTestId('import-start').click();

    await page.waitForURL(/\/imports\/\d+$/);
    await page.locator('[data-testid=import-status][data-status=done]').waitFor({ timeout: 60_000 });
    // Screen readers hear the end state with the count, from a polite live region.
    const announce = page.getByTestId('import-announce');
    expect(await announce.getAttribute('aria-live')).toBe('polite');
    await expect.poll(() => announce.textContent()).toMatch(/4 of 4 rows/);
    expect(await page.getByTestId('count-created').textContent()).toBe('3');
    expect(await page.getByTestId('count-failed').textContent()).toBe('1');
    const rejected = page.getByTestId('rejected-rows').locator('tbody tr');
    await rejected.first().waitFor();
    expect(await rejected.count()).toBe(1);
    expect((await rejected.first().locator('td').first().textContent())?.trim()).toBe('3');
    expect(await page.getByTestId('error-report').isVisible()).toBe(true);
    const leftOut = page.getByTestId('left-out-cells').locator('tbody tr');
    await leftOut.first().waitFor();
    expect(await leftOut.count()).toBe(1);
    // The field by its label, the reason by its code in the user's language, the value kept.
    const cells = (await leftOut.first().locator('td').allTextContents()).map((x) => x.trim());
    expect(cells.slice(0, 2)).toEqual(['5', 'Email']);
    expect(cells[2]).toMatch(/\(.+\)$/);
    expect(await page.getByTestId('warnings-report').isVisible()).toBe(true);
    if (process.env.GUANXI_E2E_SHOTS) await page.screenshot({ path: `${process.env.GUANXI_E2E_SHOTS}/import-done.png`, fullPage: true });

    // The people are really there.
    const found = await api<{ data: { name: string }[] }>(admin, 'GET', `/contacts?filter[email][contains]=${encodeURIComponent('@example.cn')}&q=${encodeURIComponent('蔡依林')}`);
    expect(found.data.map((c) => c.name)).toContain('蔡依林');

    // Leaving and coming back to the import shows the same result.
    const url = page.url();
    await page.goto('/imports');
    await page.goto(url);
    await page.locator('[data-testid=import-status][data-status=done]').waitFor();
    expect(await page.getByTestId('count-created').textContent()).toBe('3');
  });
});
