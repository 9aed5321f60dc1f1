import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSession, api, apiLogin, openBrowser, useSession, type Browser, type Session } from './helpers.ts';

// Quotes v2 end to end, in zh-CN: a discounted quote is submitted for approval on its page, the
// administrator approves it, the owner sends it (the PDF frozen) and copies the customer link;
// the customer opens the link (no login), types their name and accepts; the quote's page then
// shows it accepted by that name.
describe('quote acceptance in the browser', () => {
  let b: Browser;
  let admin: Session;
  let user: Session;
  beforeAll(async () => {
    admin = await adminSession();
    await api(admin, 'POST', '/users', { email: 'qian.xiaoshou@quotes.e2e.guanxi', name: '钱销售', password: 'password-1234', role: 'sales', locale: 'zh-CN' });
    user = await apiLogin('qian.xiaoshou@quotes.e2e.guanxi', 'password-1234');
    await api(admin, 'PATCH', '/settings/quotes', { max_discount_percent: 10, min_margin_percent: null });
    b = await openBrowser();
    await useSession(b, user, 'zh-CN');
  });
  afterAll(async () => {
    await api(admin, 'PATCH', '/settings/quotes', { max_discount_percent: null });
    await b?.close();
  });

  it('submit → approve → send → the customer accepts with a name → the quote shows accepted', async () => {
    const { page } = b;
    const quote = await api<{ data: { id: number; number: string; version: number } }>(user, 'POST', '/quotes', { subject: '扫描仪报价' });
    await api(user, 'PUT', `/quotes/${quote.data.id}/lines`, { version: quote.data.version, lines: [{ description: '扫描仪', quantity: 2, unit_price: '1000', tax_rate: 13, discount_percent: 15 }] });

    await page.goto(`/quotes/${quote.data.id}`);
    await page.getByTestId('quote-submit').click();
    await page.getByText('已提交').first().waitFor();
    await page.getByText('折扣 15% 超过 10%').waitFor();
    await api(admin, 'POST', `/quotes/${quote.data.id}/approve`, { comment: '同意' });

    await page.reload();
    await page.getByTestId('quote-send').click();
    await page.getByText('已发送：PDF 已冻结').waitFor();
    await page.getByTestId('quote-link').click();
    const link = await page.getByTestId('quote-public-link').inputValue();
    expect(link).toMatch(/\/q\/[\w-]+\.[\w]+\.[\w-]+$/);

    // The customer: another browser without a session.
    const customer = await openBrowser();
    try {
      await customer.page.goto(`${link}?lang=zh-CN`);
      await customer.page.getByText('接受此报价').waitFor();
      expect(await customer.page.content()).toContain(quote.data.number);
      await customer.page.fill('input[name=name]', '孙经理');
      await customer.page.locator('button', { hasText: '接受' }).first().click();
      await customer.page.getByTestId('quote-decided').waitFor();
      expect(await customer.page.getByTestId('quote-decided').textContent()).toContain('孙经理');
      await customer.page.screenshot({ path: '/tmp/quote-public-accepted-zh-CN.png', fullPage: true });
    } finally {
      await customer.close();
    }

    await page.reload();
    await page.getByTestId('quote-accepted').waitFor();
    expect(await page.getByTestId('quote-accepted').textContent()).toContain('孙经理');
    await page.screenshot({ path: '/tmp/quote-accepted-zh-CN.png', fullPage: true });
    expect(b.errors).toEqual([]);
  });
});
