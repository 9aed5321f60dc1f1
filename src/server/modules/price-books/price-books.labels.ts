import type { ObjectLabels } from '../../../shared/objects.ts';
import type { Locale } from '../../../shared/fields.ts';

export const priceBooksLabels: Record<Locale, ObjectLabels> = {
  en: {
    one: 'Price book',
    other: 'Price books',
    fields: {
      name: 'Name', currency: 'Currency', valid_from: 'Valid from', valid_to: 'Valid to', active: 'Active',
      is_default: 'Default for the currency', priority: 'Priority', description: 'Description',
      created_by: 'Created by', created_at: 'Created', updated_at: 'Updated',
    },
    sections: { main: 'Price book', notes: 'Description' },
  },
  'zh-CN': {
    one: '价格表',
    other: '价格表',
    fields: {
      name: '名称', currency: '币种', valid_from: '生效日期', valid_to: '失效日期', active: '启用',
      is_default: '该币种默认', priority: '优先级', description: '描述',
      created_by: '创建人', created_at: '创建时间', updated_at: '更新时间',
    },
    sections: { main: '价格表', notes: '描述' },
  },
  'zh-TW': {
    one: '價格表',
    other: '價格表',
    fields: {
      name: '名稱', currency: '幣別', valid_from: '生效日期', valid_to: '失效日期', active: '啟用',
      is_default: '該幣別預設', priority: '優先順序', description: '描述',
      created_by: '建立者', created_at: '建立時間', updated_at: '更新時間',
    },
    sections: { main: '價格表', notes: '描述' },
  },
};
