import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSession, api, apiLogin, openBrowser, useSession, type Browser, type Session } from './helpers.ts';

// The line editor on a quote (features/lines/LineEditor.tsx), in zh-CN: a product picked from
// the catalogue fills its row, a free line is typed, the totals update live with the shared
// computation, one save writes them, and the quote shows the same totals after a reload.
describe('quote lines in the browser', () => {
  let b: Browser;
  let admin: Session;
  let user: Session;
  beforeAll(async () => {
    admin = await adminSession();
    await api(admin, 'POST', '/users', { email: 'zhao.xiaoshou@lines.e2e.guanxi', name: '赵销售', password: 'password-1234', role: 'sales', locale: 'zh-CN' });
    user = await apiLogin('zhao.xiaoshou@lines.e2e.guanxi', 'password-1234');
    b = await openBrowser();
    await useSession(b, user, 'zh-CN');
  });
  afterAll(async () => {
    await b?.close();
  });

  it('adds two lines, shows the live total, saves, and shows the totals after a reload', async () => {
    const { page } = b;
    await api(admin, 'POST', '/products', { name: '复印纸 A4', sku: 'PAPER-A4-E2E', unit: '箱', list_price: '19.99', tax_rate: 13 });
    const quote = await api<{ data: { id: number; number: string } }>(user, 'POST', '/quotes', { subject: '办公耗材报价' });
    await page.goto(`/quotes/${quote.data.id}`);
    const editor = page.getByTestId('line-editor');
    await editor.waitFor();
    await page.getByTestId('lines-card').locator('.ant-card-head', { hasText: '明细行' }).waitFor();

    // A product line: picked, it fills description, unit, price and tax rate.
    await page.getByTestId('line-add').click();
    await page.click('#line-0-product');
    await page.keyboard.type('复印纸');
    await page.locator('.ant-select-item-option', { hasText: '复印纸 A4' }).click();
    await expect.poll(() => page.getByTestId('line-0-unit_price').inputValue()).toBe('19.99');
    await page.getByTestId('line-0-quantity').fill('3');
    // A free line typed by hand.
    await page.getByTestId('line-add').click();
    await page.getByTestId('line-1-description').fill('上门安装');
    await page.getByTestId('line-1-quantity').fill('2');
    await page.getByTestId('line-1-unit_price').fill('100');
    await page.getByTestId('line-1-tax_rate').fill('6');

    // Live: 3 × 19.99 at 13 % = 67.77, 2 × 100 at 6 % = 212.00.
    await expect.poll(() => page.getByTestId('line-0-gross').textContent()).toContain('67.77');
    await expect.poll(() => page.getByTestId('total-gross').textContent()).toContain('279.77');
    expect(await page.getByTestId('total-tax').textContent()).toContain('19.80');
    await page.screenshot({ path: '/tmp/quote-lines-zh-CN.png', fullPage: true });

    await page.getByTestId('lines-save').click();
    await page.getByText('明细已保存').waitFor();
    const saved = await api<{ data: Record<string, unknown> }>(user, 'GET', `/quotes/${quote.data.id}`);
    expect(saved.data).toMatchObject({ net_total: '259.97', tax_total: '19.80', gross_total: '279.77' });

    await page.reload();
    await editor.waitFor();
    await expect.poll(() => page.getByTestId('total-gross').textContent()).toContain('279.77');
    expect(await page.getByTestId('line-1-description').inputValue()).toBe('上门安装');
    // The quote's own totals fields on its details tab, beside the editor's total.
    await expect.poll(() => page.getByText('¥279.77', { exact: true }).count()).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: '/tmp/quote-details-zh-CN.png', fullPage: true });
    await page.screenshot({ path: '/tmp/quote-details-zh-CN.png', fullPage: true });
    expect(b.errors).toEqual([]);
  });
});
