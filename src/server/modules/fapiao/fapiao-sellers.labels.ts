import type { ObjectLabels } from '../../../shared/objects.ts';
import type { Locale } from '../../../shared/fields.ts';

export const fapiaoSellersLabels: Record<Locale, ObjectLabels> = {
  en: {
    one: 'Seller profile',
    other: 'Seller profiles',
    fields: {
      name: 'Seller name', tax_id: 'Tax ID', address_phone: 'Address and phone', bank_account: 'Bank and account',
      is_default: 'Default', active: 'Active', created_by: 'Created by', created_at: 'Created', updated_at: 'Updated',
    },
    sections: { main: 'Seller' },
  },
  'zh-CN': {
    one: '销售方',
    other: '销售方',
    fields: {
      name: '销售方名称', tax_id: '纳税人识别号', address_phone: '地址、电话', bank_account: '开户行及账号',
      is_default: '默认', active: '启用', created_by: '创建人', created_at: '创建时间', updated_at: '更新时间',
    },
    sections: { main: '销售方' },
  },
  'zh-TW': {
    one: '銷售方',
    other: '銷售方',
    fields: {
      name: '銷售方名稱', tax_id: '納稅人識別號', address_phone: '地址、電話', bank_account: '開戶行及帳號',
      is_default: '預設', active: '啟用', created_by: '建立者', created_at: '建立時間', updated_at: '更新時間',
    },
    sections: { main: '銷售方' },
  },
};
