import type { ObjectLabels } from '../../../shared/objects.ts';
import type { Locale } from '../../../shared/fields.ts';

export const quotesLabels: Record<Locale, ObjectLabels> = {
  en: {
    one: 'Quote',
    other: 'Quotes',
    fields: {
      number: 'Quote number', subject: 'Subject', account_id: 'Account', contact_id: 'Contact', opportunity_id: 'Opportunity', owner_id: 'Owner',
      status: 'Status', currency: 'Currency', valid_until: 'Valid until', rounding_mode: 'Rounding',
      prices_include_tax: 'Prices include tax', discount_percent: 'Overall discount (%)', net_total: 'Net total',
      discount_total: 'Discount', tax_total: 'Tax', gross_total: 'Total', notes: 'Terms and notes',
      created_by: 'Created by', created_at: 'Created', updated_at: 'Updated',
    },
    options: {
      status: { draft: 'Draft', sent: 'Sent', accepted: 'Accepted', rejected: 'Rejected', expired: 'Expired' },
      rounding_mode: { per_line: 'Per line', total: 'Per tax rate on the total' },
    },
    sections: { main: 'Quote', pricing: 'Pricing', totals: 'Totals', notes: 'Terms' },
  },
  'zh-CN': {
    one: '报价单',
    other: '报价单',
    fields: {
      number: '报价单号', subject: '主题', account_id: '客户', contact_id: '联系人', opportunity_id: '商机', owner_id: '负责人',
      status: '状态', currency: '币种', valid_until: '有效期至', rounding_mode: '舍入方式',
      prices_include_tax: '价格含税', discount_percent: '整单折扣 (%)', net_total: '不含税合计',
      discount_total: '折扣', tax_total: '税额', gross_total: '价税合计', notes: '条款与备注',
      created_by: '创建人', created_at: '创建时间', updated_at: '更新时间',
    },
    options: {
      status: { draft: '草稿', sent: '已发送', accepted: '已接受', rejected: '已拒绝', expired: '已过期' },
      rounding_mode: { per_line: '逐行舍入', total: '按税率合计舍入' },
    },
    sections: { main: '报价单', pricing: '计价', totals: '合计', notes: '条款' },
  },
  'zh-TW': {
    one: '報價單',
    other: '報價單',
    fields: {
      number: '報價單號', subject: '主旨', account_id: '客戶', contact_id: '聯絡人', opportunity_id: '商機', owner_id: '負責人',
      status: '狀態', currency: '幣別', valid_until: '有效期至', rounding_mode: '捨入方式',
      prices_include_tax: '價格含稅', discount_percent: '整單折扣 (%)', net_total: '未稅合計',
      discount_total: '折扣', tax_total: '稅額', gross_total: '含稅合計', notes: '條款與備註',
      created_by: '建立者', created_at: '建立時間', updated_at: '更新時間',
    },
    options: {
      status: { draft: '草稿', sent: '已寄出', accepted: '已接受', rejected: '已拒絕', expired: '已過期' },
      rounding_mode: { per_line: '逐行捨入', total: '依稅率合計捨入' },
    },
    sections: { main: '報價單', pricing: '計價', totals: '合計', notes: '條款' },
  },
};
