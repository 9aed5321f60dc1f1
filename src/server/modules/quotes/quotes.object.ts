import type { ObjectDef, Row, WriteContext } from '../../records/types.ts';
import { opts } from '../../records/options.ts';
import { searchValues } from '../../records/search-values.ts';
import { syncTimeline, timelineTargets } from '../../core/timeline.ts';
import { invalid } from '../../http/errors.ts';
import { percentIssue } from '../../records/line-items-input.ts';
import { getObject } from '../../records/registry.ts';
import { loadVisible } from '../../records/service.ts';
import { orgCurrency } from '../../records/money.ts';
import { quotesLabels } from './quotes.labels.ts';
import { printQuote } from './quotes.print.ts';

/** A new quote without a currency takes its account's, else the organisation's — stored, so it never changes under it. */
async function defaultCurrency(ctx: WriteContext, values: Row): Promise<void> {
  if (values.currency) return;
  let currency: string | null = null;
  // The link was checked like a read (records/links.ts): the actor may see this account.
  if (typeof values.account_id === 'number') currency = (await loadVisible(ctx.trx, getObject('accounts'), ctx.actor, values.account_id)).currency ?? null;
  values.currency = currency || (await orgCurrency(ctx.trx));
}

async function putOnTimeline(ctx: WriteContext, row: Row): Promise<void> {
  await syncTimeline(ctx.trx, 'quote', row.id, {
    occurredAt: row.created_at, kind: 'quote', title: row.number, body: row.subject, targets: timelineTargets(ctx.def, row), actorId: ctx.actor.id,
  });
}

const DEFAULTS: Row = { status: 'draft', rounding_mode: 'per_line', prices_include_tax: false, discount_percent: 0 };

const money = (key: string) => ({ key, type: 'money' as const, system: true });

// Quotes: numbered Q-{YYYY}-{00000}, lines from the catalogue (GET/PUT /quotes/{id}/lines,
// modules/line-items), totals written only by the lines service.
export const quotesObject: ObjectDef = {
  name: 'quotes',
  singular: 'quote',
  titleField: 'subject',
  ownerField: 'owner_id',
  currencyField: 'currency',
  fields: [
    { key: 'number', type: 'text', system: true, max: 60 },
    { key: 'subject', type: 'text', required: true, max: 300 },
    { key: 'account_id', type: 'link', link: 'accounts', relatedList: true },
    { key: 'contact_id', type: 'link', link: 'contacts', relatedList: true },
    // The opportunity it was made from (POST /opportunities/{id}/quote; migration 002).
    { key: 'opportunity_id', type: 'link', link: 'opportunities', relatedList: true },
    { key: 'owner_id', type: 'user' },
    { key: 'status', type: 'select', options: opts('draft', 'sent', 'accepted', 'rejected', 'expired') },
    { key: 'currency', type: 'text', max: 3 },
    { key: 'valid_until', type: 'date' },
    { key: 'rounding_mode', type: 'select', options: opts('per_line', 'total') },
    { key: 'prices_include_tax', type: 'boolean' },
    { key: 'discount_percent', type: 'number' },
    money('net_total'), money('discount_total'), money('tax_total'), money('gross_total'),
    { key: 'notes', type: 'longtext', max: 8000 },
    { key: 'created_by', type: 'user', system: true },
    { key: 'created_at', type: 'datetime', system: true },
    { key: 'updated_at', type: 'datetime', system: true },
  ],
  labels: quotesLabels,
  ui: {
    menu: { group: 'sales', icon: 'FileTextOutlined', order: 40 },
    recordPage: true,
    subtitle: ['number', 'account_id', 'status'],
    listColumns: ['subject', 'number', 'account_id', 'status', 'valid_until', 'gross_total', 'owner_id', 'created_at'],
    quickCreate: ['subject', 'account_id', 'contact_id', 'valid_until', 'owner_id'],
    sections: [
      { key: 'main', fields: ['subject', 'number', 'account_id', 'contact_id', 'opportunity_id', 'owner_id', 'status', 'valid_until'] },
      { key: 'pricing', fields: ['currency', 'rounding_mode', 'prices_include_tax', 'discount_percent'] },
      { key: 'totals', fields: ['net_total', 'discount_total', 'tax_total', 'gross_total'] },
      { key: 'notes', fields: ['notes'] },
      { key: 'custom', fields: [] },
      { key: 'system', fields: ['created_by', 'created_at', 'updated_at'] },
    ],
    defaults: { owner_id: '$me', status: 'draft' },
  },
  // Sales write quotes; managers and admins delete them.
  policy: { delete: ['admin', 'manager'], import: ['admin', 'manager'] },
  search: {
    document: (r) => ({ names: searchValues(r, ['subject']), other: searchValues(r, ['number']), notes: searchValues(r, ['notes']) }),
    pinyin: 'company',
    subtitle: ['number', 'account_id'],
    global: true,
    related: [{ link: 'account_id', fields: ['name'] }],
  },
  import: { synonyms: { subject: ['subject', 'title', '主题', '主旨'] }, identity: [] },
  timeline: { targets: ['account_id', 'contact_id'], title: 'number', body: 'subject' },
  numbering: { field: 'number', type: 'quote', pattern: 'Q-{YYYY}-{00000}' },
  lines: {
    table: 'quote_lines',
    productObject: 'products',
    totals: { net: 'net_total', tax: 'tax_total', gross: 'gross_total', discount: 'discount_total' },
    roundingField: 'rounding_mode',
    pricesIncludeTaxField: 'prices_include_tax',
    discountField: 'discount_percent',
  },
  beforeWrite: async (ctx, values, existing) => {
    // Cleared or left out: the defaults (the columns are NOT NULL).
    for (const [k, v] of Object.entries(DEFAULTS)) if (values[k] === null || (!existing && values[k] === undefined)) values[k] = v;
    if (!existing) await defaultCurrency(ctx, values);
    const issue = percentIssue('discount_percent', values.discount_percent, 'discount_out_of_range');
    if (issue) throw invalid([issue]);
  },
  afterWrite: putOnTimeline,
  printable: printQuote,
  notNull: ['subject', 'number', 'status', 'rounding_mode', 'prices_include_tax', 'discount_percent', 'net_total', 'discount_total', 'tax_total', 'gross_total'],
};
