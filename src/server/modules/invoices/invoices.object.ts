import { sql } from 'kysely';
import type { ObjectDef, Row, Tx, WriteContext } from '../../records/types.ts';
import { opts } from '../../records/options.ts';
import { searchValues } from '../../records/search-values.ts';
import { syncTimeline, timelineTargets } from '../../core/timeline.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { percentIssue } from '../../records/line-items-input.ts';
import { getObject } from '../../records/registry.ts';
import { orgCurrency } from '../../records/money.ts';
import { canReadField } from '../../core/access.ts';
import { orgToday } from '../../core/org-time.ts';
import { minorDigits, parseMoney } from '../../../shared/money.ts';
import { invoicesLabels } from './invoices.labels.ts';
import { brokenPromiseOf } from './collections.repo.ts';
import { defaultCurrencyFromAccount as defaultCurrency } from '../../records/account-currency.ts';

/** What a client may still change on an invoice once it has left draft (the rest is the document). */
const EDITABLE_AFTER_DRAFT = new Set(['owner_id', 'subject', 'notes', 'contact_id', 'version']);

export const notEditable = (status: string) =>
  new AppError('invoice_not_editable', `This invoice is ${status}: only a draft can be changed`, { reason: 'invoice_not_editable', status });

/** The invoice's entry on its account's and contact's timelines (kept in step on every change). */
export async function invoiceOnTimeline(trx: Tx, row: Row, actorId: number | null): Promise<void> {
  const def = getObject('invoices');
  await syncTimeline(trx, 'invoice', row.id, {
    occurredAt: row.created_at, kind: row.kind === 'credit_note' ? 'credit_note' : 'invoice', title: row.number,
    body: row.subject ?? null, targets: timelineTargets(def, row), actorId,
  });
}

const DEFAULTS: Row = { rounding_mode: 'per_line', prices_include_tax: false, discount_percent: 0, payment_terms_days: 30 };
const money = (key: string) => ({ key, type: 'money' as const, system: true });

