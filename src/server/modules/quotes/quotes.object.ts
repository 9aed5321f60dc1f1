import type { ObjectDef, Row, WriteContext } from '../../records/types.ts';
import { opts } from '../../records/options.ts';
import { searchValues } from '../../records/search-values.ts';
import { syncTimeline, timelineTargets } from '../../core/timeline.ts';
import { invalid } from '../../http/errors.ts';
import { percentIssue } from '../../records/line-items-input.ts';
import { quotesLabels } from './quotes.labels.ts';
import { printQuote } from './quotes.print.ts';
import { checkQuoteWrite, EDITABLE, notEditable, QUOTE_STATUSES } from './quotes.status.ts';
import { revisionColumns } from './quotes.revision-context.ts';
import { defaultCurrencyFromAccount as defaultCurrency } from '../../records/account-currency.ts';

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
  titleSort: 'name',
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
    // Changed by the actions (POST /quotes/{id}/submit, /send, …), a PATCH only withdraws, expires or reopens (quotes.status.ts).
    { key: 'status', type: 'select', options: opts(...QUOTE_STATUSES) },
    { key: 'currency', type: 'text', max: 3 },
    { key: 'valid_until', type: 'date' },
    { key: 'rounding_mode', type: 'select', options: opts('per_line', 'total') },
    { key: 'prices_include_tax', type: 'boolean' },
    { key: 'discount_percent', type: 'number' },
    money('net_total'), money('discount_total'), money('tax_total'), money('gross_total'),
    { key: 'notes', type: 'longtext', max: 8000 },
    // Versions (POST /quotes/{id}/revise): Q-2026-00012, then Q-2026-00012-2 linking the first and the one it replaced.
    { key: 'version_no', type: 'number', system: true },
    { key: 'root_id', type: 'link', link: 'quotes', system: true },
    { key: 'previous_id', type: 'link', link: 'quotes', system: true },
    { key: 'submitted_at', type: 'datetime', system: true },
    { key: 'approved_by', type: 'user', system: true },
    { key: 'approved_at', type: 'datetime', system: true },
    { key: 'approval_comment', type: 'longtext', system: true, max: 2000 },
    { key: 'sent_at', type: 'datetime', system: true },
    { key: 'sent_pdf_hash', type: 'text', system: true, max: 64 },
    { key: 'accepted_by_name', type: 'text', system: true, max: 200 },
    { key: 'accepted_at', type: 'datetime', system: true },
    { key: 'accepted_ip', type: 'text', system: true, max: 64 },
    { key: 'rejected_at', type: 'datetime', system: true },
    { key: 'rejection_reason', type: 'longtext', system: true, max: 2000 },
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
      { key: 'main', fields: ['subject', 'number', 'version_no', 'account_id', 'contact_id', 'opportunity_id', 'owner_id', 'status', 'valid_until'] },
      { key: 'pricing', fields: ['currency', 'rounding_mode', 'prices_include_tax', 'discount_percent'] },
      { key: 'totals', fields: ['net_total', 'discount_total', 'tax_total', 'gross_total'] },
      { key: 'notes', fields: ['notes'] },
      { key: 'approval', fields: ['submitted_at', 'approved_by', 'approved_at', 'approval_comment'] },
      { key: 'answer', fields: ['sent_at', 'sent_pdf_hash', 'accepted_by_name', 'accepted_at', 'accepted_ip', 'rejected_at', 'rejection_reason'] },
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
    // Lines are snapshotted from the price book: each keeps the book and tier its price came from.
    priceSource: { bookObject: 'price_books' },
    totals: { net: 'net_total', tax: 'tax_total', gross: 'gross_total', discount: 'discount_total' },
    roundingField: 'rounding_mode',
    pricesIncludeTaxField: 'prices_include_tax',
    discountField: 'discount_percent',
    // Lines change with the quote's fields: only while it is a draft (or its approval was refused).
    mayEdit: (_ctx, parent) => {
      if (!EDITABLE.includes(String(parent.status))) throw notEditable(String(parent.status));
    },
  },
  beforeWrite: async (ctx, values, existing) => {
    // Cleared or left out: the defaults (the columns are NOT NULL).
    for (const [k, v] of Object.entries(DEFAULTS)) if (values[k] === null || (!existing && values[k] === undefined)) values[k] = v;
    checkQuoteWrite(values, existing);
    // A revision (quotes.revise.ts) takes its chain's number with the version suffix.
    if (!existing) Object.assign(values, revisionColumns(ctx.trx) ?? {});
    if (!existing) await defaultCurrency(ctx, values);
    const issue = percentIssue('discount_percent', values.discount_percent, 'discount_out_of_range');
    if (issue) throw invalid([issue]);
  },
  afterWrite: putOnTimeline,
  printable: printQuote,
  notNull: ['subject', 'number', 'version_no', 'status', 'rounding_mode', 'prices_include_tax', 'discount_percent', 'net_total', 'discount_total', 'tax_total', 'gross_total'],
};
