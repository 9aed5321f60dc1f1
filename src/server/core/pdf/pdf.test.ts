import { describe, expect, it } from 'vitest';
import { renderPdf } from './render.ts';
import { loadFamily } from './fonts.ts';
import { embeddedFonts, pdfPages, sampleDocument } from './pdf.test-support.ts';

// Rendered PDFs read back as text (unpdf): what a customer's PDF reader shows, not what we
// meant to draw. A missing glyph or a wrong encoding would lose the Chinese here.

const squash = (s: string) => s.replace(/\s+/g, '');

describe('PDF documents', () => {
  it('prints a Simplified Chinese quote: title, parties, lines, totals, capitals, page numbers', async () => {
    const pdf = await renderPdf(sampleDocument('zh-CN'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const [page, ...more] = await pdfPages(pdf);
    expect(more).toHaveLength(0);
    const text = squash(page!);
    for (const s of ['报价单', 'Q-2026-00042', '2026年11月26日', '有效期至', '关系软件有限公司', '星辰医疗器械有限公司', '纳税人识别号:91310000MA1FL00000',
      '付款方式', '月结30天', '服务器机柜第2项', 'SKU-003', '¥19.99', '13%', '¥67.77', '价税合计', '¥1,234.56', '报价三十日内有效。', '1/1']) {
      expect(text).toContain(s);
    }
    expect(text).toContain('大写金额:人民币壹仟贰佰叁拾肆元伍角陆分');
  });

  it('prints Traditional Chinese in the Traditional font with Traditional capitals', async () => {
    const pdf = await renderPdf(sampleDocument('zh-TW', 2, { totals: { net: '100', tax: '0', gross: '100' } }));
    const text = squash((await pdfPages(pdf)).join('\n'));
    for (const s of ['報價單', '關係軟體股份有限公司', '星辰醫療器材有限公司', '伺服器機櫃第1項', '項次', '含稅總計', '報價三十日內有效。']) expect(text).toContain(s);
    expect(text).toContain('大寫金額:人民幣壹佰元整');
    expect(embeddedFonts(pdf).baseFonts.some((f) => /\+NotoSansHant-Regular$/.test(f))).toBe(true);
  });

  it('prints English with the currency as the locale writes it, and no capitals', async () => {
    const pdf = await renderPdf(sampleDocument('en', 1, { currency: 'USD', kind: 'invoice', valid_until: undefined }));
    const text = squash((await pdfPages(pdf)).join('\n'));
    for (const s of ['Invoice', 'No.:Q-2026-00042', 'Nov26,2026', 'Serverrackitem1', '$19.99', '$1,234.56', 'Total', '关系软件有限公司']) expect(text).toContain(s);
    expect(text).not.toContain('Validuntil');
    expect(text).not.toContain('Amountinwords');
    expect(text).not.toContain('壹');
  });

  it('embeds the fonts as subsets, so 50 lines stay well under a megabyte, header and page numbers on every page', async () => {
    const pdf = await renderPdf(sampleDocument('zh-CN', 50));
    const fonts = embeddedFonts(pdf);
    // CFF outlines in a FontFile3 stream, the name tagged with six capitals and a plus: a subset.
    expect(fonts.fontFiles).toContain('FontFile3');
    expect(fonts.baseFonts.length).toBeGreaterThan(0);
    for (const f of fonts.baseFonts) expect(f).toMatch(/^[A-Z]{6}\+NotoSansHans-(Regular|Bold)$/);
    expect(pdf.length).toBeLessThan(300_000);
    const pages = await pdfPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((p, i) => {
      // Every page carrying lines repeats the table header (the last may hold only the totals).
      if (squash(p).includes('服务器机柜')) expect(squash(p)).toContain('品名及说明');
      expect(squash(p)).toContain(`${i + 1}/${pages.length}`);
    });
    expect(squash(pages[1]!)).toContain('品名及说明');
    expect(squash(pages.join(''))).toContain('服务器机柜第50项');
  });

  it('never fetches a URL or reads a local file, whatever a definition names', async () => {
    const pdfmake = await loadFamily('NotoSC');
    const base = { defaultStyle: { font: 'NotoSC' } };
    await expect(pdfmake.createPdf({ ...base, content: [{ image: 'http://127.0.0.1:9/logo.png' }] }).getBuffer()).rejects.toThrow(/denied by resource access policy/);
    await expect(pdfmake.createPdf({ ...base, content: [{ image: '/etc/hostname' }] }).getBuffer()).rejects.toThrow(/denied by resource access policy/);
    await expect(pdfmake.createPdf({ ...base, content: [{ image: 'logo' }], images: { logo: '/etc/hostname' } }).getBuffer()).rejects.toThrow(/denied by resource access policy/);
  });

  it('refuses a document that breaks its contract', async () => {
    await expect(renderPdf({ ...sampleDocument('en'), totals: { net: '1,00', tax: '0', gross: '1' } })).rejects.toThrow();
    await expect(renderPdf({ ...sampleDocument('en'), locale: 'fr' as never })).rejects.toThrow();
  });
});
