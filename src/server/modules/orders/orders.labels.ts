import type { ObjectLabels } from '../../../shared/objects.ts';
import type { Locale } from '../../../shared/fields.ts';

export const ordersLabels: Record<Locale, ObjectLabels> = {
  en: {
    one: 'Order',
    other: 'Orders',
    fields: {
      number: 'Order number', subject: 'Subject', account_id: 'Account', contact_id: 'Contact', owner_id: 'Owner',
      quote_id: 'Quote', status: 'Status', currency: 'Currency', order_date: 'Order date', expected_delivery: 'Expected delivery',
      rounding_mode: 'Rounding', prices_include_tax: 'Prices include tax', discount_percent: 'Overall discount (%)',
      net_total: 'Net total', discount_total: 'Discount', tax_total: 'Tax', gross_total: 'Total', credit_status: 'Credit check',
      notes: 'Notes', created_by: 'Created by', created_at: 'Created', updated_at: 'Updated',
    },
    options: {
      status: {
        draft: 'Draft', confirmed: 'Confirmed', on_hold: 'On credit hold', partially_fulfilled: 'Partially fulfilled',
        fulfilled: 'Fulfilled', invoiced: 'Invoiced', cancelled: 'Cancelled',
      },
      rounding_mode: { per_line: 'Per line', total: 'Per tax rate on the total' },
      credit_status: { ok: 'Within limit', warning: 'Confirmed with a warning', hold: 'Held', released: 'Released by a manager' },
    },
    sections: { main: 'Order', pricing: 'Pricing', totals: 'Totals', notes: 'Notes' },
  },
  'zh-CN': {
    one: '销售订单',
    other: '销售订单',
    fields: {
      number: '订单号', subject: '主题', account_id: '客户', contact_id: '联系人', owner_id: '负责人',
      quote_id: '报价单', status: '状态', currency: '币种', order_date: '下单日期', expected_delivery: '预计交付',
      rounding_mode: '舍入方式', prices_include_tax: '价格含税', discount_percent: '整单折扣 (%)',
      net_total: '不含税合计', discount_total: '折扣', tax_total: '税额', gross_total: '价税合计', credit_status: '信用检查',
      notes: '备注', created_by: '创建人', created_at: '创建时间', updated_at: '更新时间',
    },
    options: {
      status: {
        draft: '草稿', confirmed: '已确认', on_hold: '信用冻结', partially_fulfilled: '部分交付',
        fulfilled: '已交付', invoiced: '已开票', cancelled: '已取消',
      },
      rounding_mode: { per_line: '逐行舍入', total: '按税率合计舍入' },
      credit_status: { ok: '额度内', warning: '已确认（有提醒）', hold: '已冻结', released: '经理已放行' },
    },
    sections: { main: '订单', pricing: '定价', totals: '合计', notes: '备注' },
  },
  'zh-TW': {
    one: '銷售訂單',
    other: '銷售訂單',
    fields: {
      number: '訂單編號', subject: '主旨', account_id: '客戶', contact_id: '聯絡人', owner_id: '負責人',
      quote_id: '報價單', status: '狀態', currency: '幣別', order_date: '下單日期', expected_delivery: '預計交付',
      rounding_mode: '捨入方式', prices_include_tax: '價格含稅', discount_percent: '整單折扣 (%)',
      net_total: '未稅合計', discount_total: '折扣', tax_total: '稅額', gross_total: '含稅合計', credit_status: '信用檢查',
      notes: '備註', created_by: '建立人', created_at: '建立時間', updated_at: '更新時間',
    },
    options: {
      status: {
        draft: '草稿', confirmed: '已確認', on_hold: '信用凍結', partially_fulfilled: '部分交付',
        fulfilled: '已交付', invoiced: '已開票', cancelled: '已取消',
      },
      rounding_mode: { per_line: '逐行捨入', total: '按稅率合計捨入' },
      credit_status: { ok: '額度內', warning: '已確認（有提醒）', hold: '已凍結', released: '經理已放行' },
    },
    sections: { main: '訂單', pricing: '定價', totals: '合計', notes: '備註' },
  },
};
