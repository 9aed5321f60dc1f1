import { extractText, getDocumentProxy } from 'unpdf';
import type { DocumentLine, PrintableDocument } from '../../../shared/contracts/documents.ts';

/** The text of each page of a PDF, as a reader would copy it (unpdf, pdf.js underneath). */
export async function pdfPages(pdf: Buffer | Uint8Array): Promise<string[]> {
  const proxy = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(proxy, { mergePages: false });
  return text;
}

/** The embedded fonts of a PDF: their BaseFont names and which font file kinds carry them. */
export function embeddedFonts(pdf: Buffer): { baseFonts: string[]; fontFiles: string[] } {
  const s = pdf.toString('latin1');
  return {
    baseFonts: [...new Set([...s.matchAll(/\/BaseFont\s*\/([A-Za-z0-9+#-]+)/g)].map((m) => m[1]!))],
    fontFiles: [...new Set([...s.matchAll(/\/(FontFile[23]?)\b/g)].map((m) => m[1]!))],
  };
}

/** A quote of `n` lines in a locale (amounts as a line-items engine would hand them over). */
export function sampleDocument(locale: PrintableDocument['locale'], n = 3, over: Partial<PrintableDocument> = {}): PrintableDocument {
  const lines: DocumentLine[] = Array.from({ length: n }, (_, i) => ({
    position: i + 1,
    sku: `SKU-${String(i + 1).padStart(3, '0')}`,
    description: locale === 'zh-TW' ? `伺服器機櫃 第${i + 1}項` : locale === 'zh-CN' ? `服务器机柜 第${i + 1}项` : `Server rack item ${i + 1}`,
    quantity: '3',
    unit: locale === 'en' ? 'pcs' : '台',
    unit_price: '19.99',
    discount_percent: '0',
    tax_rate: '13',
    net: '59.97',
    tax: '7.80',
    gross: '67.77',
  }));
  return {
    kind: 'quote',
    number: 'Q-2026-00042',
    date: '2026-11-26',
    valid_until: '2026-12-26',
    locale,
    currency: 'CNY',
    seller: { name: locale === 'zh-TW' ? '關係軟體股份有限公司' : '关系软件有限公司', lines: ['上海市浦东新区世纪大道 100 号'], tax_id: '91310000MA1FL00000' },
    buyer: { name: locale === 'zh-TW' ? '星辰醫療器材有限公司' : '星辰医疗器械有限公司', lines: ['北京市海淀区中关村大街 1 号'] },
    lines,
    totals: { net: '1234.56', tax: '0', gross: '1234.56' },
    notes: [locale === 'en' ? 'Prices valid for 30 days.' : locale === 'zh-TW' ? '報價三十日內有效。' : '报价三十日内有效。'],
    facts: [{ label: locale === 'en' ? 'Payment terms' : '付款方式', value: locale === 'en' ? '30 days net' : '月结30天' }],
    ...over,
  };
}
