import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { adminSession, api, apiLogin, openBrowser, useSession, type Browser, type Session } from './helpers.ts';

// Fapiao through the browser (zh-CN): from an issued invoice (its lines shown locked) a blue
// 数电专票 for part of it — a bad buyer tax ID refused as typed first —, issued with the manual
// provider, then a red one reversing it with the 红字确认单编号; the records, their amounts and
// the invoice's un-fapiao'd amount read back through the API.
type Invoice = { id: number; number: string; gross_total: string };
type Fapiao = { id: number; colour: string; status: string; number: string | null; amount_total: string; red_state: string | null; reverses_id: number | null; red_confirmation_number: string | null };

const digits20 = (n: number) => `2644${String(Date.now() + n).padStart(16, '0').slice(-16)}`;

/** The fapiao page's "开具" with the manual provider: number, today's date. Waits for the
 * record itself to read issued (an earlier "发票已开具" toast may still be on screen). */
async function issue(page: Page, rep: Session, id: number, number: string) {
  await page.getByRole('button', { name: /^开\s*具$/ }).first().click();
  const modal = page.locator('.ant-modal', { hasText: '发票号码' });
  await modal.locator('#number').fill(number);
  await modal.getByRole('button', { name: /^开\s*具$/ }).click();
  await expect.poll(async () => (await api<{ data: Fapiao }>(rep, 'GET', `/fapiao/${id}`)).data.status, { timeout: 10_000 }).toBe('issued');
  await modal.waitFor({ state: 'hidden' });
}

