import type { ObjectLabels } from '../../../shared/objects.ts';
import type { Locale } from '../../../shared/fields.ts';

export const paymentsLabels: Record<Locale, ObjectLabels> = {
  en: {
    one: 'Payment',
    other: 'Payments',
    fields: {
      number: 'Payment number', account_id: 'Account', owner_id: 'Owner', method: 'Method', amount: 'Amount', currency: 'Currency',
      received_on: 'Received on', reference: 'Reference', note: 'Note', amount_allocated: 'Allocated', amount_unapplied: 'Unapplied',
      created_by: 'Created by', created_at: 'Created', updated_at: 'Updated',
    },
    options: {
      method: { bank_transfer: 'Bank transfer', alipay: 'Alipay', wechat_pay: 'WeChat Pay', cash: 'Cash', cheque: 'Cheque', card: 'Card', acceptance_bill: 'Acceptance bill' },
    },
    sections: { main: 'Payment', amounts: 'Amounts', notes: 'Notes' },
  },
  'zh-CN': {
    one: '收款',
    other: '收款',
    fields: {
      number: '收款单号', account_id: '客户', owner_id: '负责人', method: '收款方式', amount: '金额', currency: '币种',
      received_on: '收款日期', reference: '流水号', note: '备注', amount_allocated: '已核销', amount_unapplied: '未核销',
      created_by: '创建人', created_at: '创建时间', updated_at: '更新时间',
    },
    options: {
      method: { bank_transfer: '银行转账', alipay: '支付宝', wechat_pay: '微信支付', cash: '现金', cheque: '支票', card: '银行卡', acceptance_bill: '承兑汇票' },
    },
    sections: { main: '收款', amounts: '金额', notes: '备注' },
  },
  'zh-TW': {
    one: '收款',
    other: '收款',
    fields: {
      number: '收款單號', account_id: '客戶', owner_id: '負責人', method: '收款方式', amount: '金額', currency: '幣別',
      received_on: '收款日期', reference: '交易序號', note: '備註', amount_allocated: '已沖帳', amount_unapplied: '未沖帳',
      created_by: '建立者', created_at: '建立時間', updated_at: '更新時間',
    },
    options: {
      method: { bank_transfer: '銀行轉帳', alipay: '支付寶', wechat_pay: '微信支付', cash: '現金', cheque: '支票', card: '信用卡', acceptance_bill: '承兌匯票' },
    },
    sections: { main: '收款', amounts: '金額', notes: '備註' },
  },
};
