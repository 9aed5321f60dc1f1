import type { ObjectDef, Row, Tx, WriteContext } from '../../records/types.ts';
import { opts } from '../../records/options.ts';
import { searchValues } from '../../records/search-values.ts';
import { syncTimeline, timelineTargets } from '../../core/timeline.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { getObject } from '../../records/registry.ts';
import { loadVisible } from '../../records/service.ts';
import { orgCurrency } from '../../records/money.ts';
import { parseMoney } from '../../../shared/money.ts';
import { PAYMENT_METHODS } from '../../../shared/contracts/payments.ts';
import { paymentsLabels } from './payments.labels.ts';

/** The payment's entry on its account's timeline. */
export async function paymentOnTimeline(trx: Tx, row: Row, actorId: number | null): Promise<void> {
  await syncTimeline(trx, 'payment', row.id, {
    occurredAt: row.created_at, kind: 'payment', title: row.number, body: row.reference ?? null, targets: timelineTargets(getObject('payments'), row), actorId,
  });
}

/** What an allocated payment keeps: its amount, currency and account are what the allocations were checked against. */
const FIXED_ONCE_ALLOCATED = ['amount', 'currency', 'account_id'];

async function beforePaymentWrite(ctx: WriteContext, values: Row, existing: Row | null): Promise<void> {
  if (existing && parseMoney(existing.amount_allocated)!.gt(0) && FIXED_ONCE_ALLOCATED.some((k) => values[k] !== undefined && String(values[k]) !== String(existing[k]))) {
    throw new AppError('conflict', 'An allocated payment keeps its amount, currency and account: change its allocations first', { reason: 'payment_allocated' });
  }
  if (!existing && !values.currency) {
    let currency: string | null = null;
    if (typeof values.account_id === 'number') currency = (await loadVisible(ctx.trx, getObject('accounts'), ctx.actor, values.account_id)).currency ?? null;
    values.currency = currency || (await orgCurrency(ctx.trx));
  }
  if (values.amount !== undefined) {
    const amount = parseMoney(values.amount);
    if (!amount || amount.lte(0)) throw invalid([{ field: 'amount', message: 'A payment is a positive amount', code: 'not_positive' }]);
    values.amount_unapplied = amount.minus(parseMoney(existing?.amount_allocated ?? 0)!).toString();
  }
  if (!existing) values.amount_allocated = '0';
  if (!existing || values.reference === null) values.reference = values.reference || existing?.number || values.number;
}

// Payments received: numbered PAY-{YYYY}-{00000}; allocations (GET/PUT /payments/{id}/allocations)
// write amount_allocated and amount_unapplied.
export const paymentsObject: ObjectDef = {
  name: 'payments',
  singular: 'payment',
  // The reference (bank serial, cheque number) is the title; the number when none is given.
  titleField: 'reference',
  ownerField: 'owner_id',
  currencyField: 'currency',
  fields: [
    { key: 'number', type: 'text', system: true, max: 60 },
    { key: 'account_id', type: 'link', link: 'accounts', relatedList: true, required: true },
    { key: 'owner_id', type: 'user' },
    { key: 'method', type: 'select', required: true, options: opts(...PAYMENT_METHODS) },
    { key: 'amount', type: 'money', required: true },
    { key: 'currency', type: 'text', max: 3 },
    { key: 'received_on', type: 'date', required: true },
    { key: 'reference', type: 'text', max: 200 },
    { key: 'note', type: 'longtext', max: 4000 },
    { key: 'amount_allocated', type: 'money', system: true },
    { key: 'amount_unapplied', type: 'money', system: true },
    { key: 'created_by', type: 'user', system: true },
    { key: 'created_at', type: 'datetime', system: true },
    { key: 'updated_at', type: 'datetime', system: true },
  ],
  labels: paymentsLabels,
  ui: {
    menu: { group: 'sales', icon: 'DollarOutlined', order: 70 },
    recordPage: true,
    subtitle: ['number', 'account_id', 'method'],
    listColumns: ['number', 'account_id', 'method', 'amount', 'received_on', 'amount_unapplied', 'reference', 'owner_id'],
    quickCreate: ['account_id', 'method', 'amount', 'received_on', 'reference'],
    sections: [
      { key: 'main', fields: ['number', 'account_id', 'owner_id', 'method', 'received_on', 'reference'] },
      { key: 'amounts', fields: ['amount', 'currency', 'amount_allocated', 'amount_unapplied'] },
      { key: 'notes', fields: ['note'] },
      { key: 'custom', fields: [] },
      { key: 'system', fields: ['created_by', 'created_at', 'updated_at'] },
    ],
    defaults: { owner_id: '$me', method: 'bank_transfer' },
  },
  policy: { delete: ['admin', 'manager'], import: ['admin'] },
  search: {
    document: (r) => ({ names: searchValues(r, ['reference']), other: searchValues(r, ['number']), notes: searchValues(r, ['note']) }),
    pinyin: 'company',
    subtitle: ['number', 'account_id', 'received_on'],
    global: true,
    related: [{ link: 'account_id', fields: ['name'] }],
  },
  timeline: { targets: ['account_id'], title: 'number', body: 'reference' },
  // Payments from a bank statement (allocated through the API or the record page).
  import: { synonyms: { amount: ['amount', '金额', '金額'], received_on: ['date', 'received', '日期', '收款日期'], reference: ['reference', '流水号', '交易序號'] }, identity: [] },
  numbering: { field: 'number', type: 'payment', pattern: 'PAY-{YYYY}-{00000}' },
  beforeWrite: beforePaymentWrite,
  afterWrite: async (ctx, row) => paymentOnTimeline(ctx.trx, row, ctx.actor.id),
  beforeDelete: async (_ctx, row) => {
    if (parseMoney(row.amount_allocated)!.gt(0)) throw new AppError('conflict', 'An allocated payment cannot be deleted: remove its allocations first', { reason: 'payment_allocated' });
  },
  notNull: ['number', 'method', 'amount', 'received_on', 'amount_allocated', 'amount_unapplied'],
};
