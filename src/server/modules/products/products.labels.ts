import type { ObjectLabels } from '../../../shared/objects.ts';
import type { Locale } from '../../../shared/fields.ts';

export const productsLabels: Record<Locale, ObjectLabels> = {
  en: {
    one: 'Product',
    other: 'Products',
    fields: {
      name: 'Product name', sku: 'SKU', type: 'Type', unit: 'Unit', category: 'Category', list_price: 'List price',
      cost_price: 'Cost price', tax_rate: 'Tax rate (%)', tax_code: 'Tax classification code', active: 'Active',
      description: 'Description', created_by: 'Created by', created_at: 'Created', updated_at: 'Updated',
    },
    options: { type: { goods: 'Goods', service: 'Service', subscription: 'Subscription' } },
    sections: { main: 'Product', pricing: 'Pricing and tax', notes: 'Description' },
  },
  'zh-CN': {
    one: '产品',
    other: '产品',
    fields: {
      name: '产品名称', sku: '产品编码', type: '类型', unit: '单位', category: '类别', list_price: '标准价',
      cost_price: '成本价', tax_rate: '税率 (%)', tax_code: '税收分类编码', active: '启用',
      description: '描述', created_by: '创建人', created_at: '创建时间', updated_at: '更新时间',
    },
    options: { type: { goods: '商品', service: '服务', subscription: '订阅' } },
    sections: { main: '产品', pricing: '价格与税', notes: '描述' },
  },
  'zh-TW': {
    one: '產品',
    other: '產品',
    fields: {
      name: '產品名稱', sku: '產品編碼', type: '類型', unit: '單位', category: '類別', list_price: '標準價',
      cost_price: '成本價', tax_rate: '稅率 (%)', tax_code: '稅收分類編碼', active: '啟用',
      description: '描述', created_by: '建立者', created_at: '建立時間', updated_at: '更新時間',
    },
    options: { type: { goods: '商品', service: '服務', subscription: '訂閱' } },
    sections: { main: '產品', pricing: '價格與稅', notes: '描述' },
  },
};