describe('fapiao in the browser', () => {
  let b: Browser;
  let rep: Session;
  let invoice: Invoice;
  beforeAll(async () => {
    const admin = await adminSession();
    const email = `zhou.kaipiao.${Date.now()}@fapiao.e2e.guanxi`;
    await api(admin, 'POST', '/users', { email, name: '周开票', password: 'password-1234', role: 'sales', locale: 'zh-CN' });
    rep = await apiLogin(email, 'password-1234');
    const account = await api<{ data: { id: number } }>(rep, 'POST', '/accounts', { name: `福州茶业 ${Date.now()}` });
    const draft = await api<{ data: { id: number; version: number } }>(rep, 'POST', '/invoices', { account_id: account.data.id });
    await api(rep, 'PUT', `/invoices/${draft.data.id}/lines`, { version: draft.data.version, lines: [{ description: '铁观音礼盒', quantity: 3, unit_price: '200', tax_rate: 13 }] });
    invoice = (await api<{ data: Invoice }>(rep, 'POST', `/invoices/${draft.data.id}/issue`, {})).data;
    expect(invoice.gross_total).toBe('678.00');
    b = await openBrowser();
    await useSession(b, rep, 'zh-CN');
  });
  afterAll(async () => b?.close());

  it('blue 数电专票 for part of an invoice, issued, then reversed by a red one', async () => {
    const { page } = b;
    const remaining = async () => (await api<{ data: { remaining: string } }>(rep, 'GET', `/invoices/${invoice.id}/fapiao`)).data.remaining;
    await page.goto(`/invoices/${invoice.id}`);
    // An issued invoice's lines are read-only, with the reason.
    await expect.poll(async () => page.getByTestId('lines-locked').textContent()).toContain('应收账单已开具');
    expect(await page.getByTestId('line-add').count()).toBe(0);

    await page.getByRole('button', { name: '申请开票' }).click();
    const form = page.locator('.ant-modal', { hasText: '购买方纳税人识别号' });
    await form.locator('.ant-select').first().click();
    await page.locator('.ant-select-item-option', { hasText: '数电专票' }).click();
    await expect.poll(async () => form.locator('#amount').inputValue()).toBe('678.00');
    await form.locator('#amount').fill('500');
    await form.locator('#buyer_tax_id').fill('91350100M000100Y44');
    await form.locator('#buyer_address_phone').fill('福州市鼓楼区五四路 1 号 0591-87654321');
    await form.locator('#buyer_bank_account').fill('中国银行福州分行 1234567890');
    // The check character is wrong: refused on the form, nothing sent.
    await form.getByText('统一社会信用代码无效').waitFor();
    await form.getByRole('button', { name: /^创\s*建$/ }).click();
    await form.getByText('统一社会信用代码无效').waitFor();
    expect(await remaining()).toBe('678.00');
    await form.locator('#buyer_tax_id').fill('91350100M000100Y43');
    await form.getByRole('button', { name: /^创\s*建$/ }).click();
    await page.waitForURL(/\/fapiao\/\d+$/, { timeout: 10_000 });
    const blueId = Number(new URL(page.url()).pathname.split('/').pop());
    expect(await remaining()).toBe('178.00');
    // A fapiao made from an invoice keeps the invoice's lines.
    await page.getByTestId('lines-locked').waitFor();

    const blueNumber = digits20(1);
    await issue(page, rep, blueId, blueNumber);
    const blue = (await api<{ data: Fapiao }>(rep, 'GET', `/fapiao/${blueId}`)).data;
    expect(blue).toMatchObject({ colour: 'blue', status: 'issued', number: blueNumber, amount_total: '500.00' });

    await page.getByRole('button', { name: '开红字发票' }).click();
    const ask = page.locator('.ant-modal-confirm');
    await ask.getByPlaceholder('红字确认单编号').fill('HZ3501002026112600001');
    await ask.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.waitForURL((u) => /\/fapiao\/\d+$/.test(u.pathname) && !u.pathname.endsWith(`/${blueId}`), { timeout: 10_000 });
    const redId = Number(new URL(page.url()).pathname.split('/').pop());
    const redNumber = digits20(2);
    await issue(page, rep, redId, redNumber);

    const red = (await api<{ data: Fapiao }>(rep, 'GET', `/fapiao/${redId}`)).data;
    expect(red).toMatchObject({ colour: 'red', status: 'issued', number: redNumber, amount_total: '-500.00', reverses_id: blueId, red_confirmation_number: 'HZ3501002026112600001' });
    expect((await api<{ data: Fapiao }>(rep, 'GET', `/fapiao/${blueId}`)).data.red_state).toBe('reversed');
    // The invoice's un-fapiao'd amount follows: the reversed part may be fapiao'd again.
    expect(await remaining()).toBe('678.00');
    await page.goto(`/invoices/${invoice.id}`);
    await page.getByRole('tab', { name: /发票（税务）/ }).click();
    await expect.poll(async () => page.getByTestId('fapiao-remaining').textContent()).toContain('678.00');
    expect(b.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });
});

// zh-TW on a phone (390×844): a fapiao requested from an invoice is prefilled from the default
// seller profile; its title says what it is (kind, colour, status while a draft; the number once
// issued), the channel reads 手工開立, and the 20-digit number stays on one line.
describe('fapiao on a phone in zh-TW', () => {
  let b: Browser;
  let rep: Session;
  let invoiceId: number;
  let seller: { id: number; name: string; tax_id: string };
  beforeAll(async () => {
    const admin = await adminSession();
    const stamp = Date.now();
    seller = (await api<{ data: typeof seller }>(admin, 'POST', '/fapiao-sellers', { name: `臺北茶業股份有限公司 ${stamp}`, tax_id: '91350100M000100Y43', address_phone: '臺北市信義區 02-12345678', bank_account: '臺灣銀行 0123456789', is_default: true })).data;
    const email = `lin.kaipiao.${stamp}@fapiao.e2e.guanxi`;
    await api(admin, 'POST', '/users', { email, name: '林開票', password: 'password-1234', role: 'sales', locale: 'zh-TW' });
    rep = await apiLogin(email, 'password-1234');
    const account = await api<{ data: { id: number } }>(rep, 'POST', '/accounts', { name: `臺北客戶 ${stamp}` });
    const draft = await api<{ data: { id: number; version: number } }>(rep, 'POST', '/invoices', { account_id: account.data.id });
    await api(rep, 'PUT', `/invoices/${draft.data.id}/lines`, { version: draft.data.version, lines: [{ description: '高山茶', quantity: 1, unit_price: '100', tax_rate: 13 }] });
    invoiceId = (await api<{ data: { id: number } }>(rep, 'POST', `/invoices/${draft.data.id}/issue`, {})).data.id;
    b = await openBrowser({ width: 390, height: 844 });
    await useSession(b, rep, 'zh-TW');
  });
  afterAll(async () => b?.close());

  it('prefills the seller, titles the draft and the issued fapiao, labels the channel, keeps the number on one line', async () => {
    const { page } = b;
    await page.goto(`/invoices/${invoiceId}`);
    await page.getByRole('button', { name: '申請開票' }).click();
    const form = page.locator('.ant-modal', { hasText: '購買方納稅人識別號' });
    await form.locator('#buyer_tax_id').waitFor({ state: 'visible' });
    await form.getByRole('button', { name: /^建\s*立$/ }).click();
    await page.waitForURL(/\/fapiao\/\d+$/, { timeout: 10_000 });
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    const made = (await api<{ data: Record<string, unknown> }>(rep, 'GET', `/fapiao/${id}`)).data;
    expect(made).toMatchObject({ seller_id: seller.id, seller_name: seller.name, seller_tax_id: seller.tax_id, seller_bank_account: '臺灣銀行 0123456789' });
    const title = page.getByTestId('record-title');
    await expect.poll(async () => title.textContent()).toBe(`數電普票（藍字）· 草稿 #${id}`);
    await page.screenshot({ path: '/tmp/fapiao-zh-TW-draft.png', fullPage: true });

    const number = digits20(3);
    await page.getByRole('button', { name: /^開\s*具$/ }).first().click();
    const modal = page.locator('.ant-modal', { hasText: '發票號碼' });
    await modal.locator('#number').waitFor({ state: 'visible' });
    await modal.locator('#number').fill(number);
    await modal.getByRole('button', { name: /^開\s*具$/ }).click();
    await expect.poll(async () => (await api<{ data: { status: string } }>(rep, 'GET', `/fapiao/${id}`)).data.status, { timeout: 10_000 }).toBe('issued');
    await expect.poll(async () => title.textContent()).toBe(number);
    await page.getByText('手工開立').first().waitFor();
    expect(await page.getByText('manual', { exact: true }).count()).toBe(0);
    // One line: the title's height is about its line height, and nothing is cut off sideways.
    const box = await title.evaluate((el) => ({ h: el.getBoundingClientRect().height, line: parseFloat(getComputedStyle(el).lineHeight), scroll: el.scrollWidth, client: el.clientWidth }));
    expect(box.h).toBeLessThan(box.line * 1.5);
    await page.screenshot({ path: '/tmp/fapiao-zh-TW-issued.png', fullPage: true });
    expect(b.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });
});
