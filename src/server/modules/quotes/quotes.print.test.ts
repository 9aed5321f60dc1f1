import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';
import { pdfPages } from '../../core/pdf/pdf.test-support.ts';

// GET /quotes/{id}/pdf: a quote's lines and totals, as stored by the lines service, printed and
// read back as text (what a customer could copy out of the PDF is what is checked).
const t = useTestApp();
const f = factories(t);
const squash = (s: string) => s.replace(/\s+/g, '');
const pdfText = async (token: string, id: number, locale: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/quotes/${id}/pdf?locale=${locale}`, headers: { authorization: `Bearer ${token}` } });
  return { status: res.statusCode, text: res.statusCode === 200 ? squash((await pdfPages(res.rawPayload)).join('\n')) : '' , body: res.body };
};

let quote: { id: number; number: string; version: number };

beforeAll(async () => {
  await t.api(t.adminToken, 'PATCH', '/settings', { organization_name: '关系软件有限公司' });
  const account = await f.account({ name: '星辰医疗器械有限公司', city: '北京市' });
  const q = await t.api(t.adminToken, 'POST', '/quotes', { subject: '扫描仪年度采购', account_id: account.id, valid_until: '2026-12-31' });
  expect(q.status).toBe(201);
  const put = await t.api(t.adminToken, 'PUT', `/quotes/${q.body.data.id}/lines`, {
    version: q.body.data.version,
    lines: [
      { description: '条码扫描仪 X100', quantity: 3, unit: '台', unit_price: '19.99', tax_rate: 13 },
      { description: '上门安装服务', quantity: 1, unit_price: '100.00', tax_rate: 6, discount_percent: 10 },
    ],
  });
  expect(put.status, JSON.stringify(put.body)).toBe(200);
  quote = { ...q.body.data, version: put.body.data.version };
});

describe('quote PDF', () => {
  it('prints the stored lines, totals and the total in Chinese capitals', async () => {
    // 3 × 19.99 = 59.97 net + 7.80 tax (13 %, half-up) = 67.77; 100 − 10 % = 90.00 + 5.40 tax = 95.40.
    const { status, text } = await pdfText(t.adminToken, quote.id, 'zh-CN');
    expect(status).toBe(200);
    for (const s of ['报价单', quote.number, '关系软件有限公司', '星辰医疗器械有限公司', '条码扫描仪X100', '上门安装服务', '¥67.77', '¥95.40', '¥163.17', '人民币壹佰陆拾叁元壹角柒分', '扫描仪年度采购']) {
      expect(text).toContain(s);
    }
    expect((await pdfText(t.adminToken, quote.id, 'en')).text).toContain('Quotation');
  });

  it('is refused to a role that may not see the amounts, and hidden quotes answer as missing ones', async () => {
    expect((await t.api(t.adminToken, 'PATCH', '/roles/readonly', { field_rules: { quotes: { gross_total: 'hidden' } } })).status).toBe(200);
    const ro = await f.user('readonly');
    const refused = await pdfText(ro.token, quote.id, 'zh-CN');
    expect(refused.status).toBe(403);
    expect(refused.body).not.toContain('163.17');
    const sales = await f.user('sales');
    const hidden = await pdfText(sales.token, quote.id, 'zh-CN');
    const missing = await pdfText(sales.token, 999999, 'zh-CN');
    expect(hidden.status).toBe(404);
    expect(hidden.body).toBe(missing.body);
  });
});
