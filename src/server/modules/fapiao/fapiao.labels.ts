import type { ObjectLabels } from '../../../shared/objects.ts';
import type { Locale } from '../../../shared/fields.ts';

const KIND = {
  en: { digital_special: 'Digital special VAT fapiao', digital_normal: 'Digital normal VAT fapiao', paper_special: 'Paper special VAT fapiao', paper_normal: 'Paper normal VAT fapiao' },
  'zh-CN': { digital_special: '数电专票', digital_normal: '数电普票', paper_special: '纸质专票', paper_normal: '纸质普票' },
  'zh-TW': { digital_special: '數電專票', digital_normal: '數電普票', paper_special: '紙質專票', paper_normal: '紙質普票' },
};

export const fapiaoLabels: Record<Locale, ObjectLabels> = {
  en: {
    one: 'Fapiao',
    other: 'Fapiao',
    fields: {
      kind: 'Kind', colour: 'Colour', status: 'Status', reverses_id: 'Reverses fapiao', red_confirmation_number: 'Red confirmation number',
      red_state: 'Red reversal', number: 'Fapiao number', code: 'Fapiao code', issue_date: 'Issue date', provider: 'Issued through',
      account_id: 'Account', owner_id: 'Owner', buyer_name: 'Buyer name', buyer_tax_id: 'Buyer tax ID', buyer_address_phone: 'Buyer address and phone',
      buyer_bank_account: 'Buyer bank and account', seller_id: 'Seller profile', seller_name: 'Seller name', seller_tax_id: 'Seller tax ID', seller_address_phone: 'Seller address and phone',
      seller_bank_account: 'Seller bank and account', currency: 'Currency', rounding_mode: 'Rounding', prices_include_tax: 'Prices include tax',
      amount_net: 'Amount without tax', amount_tax: 'Tax', amount_total: 'Total', amount_reversed: 'Reversed by red fapiao', remarks: 'Remarks',
      void_reason: 'Void reason', created_by: 'Created by', created_at: 'Created', updated_at: 'Updated',
    },
    options: {
      kind: KIND.en,
      colour: { blue: 'Blue', red: 'Red' },
      status: { draft: 'Draft', requested: 'Requested', issued: 'Issued', voided: 'Voided' },
      red_state: { partly: 'Partly reversed', reversed: 'Reversed' },
      rounding_mode: { per_line: 'Per line', total: 'On the total' },
      provider: { manual: 'Manual entry' },
    },
    sections: { main: 'Fapiao', buyer: 'Buyer', seller: 'Seller', amounts: 'Amounts', red: 'Red fapiao', notes: 'Remarks' },
  },
  'zh-CN': {
    one: '发票',
    other: '发票',
    fields: {
      kind: '票种', colour: '颜色', status: '状态', reverses_id: '冲红的蓝票', red_confirmation_number: '红字确认单编号',
      red_state: '冲红情况', number: '发票号码', code: '发票代码', issue_date: '开票日期', provider: '开票渠道',
      account_id: '客户', owner_id: '负责人', buyer_name: '购买方名称', buyer_tax_id: '购买方纳税人识别号', buyer_address_phone: '购买方地址、电话',
      buyer_bank_account: '购买方开户行及账号', seller_id: '销售方档案', seller_name: '销售方名称', seller_tax_id: '销售方纳税人识别号', seller_address_phone: '销售方地址、电话',
      seller_bank_account: '销售方开户行及账号', currency: '币种', rounding_mode: '舍入', prices_include_tax: '含税价',
      amount_net: '金额（不含税）', amount_tax: '税额', amount_total: '价税合计', amount_reversed: '已冲红金额', remarks: '备注',
      void_reason: '作废原因', created_by: '创建人', created_at: '创建时间', updated_at: '更新时间',
    },
    options: {
      kind: KIND['zh-CN'],
      colour: { blue: '蓝字', red: '红字' },
      status: { draft: '草稿', requested: '已申请', issued: '已开具', voided: '已作废' },
      red_state: { partly: '部分冲红', reversed: '已全额冲红' },
      rounding_mode: { per_line: '按行', total: '按合计' },
      provider: { manual: '手工开具' },
    },
    sections: { main: '发票', buyer: '购买方', seller: '销售方', amounts: '金额', red: '红字发票', notes: '备注' },
  },
  'zh-TW': {
    one: '發票',
    other: '發票',
    fields: {
      kind: '票種', colour: '顏色', status: '狀態', reverses_id: '沖紅的藍票', red_confirmation_number: '紅字確認單編號',
      red_state: '沖紅情況', number: '發票號碼', code: '發票代碼', issue_date: '開票日期', provider: '開票管道',
      account_id: '客戶', owner_id: '負責人', buyer_name: '購買方名稱', buyer_tax_id: '購買方納稅人識別號', buyer_address_phone: '購買方地址、電話',
      buyer_bank_account: '購買方開戶行及帳號', seller_id: '銷售方檔案', seller_name: '銷售方名稱', seller_tax_id: '銷售方納稅人識別號', seller_address_phone: '銷售方地址、電話',
      seller_bank_account: '銷售方開戶行及帳號', currency: '幣別', rounding_mode: '捨入', prices_include_tax: '含稅價',
      amount_net: '金額（不含稅）', amount_tax: '稅額', amount_total: '價稅合計', amount_reversed: '已沖紅金額', remarks: '備註',
      void_reason: '作廢原因', created_by: '建立者', created_at: '建立時間', updated_at: '更新時間',
    },
    options: {
      kind: KIND['zh-TW'],
      colour: { blue: '藍字', red: '紅字' },
      status: { draft: '草稿', requested: '已申請', issued: '已開具', voided: '已作廢' },
      red_state: { partly: '部分沖紅', reversed: '已全額沖紅' },
      rounding_mode: { per_line: '按行', total: '按合計' },
      provider: { manual: '手工開立' },
    },
    sections: { main: '發票', buyer: '購買方', seller: '銷售方', amounts: '金額', red: '紅字發票', notes: '備註' },
  },
};
