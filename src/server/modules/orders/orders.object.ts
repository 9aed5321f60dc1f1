import type { ObjectDef, Row, WriteContext } from '../../records/types.ts';
import { opts } from '../../records/options.ts';
import { searchValues } from '../../records/search-values.ts';
import { syncTimeline, timelineTargets } from '../../core/timeline.ts';
import { invalid } from '../../http/errors.ts';
import { percentIssue } from '../../records/line-items-input.ts';
import { ordersLabels } from './orders.labels.ts';
import { notEditable } from './orders.errors.ts';
import { defaultCurrencyFromAccount as defaultCurrency } from '../../records/account-currency.ts';

/** Values that decide an order's amounts or its credit: fixed once the order leaves draft. */
const LOCKED_AFTER_DRAFT = ['account_id', 'currency', 'order_date', 'rounding_mode', 'prices_include_tax', 'discount_percent'];

/** A stored value and a written one compared as text (a date column may come back as a Date). */
const comparable = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? '' : String(v));

const DEFAULTS: Row = { rounding_mode: 'per_line', prices_include_tax: false, discount_percent: 0 };

async function beforeWrite(ctx: WriteContext, values: Row, existing: Row | null): Promise<void> {
  if (existing && existing.status !== 'draft') {
    if (LOCKED_AFTER_DRAFT.some((k) => values[k] !== undefined && comparable(values[k]) !== comparable(existing[k]))) throw notEditable(existing.status);
    // Resent unchanged: dropped, so the engine does not recompute (and rewrite) the delivered lines.
    for (const k of LOCKED_AFTER_DRAFT) delete values[k];
  }
  for (const [k, v] of Object.entries(DEFAULTS)) if (values[k] === null || (!existing && values[k] === undefined)) values[k] = v;
  if (!existing) {
    // Every order starts as a draft; its status moves only through the actions (orders.service.ts).
    values.status = 'draft';
    await defaultCurrency(ctx, values);
  }
  if (values.order_date === null) delete values.order_date;
  const issue = percentIssue('discount_percent', values.discount_percent, 'discount_out_of_range');
  if (issue) throw invalid([issue]);
}

async function putOnTimeline(ctx: WriteContext, row: Row): Promise<void> {
  await syncTimeline(ctx.trx, 'order', row.id, {
    occurredAt: row.created_at, kind: 'order', title: row.number, body: row.subject, targets: timelineTargets(ctx.def, row), actorId: ctx.actor.id,
  });
}

export const ORDER_STATUSES = ['draft', 'confirmed', 'on_hold', 'partially_fulfilled', 'fulfilled', 'invoiced', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

const money = (key: string) => ({ key, type: 'money' as const, system: true });

// Sales orders: numbered SO-{YYYY}-{00000}, lines like quotes (GET/PUT /orders/{id}/lines, only
// in draft), status and credit status moved only by the actions in orders.routes.ts.
export const ordersObject: ObjectDef = {
  name: 'orders',
  singular: 'order',
  titleField: 'subject',
  titleSort: 'name',
  ownerField: 'owner_id',
  currencyField: 'currency',
  fields: [
    { key: 'number', type: 'text', system: true, max: 60 },
    { key: 'subject', type: 'text', required: true, max: 300 },
    { key: 'account_id', type: 'link', link: 'accounts', relatedList: true },
    { key: 'contact_id', type: 'link', link: 'contacts', relatedList: true },
    { key: 'owner_id', type: 'user' },
    // Set only by POST /orders/from-quote/{id}, after the quote's acceptance is checked.
    { key: 'quote_id', type: 'link', link: 'quotes', system: true, relatedList: true },
    { key: 'status', type: 'select', system: true, options: opts(...ORDER_STATUSES) },
    { key: 'currency', type: 'text', max: 3 },
    { key: 'order_date', type: 'date' },
    { key: 'expected_delivery', type: 'date' },
    { key: 'rounding_mode', type: 'select', options: opts('per_line', 'total') },
    { key: 'prices_include_tax', type: 'boolean' },
    { key: 'discount_percent', type: 'number' },
    money('net_total'), money('discount_total'), money('tax_total'), money('gross_total'),
    { key: 'credit_status', type: 'select', system: true, options: opts('ok', 'warning', 'hold', 'released') },
    { key: 'notes', type: 'longtext', max: 8000 },
    { key: 'created_by', type: 'user', system: true },
    { key: 'created_at', type: 'datetime', system: true },
    { key: 'updated_at', type: 'datetime', system: true },
  ],
  labels: ordersLabels,
  ui: {
    menu: { group: 'sales', icon: 'ShoppingCartOutlined', order: 50 },
    recordPage: true,
    subtitle: ['number', 'account_id', 'status'],
    listColumns: ['subject', 'number', 'account_id', 'status', 'order_date', 'expected_delivery', 'gross_total', 'owner_id', 'created_at'],
    quickCreate: ['subject', 'account_id', 'contact_id', 'order_date', 'expected_delivery', 'owner_id'],
    sections: [
      { key: 'main', fields: ['subject', 'number', 'account_id', 'contact_id', 'owner_id', 'quote_id', 'status', 'credit_status', 'order_date', 'expected_delivery'] },
      { key: 'pricing', fields: ['currency', 'rounding_mode', 'prices_include_tax', 'discount_percent'] },
      { key: 'totals', fields: ['net_total', 'discount_total', 'tax_total', 'gross_total'] },
      { key: 'notes', fields: ['notes'] },
      { key: 'custom', fields: [] },
      { key: 'system', fields: ['created_by', 'created_at', 'updated_at'] },
    ],
    defaults: { owner_id: '$me' },
  },
  // Sales write orders; managers and admins delete them (drafts and cancelled ones only).
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
  numbering: { field: 'number', type: 'order', pattern: 'SO-{YYYY}-{00000}' },
  lines: {
    table: 'order_lines',
    productObject: 'products',
    // An order made from a quote keeps its lines' price sources (orders.from-quote.ts).
    priceSource: { bookObject: 'price_books' },
    totals: { net: 'net_total', tax: 'tax_total', gross: 'gross_total', discount: 'discount_total' },
    roundingField: 'rounding_mode',
    pricesIncludeTaxField: 'prices_include_tax',
    discountField: 'discount_percent',
    mayEdit: (_ctx, parent) => {
      if (parent.status !== 'draft') throw notEditable(parent.status);
    },
  },
  beforeWrite,
  afterWrite: putOnTimeline,
  beforeDelete: async (_ctx, row) => {
    if (row.status !== 'draft' && row.status !== 'cancelled') throw notEditable(row.status);
  },
  notNull: ['subject', 'number', 'status', 'order_date', 'rounding_mode', 'prices_include_tax', 'discount_percent', 'net_total', 'discount_total', 'tax_total', 'gross_total'],
};
