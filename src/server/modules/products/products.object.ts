import type { ObjectDef, Row } from '../../records/types.ts';
import { opts } from '../../records/options.ts';
import { searchValues } from '../../records/search-values.ts';
import { invalid } from '../../http/errors.ts';
import { percentIssue } from '../../records/line-items-input.ts';
import { productsLabels } from './products.labels.ts';


const DEFAULTS: Row = { type: 'goods', active: true, tax_rate: 0 };

// The catalogue quotes (and later orders and invoices) pick lines from (records/line-items.ts
// copies sku, name, unit, list price and tax rate). Everyone may read it; managers keep it.
export const productsObject: ObjectDef = {
  name: 'products',
  singular: 'product',
  titleField: 'name',
  titleSort: 'name',
  fields: [
    { key: 'name', type: 'text', required: true, max: 300 },
    { key: 'sku', type: 'text', max: 100 },
    { key: 'type', type: 'select', options: opts('goods', 'service', 'subscription') },
    { key: 'unit', type: 'text', max: 30 },
    { key: 'category', type: 'text', max: 100 },
    { key: 'list_price', type: 'money' },
    { key: 'cost_price', type: 'money' },
    { key: 'tax_rate', type: 'number' },
    { key: 'tax_code', type: 'text', max: 19 },
    { key: 'active', type: 'boolean' },
    { key: 'description', type: 'longtext', max: 4000 },
    { key: 'created_by', type: 'user', system: true },
    { key: 'created_at', type: 'datetime', system: true },
    { key: 'updated_at', type: 'datetime', system: true },
  ],
  labels: productsLabels,
  ui: {
    menu: { group: 'sales', icon: 'ShoppingOutlined', order: 50 },
    recordPage: true,
    listColumns: ['name', 'sku', 'type', 'category', 'unit', 'list_price', 'tax_rate', 'active'],
    quickCreate: ['name', 'sku', 'type', 'unit', 'list_price', 'tax_rate'],
    subtitle: ['sku', 'category'],
    sections: [
      { key: 'main', fields: ['name', 'sku', 'type', 'category', 'unit', 'active'] },
      { key: 'pricing', fields: ['list_price', 'cost_price', 'tax_rate', 'tax_code'] },
      { key: 'notes', fields: ['description'] },
      { key: 'custom', fields: [] },
      { key: 'system', fields: ['created_by', 'created_at', 'updated_at'] },
    ],
    defaults: { type: 'goods', active: true },
  },
  policy: {
    create: ['admin', 'manager'], update: ['admin', 'manager'], delete: ['admin', 'manager'],
    import: ['admin', 'manager'], export: ['admin', 'manager', 'sales'],
  },
  search: {
    document: (r) => ({ names: searchValues(r, ['name']), other: searchValues(r, ['sku', 'category', 'tax_code']), notes: searchValues(r, ['description']) }),
    pinyin: 'company',
    subtitle: ['sku', 'category'],
    global: true,
  },
  import: {
    synonyms: {
      sku: ['sku', 'item code', 'product code', '产品编码', '商品编码', '货号', '產品編碼'],
      list_price: ['price', 'list price', 'unit price', '价格', '单价', '标准价', '價格', '單價'],
      tax_rate: ['tax rate', 'vat', '税率', '稅率'],
      tax_code: ['tax code', '税收分类编码', '稅收分類編碼'],
    },
    identity: [{ tag: 'k', label: 'SKU', column: 'sku', of: (v) => (typeof v.sku === 'string' && v.sku.trim() ? v.sku.trim() : null) }],
  },
  beforeWrite: async (_ctx, values, existing) => {
    // Cleared or left out: the defaults (the columns are NOT NULL).
    for (const [k, v] of Object.entries(DEFAULTS)) if (values[k] === null || (!existing && values[k] === undefined)) values[k] = v;
    // The tax rate is a percent with at most 4 decimals (the lines' numeric(7,4)). The tax code
    // (税收分类编码) is kept as typed: the fapiao step checks it against the tax bureau's list.
    const issue = percentIssue('tax_rate', values.tax_rate, 'tax_rate_out_of_range');
    if (issue) throw invalid([issue]);
  },
  notNull: ['name', 'type', 'active', 'tax_rate'],
};
