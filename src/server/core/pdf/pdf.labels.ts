import type { Locale } from '../../../shared/fields.ts';

// What a printed document says around its data, in the three locales (server-side: the PDF is
// made on the server, in the language asked for, not the web app's).

export interface PdfLabels {
  /** Title by document kind; `document` when the kind is not listed. */
  titles: Record<string, string>;
  number: string;
  date: string;
  validUntil: string;
  seller: string;
  buyer: string;
  taxId: string;
  columns: { position: string; description: string; quantity: string; unit: string; unitPrice: string; discount: string; taxRate: string; net: string; tax: string; gross: string };
  totals: { net: string; discount: string; tax: string; gross: string };
  inWords: string;
  notes: string;
  /** Page footer: page and count filled in. */
  page: (page: number, count: number) => string;
}

export const PDF_LABELS: Record<Locale, PdfLabels> = {
  en: {
    titles: { quote: 'Quotation', order: 'Sales order', invoice: 'Invoice', statement: 'Statement of account', credit_note: 'Credit note', contract: 'Contract', device: 'Device sheet', document: 'Document' },
    number: 'No.', date: 'Date', validUntil: 'Valid until', seller: 'From', buyer: 'To', taxId: 'Tax ID',
    columns: { position: '#', description: 'Description', quantity: 'Qty', unit: 'Unit', unitPrice: 'Unit price', discount: 'Discount', taxRate: 'Tax', net: 'Net', tax: 'Tax amount', gross: 'Gross' },
    totals: { net: 'Net total', discount: 'Discount', tax: 'Tax', gross: 'Total' },
    inWords: 'Amount in words',
    notes: 'Notes',
    page: (p, n) => `${p} / ${n}`,
  },
  'zh-CN': {
    titles: { quote: '报价单', order: '销售订单', invoice: '发票', statement: '对账单', credit_note: '红字发票', contract: '合同', device: '设备信息单', document: '单据' },
    number: '编号', date: '日期', validUntil: '有效期至', seller: '卖方', buyer: '买方', taxId: '纳税人识别号',
    columns: { position: '序号', description: '品名及说明', quantity: '数量', unit: '单位', unitPrice: '单价', discount: '折扣', taxRate: '税率', net: '金额', tax: '税额', gross: '价税合计' },
    totals: { net: '金额合计', discount: '折扣', tax: '税额合计', gross: '价税合计' },
    inWords: '大写金额',
    notes: '备注',
    page: (p, n) => `${p} / ${n}`,
  },
  'zh-TW': {
    titles: { quote: '報價單', order: '銷售訂單', invoice: '發票', statement: '對帳單', credit_note: '折讓單', contract: '合約', device: '設備資料單', document: '單據' },
    number: '編號', date: '日期', validUntil: '有效期限', seller: '賣方', buyer: '買方', taxId: '統一編號',
    columns: { position: '項次', description: '品名及說明', quantity: '數量', unit: '單位', unitPrice: '單價', discount: '折扣', taxRate: '稅率', net: '金額', tax: '稅額', gross: '含稅金額' },
    totals: { net: '金額合計', discount: '折扣', tax: '稅額合計', gross: '含稅總計' },
    inWords: '大寫金額',
    notes: '備註',
    page: (p, n) => `${p} / ${n}`,
  },
};

/** The document's title: its kind's name in the locale, else the generic one. */
export function titleOf(kind: string, locale: Locale): string {
  const t = PDF_LABELS[locale].titles;
  return t[kind] ?? t.document!;
}