// Invoices and credit notes: numbered INV-{YYYY}-{00000}, lines (GET/PUT /invoices/{id}/lines,
// modules/line-items) only while draft and not made from a source; status, amounts paid,
// credited and due are written by the invoices and payments services only.
export const invoicesObject: ObjectDef = {
  name: 'invoices',
  singular: 'invoice',
  // The subject is the title (the number when none is given), as quotes do: the number is the subtitle.
  titleField: 'subject',
  ownerField: 'owner_id',
  currencyField: 'currency',
  fields: [
    { key: 'number', type: 'text', system: true, max: 60 },
    { key: 'kind', type: 'select', system: true, options: opts('invoice', 'credit_note') },
    { key: 'credited_invoice_id', type: 'link', link: 'invoices', system: true, onDelete: 'restrict' },
    { key: 'subject', type: 'text', max: 300 },
    { key: 'account_id', type: 'link', link: 'accounts', relatedList: true },
    { key: 'contact_id', type: 'link', link: 'contacts', relatedList: true },
    { key: 'owner_id', type: 'user' },
    { key: 'status', type: 'select', system: true, options: opts('draft', 'issued', 'partially_paid', 'paid', 'void') },
    { key: 'currency', type: 'text', max: 3 },
    { key: 'issue_date', type: 'date' },
    { key: 'payment_terms_days', type: 'number' },
    { key: 'due_date', type: 'date' },
    { key: 'source_object', type: 'text', system: true, max: 60 },
    { key: 'source_id', type: 'number', system: true },
    { key: 'rounding_mode', type: 'select', options: opts('per_line', 'total') },
    { key: 'prices_include_tax', type: 'boolean' },
    { key: 'discount_percent', type: 'number' },
    money('net_total'), money('discount_total'), money('tax_total'), money('gross_total'),
    money('amount_paid'), money('amount_credited'), money('amount_due'),
    { key: 'void_reason', type: 'text', system: true, max: 1000 },
    { key: 'notes', type: 'longtext', max: 8000 },
    { key: 'created_by', type: 'user', system: true },
    { key: 'created_at', type: 'datetime', system: true },
    { key: 'updated_at', type: 'datetime', system: true },
  ],
  labels: invoicesLabels,
  ui: {
    menu: { group: 'sales', icon: 'SolutionOutlined', order: 60 },
    recordPage: true,
    subtitle: ['number', 'kind', 'account_id', 'status'],
    listColumns: ['number', 'subject', 'kind', 'account_id', 'status', 'issue_date', 'due_date', 'gross_total', 'amount_due', 'owner_id'],
    quickCreate: ['subject', 'account_id', 'contact_id', 'payment_terms_days', 'owner_id'],
    sections: [
      { key: 'main', fields: ['number', 'kind', 'credited_invoice_id', 'subject', 'account_id', 'contact_id', 'owner_id', 'status'] },
      { key: 'dates', fields: ['issue_date', 'payment_terms_days', 'due_date'] },
      { key: 'pricing', fields: ['currency', 'rounding_mode', 'prices_include_tax', 'discount_percent'] },
      { key: 'totals', fields: ['net_total', 'discount_total', 'tax_total', 'gross_total', 'amount_paid', 'amount_credited', 'amount_due'] },
      { key: 'source', fields: ['source_object', 'source_id', 'void_reason'] },
      { key: 'notes', fields: ['notes'] },
      { key: 'custom', fields: [] },
      { key: 'system', fields: ['created_by', 'created_at', 'updated_at'] },
    ],
    defaults: { owner_id: '$me', payment_terms_days: 30 },
  },
  // Sales write invoices; only managers and admins delete (drafts: see beforeDelete).
  policy: { delete: ['admin', 'manager'], import: ['admin'] },
  search: {
    document: (r) => ({ names: searchValues(r, ['subject']), other: searchValues(r, ['number']), notes: searchValues(r, ['notes']) }),
    pinyin: 'company',
    subtitle: ['number', 'account_id', 'status'],
    global: true,
    related: [{ link: 'account_id', fields: ['name'] }],
  },
  timeline: { targets: ['account_id', 'contact_id'], title: 'number', body: 'subject' },
  // Drafts from a spreadsheet (issued, paid and credited through the API only).
  import: { synonyms: { subject: ['subject', 'title', '主题', '主旨'], due_date: ['due date', '到期日'] }, identity: [] },
  numbering: { field: 'number', type: 'invoice', pattern: 'INV-{YYYY}-{00000}' },
  lines: {
    table: 'invoice_lines',
    productObject: 'products',
    totals: { net: 'net_total', tax: 'tax_total', gross: 'gross_total', discount: 'discount_total' },
    roundingField: 'rounding_mode',
    pricesIncludeTaxField: 'prices_include_tax',
    discountField: 'discount_percent',
    // Only a draft's lines change (the parent's beforeWrite refused it too, after the check of the lines).
    mayEdit: (_ctx, parent) => {
      if (parent.status !== 'draft') throw notEditable(parent.status);
    },
  },
  beforeWrite: async (ctx, values, existing) => {
    if (existing && existing.status !== 'draft' && Object.keys(values).some((k) => !EDITABLE_AFTER_DRAFT.has(k))) throw notEditable(existing.status);
    for (const [k, v] of Object.entries(DEFAULTS)) if (values[k] === null || (!existing && values[k] === undefined)) values[k] = v;
    if (!existing || values.subject === null) values.subject = values.subject || existing?.number || values.number;
    if (!existing) {
      values.status = 'draft';
      values.kind ??= 'invoice';
      await defaultCurrency(ctx, values);
    }
    const terms = values.payment_terms_days;
    if (terms !== undefined && (!Number.isInteger(terms) || terms < 0 || terms > 3650)) {
      throw invalid([{ field: 'payment_terms_days', message: 'Whole days, 0 to 3650', code: 'invalid_terms' }]);
    }
    const issue = percentIssue('discount_percent', values.discount_percent, 'discount_out_of_range');
    if (issue) throw invalid([issue]);
  },
  afterWrite: async (ctx, row, existing, input) => {
    // PUT /invoices/{id}/lines writes through the engine's after hooks with an empty input:
    // lines change only on a draft, and never on one billed from a source (its lines are what
    // the source was told).
    if (existing && input && Object.keys(input).length === 0) {
      if (existing.status !== 'draft') throw notEditable(existing.status);
      if (existing.source_object) throw new AppError('invoice_not_editable', 'The lines of an invoice made from a source are fixed', { reason: 'invoice_not_editable', source: existing.source_object });
    }
    await invoiceOnTimeline(ctx.trx, row, ctx.actor.id);
  },
  // A promise to pay whose date passed while the invoice is still due; its amount only for readers of amount_due.
  expand: async (db, row, actor) => {
    const broken = await brokenPromiseOf(db, row, sql`${await orgToday(db)}::date`);
    if (!broken) return { broken_promise: null };
    const currency = row.currency || (await orgCurrency(db));
    const amount = broken.amount === null || !canReadField(actor, 'invoices', 'amount_due') ? null : parseMoney(broken.amount)!.toFixed(minorDigits(currency));
    return { broken_promise: { date: broken.date, amount } };
  },
  notNull: ['number', 'kind', 'status', 'rounding_mode', 'prices_include_tax', 'discount_percent', 'net_total', 'discount_total', 'tax_total', 'gross_total', 'amount_paid', 'amount_credited', 'amount_due', 'payment_terms_days'],
};
