import type { ObjectLabels } from '../../../shared/objects.ts';
import type { Locale } from '../../../shared/fields.ts';

export const invoicesLabels: Record<Locale, ObjectLabels> = {
  en: {
    one: 'Invoice',
    other: 'Invoices',
    fields: {
      number: 'Invoice number', kind: 'Kind', credited_invoice_id: 'Credits invoice', subject: 'Subject', account_id: 'Account',
      contact_id: 'Contact', owner_id: 'Owner', status: 'Status', currency: 'Currency', issue_date: 'Issue date',
      payment_terms_days: 'Payment terms (days)', due_date: 'Due date', source_object: 'Billed from', source_id: 'Source record',
      rounding_mode: 'Rounding', prices_include_tax: 'Prices include tax', discount_percent: 'Overall discount (%)',
      net_total: 'Net total', discount_total: 'Discount', tax_total: 'Tax', gross_total: 'Total', amount_paid: 'Paid',
      amount_credited: 'Credited', amount_due: 'Amount due', void_reason: 'Void reason', notes: 'Notes',
      created_by: 'Created by', created_at: 'Created', updated_at: 'Updated',
    },
    options: {
      kind: { invoice: 'Invoice', credit_note: 'Credit note' },
      status: { draft: 'Draft', issued: 'Issued', partially_paid: 'Partially paid', paid: 'Paid', void: 'Void' },
      rounding_mode: { per_line: 'Per line', total: 'Per tax rate on the total' },
    },
    sections: { main: 'Invoice', dates: 'Dates and terms', pricing: 'Pricing', totals: 'Amounts', source: 'Origin', notes: 'Notes' },
  },
  'zh-CN': {
    one: '应收账单',
    other: '应收账单',
    fields: {
      number: '账单号', kind: '类型', credited_invoice_id: '冲销的应收账单', subject: '主题', account_id: '客户',
      contact_id: '联系人', owner_id: '负责人', status: '状态', currency: '币种', issue_date: '开票日期',
      payment_terms_days: '账期（天）', due_date: '到期日', source_object: '开票来源', source_id: '来源记录',
      rounding_mode: '舍入方式', prices_include_tax: '价格含税', discount_percent: '整单折扣 (%)',
      net_total: '不含税合计', discount_total: '折扣', tax_total: '税额', gross_total: '价税合计', amount_paid: '已收款',
      amount_credited: '已冲销', amount_due: '应收余额', void_reason: '作废原因', notes: '备注',
      created_by: '创建人', created_at: '创建时间', updated_at: '更新时间',
    },
    options: {
      kind: { invoice: '应收账单', credit_note: '贷项通知单' },
      status: { draft: '草稿', issued: '已开具', partially_paid: '部分收款', paid: '已收清', void: '已作废' },
      rounding_mode: { per_line: '逐行舍入', total: '按税率合计舍入' },
    },
    sections: { main: '应收账单', dates: '日期与账期', pricing: '计价', totals: '金额', source: '来源', notes: '备注' },
  },
  'zh-TW': {
    one: '應收帳單',
    other: '應收帳單',
    fields: {
      number: '帳單號', kind: '類型', credited_invoice_id: '沖銷的應收帳單', subject: '主旨', account_id: '客戶',
      contact_id: '聯絡人', owner_id: '負責人', status: '狀態', currency: '幣別', issue_date: '開立日期',
      payment_terms_days: '付款期限（天）', due_date: '到期日', source_object: '開立來源', source_id: '來源記錄',
      rounding_mode: '捨入方式', prices_include_tax: '價格含稅', discount_percent: '整單折扣 (%)',
      net_total: '未稅合計', discount_total: '折扣', tax_total: '稅額', gross_total: '含稅合計', amount_paid: '已收款',
      amount_credited: '已沖銷', amount_due: '應收餘額', void_reason: '作廢原因', notes: '備註',
      created_by: '建立者', created_at: '建立時間', updated_at: '更新時間',
    },
    options: {
      kind: { invoice: '應收帳單', credit_note: '折讓單' },
      status: { draft: '草稿', issued: '已開立', partially_paid: '部分收款', paid: '已收清', void: '已作廢' },
      rounding_mode: { per_line: '逐行捨入', total: '依稅率合計捨入' },
    },
    sections: { main: '應收帳單', dates: '日期與付款期限', pricing: '計價', totals: '金額', source: '來源', notes: '備註' },
  },
};
