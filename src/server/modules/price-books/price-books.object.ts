import type { ObjectDef, Row, WriteContext } from '../../records/types.ts';
import { searchValues } from '../../records/search-values.ts';
import { CURRENCIES } from '../../records/money.ts';
import { invalid, type FieldIssue } from '../../http/errors.ts';
import { minorDigits } from '../../../shared/money.ts';
import { priceBooksLabels } from './price-books.labels.ts';
import { maxEntryDecimals } from './price-books.repo.ts';

const DEFAULTS: Row = { active: true, is_default: false, priority: 0 };

/** Currency, dates and priority of a book as it will be stored (merged with the stored row). */
async function checkBook(ctx: WriteContext, values: Row, existing: Row | null): Promise<void> {
  if (typeof values.currency === 'string') values.currency = values.currency.trim().toUpperCase();
  const merged = { ...existing, ...values };
  const issues: FieldIssue[] = [];
  if (!merged.currency || !CURRENCIES.has(merged.currency)) issues.push({ field: 'currency', message: 'An ISO 4217 currency code', code: merged.currency ? 'unknown_currency' : 'required' });
  if (!Number.isInteger(merged.priority) || Math.abs(merged.priority) > 1_000_000) issues.push({ field: 'priority', message: 'A whole number', code: 'invalid_number' });
  const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'string' ? v.slice(0, 10) : null);
  const from = day(merged.valid_from), to = day(merged.valid_to);
  if (from && to && to < from) issues.push({ field: 'valid_to', message: 'Ends before it starts', code: 'invalid_range' });
  // A new currency must hold the entries' prices (never rounded behind the author's back).
  if (existing && values.currency && values.currency !== existing.currency && CURRENCIES.has(values.currency)) {
    if ((await maxEntryDecimals(ctx.trx, existing.id)) > Math.min(minorDigits(values.currency), 4)) {
      issues.push({ field: 'currency', message: `The entries' prices have more decimals than ${values.currency} has`, code: 'too_many_decimals' });
    }
  }
  if (issues.length) throw invalid(issues);
}

// Price books: prices per currency for an audience of accounts (the condition tree is kept in
// the `audience` column and written through PUT /price_books/{id}/audience), valid between two
// dates, with entries and quantity tiers (/price_books/{id}/entries). Everyone reads them (the
// line editor prices from them); managers and administrators keep them.
export const priceBooksObject: ObjectDef = {
  name: 'price_books',
  singular: 'price_book',
  titleField: 'name',
  titleSort: 'name',
  // Its prices are in this currency.
  currencyField: 'currency',
  fields: [
    { key: 'name', type: 'text', required: true, max: 200 },
    { key: 'currency', type: 'text', required: true, max: 3 },
    { key: 'valid_from', type: 'date' },
    { key: 'valid_to', type: 'date' },
    { key: 'active', type: 'boolean' },
    { key: 'is_default', type: 'boolean' },
    { key: 'priority', type: 'number' },
    { key: 'description', type: 'longtext', max: 4000 },
    { key: 'created_by', type: 'user', system: true },
    { key: 'created_at', type: 'datetime', system: true },
    { key: 'updated_at', type: 'datetime', system: true },
  ],
  labels: priceBooksLabels,
  ui: {
    menu: { group: 'sales', icon: 'DollarOutlined', order: 55 },
    recordPage: true,
    listColumns: ['name', 'currency', 'priority', 'is_default', 'active', 'valid_from', 'valid_to'],
    quickCreate: ['name', 'currency', 'priority', 'is_default', 'valid_from', 'valid_to'],
    subtitle: ['currency'],
    sections: [
      { key: 'main', fields: ['name', 'currency', 'priority', 'is_default', 'active', 'valid_from', 'valid_to'] },
      { key: 'notes', fields: ['description'] },
      { key: 'custom', fields: [] },
      { key: 'system', fields: ['created_by', 'created_at', 'updated_at'] },
    ],
    defaults: { active: true, is_default: false, priority: 0 },
  },
  // No import declaration: price books are kept on their pages (an import answers unknown_object).
  policy: {
    create: ['admin', 'manager'], update: ['admin', 'manager'], delete: ['admin', 'manager'], export: ['admin', 'manager'],
  },
  search: {
    document: (r) => ({ names: searchValues(r, ['name']), other: searchValues(r, ['currency']), notes: searchValues(r, ['description']) }),
    pinyin: 'company',
    subtitle: ['currency'],
    global: false,
  },
  beforeWrite: async (ctx, values, existing) => {
    for (const [k, v] of Object.entries(DEFAULTS)) if (values[k] === null || (!existing && values[k] === undefined)) values[k] = v;
    await checkBook(ctx, values, existing);
  },
  notNull: ['name', 'currency', 'active', 'is_default', 'priority'],
};
