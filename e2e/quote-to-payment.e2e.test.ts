import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSession, api, apiLogin, baseURL, openBrowser, useSession, type Browser, type Session } from './helpers.ts';

// From an accepted quote to cash, on the pages a rep uses (zh-CN): the quote's "create order",
// confirming and delivering the order, "create invoice" from it, issuing the invoice and
// recording the payment that settles it. (Quote → accept in the browser: quote-accept.e2e.)
describe('quote to payment in the browser', () => {
  let b: Browser;
  let rep: Session;
  let quoteId: number;
  beforeAll(async () => {
    const admin = await adminSession();
    const email = `sun.xiaoshou.${Date.now()}@q2p.e2e.guanxi`;
    await api(admin, 'POST', '/users', { email, name: '孙销售', password: 'password-1234', role: 'sales', locale: 'zh-CN' });
    rep = await apiLogin(email, 'password-1234');
    await api(admin, 'PATCH', '/settings/quotes', { max_discount_percent: null, min_margin_percent: null });
    const account = await api<{ data: { id: number } }>(rep, 'POST', '/accounts', { name: `杭州茶业 ${Date.now()}` });
    const quote = await api<{ data: { id: number; version: number } }>(rep, 'POST', '/quotes', { subject: '龙井礼盒报价', account_id: account.data.id });
    quoteId = quote.data.id;
    await api(rep, 'PUT', `/quotes/${quoteId}/lines`, { version: quote.data.version, lines: [{ description: '龙井礼盒', quantity: 3, unit_price: '200', tax_rate: 13 }] });
    const sent = await api<{ link: { path: string } }>(rep, 'POST', `/quotes/${quoteId}/send`, {});
    const token = sent.link.path.split('/q/')[1]!;
    const r = await fetch(`${baseURL()}/api/v1/public/quotes/${token}/accept`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: '陈采购' }) });
    expect(r.status).toBe(200);
    b = await openBrowser();
    await useSession(b, rep, 'zh-CN');
  });
  afterAll(async () => b?.close());

  it('accepted quote → order → delivered → invoice → paid', async () => {
    const { page } = b;
    await page.goto(`/quotes/${quoteId}`);
    await page.getByTestId('quote-to-order').click();
    await page.waitForURL(/\/orders\/\d+$/, { timeout: 10_000 });
    await page.getByTestId('order-confirm').click();
    await page.getByText('订单已确认').first().waitFor({ timeout: 10_000 });

    await page.getByTestId('order-fulfil').click();
    const modal = page.locator('.ant-modal', { hasText: '发货' });
    await modal.locator('.ant-input-number input').first().fill('3');
    await modal.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('发货已登记').first().waitFor({ timeout: 10_000 });

    await page.getByTestId('invoice-from-source').click();
    await page.waitForURL(/\/invoices\/\d+$/, { timeout: 10_000 });
    await page.getByRole('button', { name: /^开\s*具$/ }).click();
    await page.getByText('应收账单已开具').first().waitFor({ timeout: 10_000 });

    await page.getByRole('button', { name: '登记收款' }).click();
    const pay = page.locator('.ant-modal', { hasText: '登记收款' });
    await expect.poll(async () => pay.locator('.ant-input-number input').first().inputValue(), { timeout: 5_000 }).toBe('678');
    await pay.getByRole('button', { name: /保\s*存|确\s*定|OK/ }).click();
    await page.getByText('收款已登记').first().waitFor({ timeout: 10_000 });
    const invoiceId = Number(new URL(page.url()).pathname.split('/').pop());
    await expect.poll(async () => (await api<{ data: { status: string; amount_due: string } }>(rep, 'GET', `/invoices/${invoiceId}`)).data, { timeout: 10_000 })
      .toMatchObject({ status: 'paid', amount_due: '0.00' });
    expect(b.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });
});
