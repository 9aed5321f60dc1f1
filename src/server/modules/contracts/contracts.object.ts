import type { ObjectDef, Row, WriteContext } from '../../records/types.ts';
import { opts } from '../../records/options.ts';
import { searchValues } from '../../records/search-values.ts';
import { syncTimeline, timelineTargets } from '../../core/timeline.ts';
import { CURRENT_USER } from '../../../shared/objects.ts';
import { contractsLabels } from './contracts.labels.ts';
import { checkContractValues } from './contracts.rules.ts';
import { moneyMoved } from './contracts.repo.ts';
import { AppError } from '../../http/errors.ts';
import { defaultCurrencyFromAccount as defaultCurrency } from '../../records/account-currency.ts';

async function putOnTimeline(ctx: WriteContext, row: Row): Promise<void> {
  await syncTimeline(ctx.trx, 'contract', row.id, {
    occurredAt: row.created_at, kind: 'contract', title: row.number, body: row.name, targets: timelineTargets(ctx.def, row), actorId: ctx.actor.id,
  });
}

const DEFAULTS: Row = { type: 'sales', status: 'draft', auto_renew: false, value: '0' };

// Contracts: numbered CT-{YYYY}-{00000}, a term with renewal rules, a value whose receivable plan
// (contracts.plan.ts: GET/PUT /contracts/{id}/plan) may not exceed it, signed scans as attachments.
export const contractsObject: ObjectDef = {
  name: 'contracts',
  singular: 'contract',
  titleField: 'name',
  titleSort: 'name',
  ownerField: 'owner_id',
  currencyField: 'currency',
  attachments: true,
  fields: [
    { key: 'number', type: 'text', system: true, max: 60 },
    { key: 'name', type: 'text', required: true, max: 300 },
    { key: 'account_id', type: 'link', link: 'accounts', relatedList: true },
    { key: 'order_id', type: 'link', link: 'orders', relatedList: true },
    { key: 'contact_id', type: 'link', link: 'contacts', relatedList: true },
    { key: 'owner_id', type: 'user' },
    { key: 'type', type: 'select', options: opts('sales', 'service', 'framework', 'subscription', 'other') },
    // A state machine (records/stages.ts): the renewal job moves active contracts past their end to expired.
    {
      key: 'status', type: 'select', options: opts('draft', 'active', 'expired', 'terminated', 'renewed'),
      stages: {
        transitions: { draft: ['active', 'terminated'], active: ['expired', 'terminated', 'renewed'], expired: ['active', 'renewed'], terminated: [], renewed: [] },
        requiredOnEnter: { active: ['start_date'] },
      },
    },
    { key: 'start_date', type: 'date' },
    { key: 'end_date', type: 'date' },
    { key: 'auto_renew', type: 'boolean' },
    { key: 'renewal_term_months', type: 'number' },
    { key: 'notice_days', type: 'number' },
    { key: 'value', type: 'money' },
    { key: 'currency', type: 'text', max: 3 },
    { key: 'signed_by_customer_at', type: 'date' },
    { key: 'signed_by_us_at', type: 'date' },
    { key: 'description', type: 'longtext', max: 8000 },
    { key: 'created_by', type: 'user', system: true },
    { key: 'created_at', type: 'datetime', system: true },
    { key: 'updated_at', type: 'datetime', system: true },
  ],
  labels: contractsLabels,
  ui: {
    menu: { group: 'sales', icon: 'SolutionOutlined', order: 50 },
    recordPage: true,
    subtitle: ['number', 'account_id', 'status'],
    listColumns: ['name', 'number', 'account_id', 'type', 'status', 'start_date', 'end_date', 'value', 'owner_id'],
    quickCreate: ['name', 'account_id', 'contact_id', 'type', 'start_date', 'end_date', 'value', 'owner_id'],
    sections: [
      { key: 'main', fields: ['name', 'number', 'account_id', 'order_id', 'contact_id', 'owner_id', 'type', 'status'] },
      { key: 'term', fields: ['start_date', 'end_date', 'auto_renew', 'renewal_term_months', 'notice_days'] },
      { key: 'value', fields: ['value', 'currency'] },
      { key: 'signing', fields: ['signed_by_customer_at', 'signed_by_us_at'] },
      { key: 'notes', fields: ['description'] },
      { key: 'custom', fields: [] },
      { key: 'system', fields: ['created_by', 'created_at', 'updated_at'] },
    ],
    defaults: { owner_id: CURRENT_USER, status: 'draft', type: 'sales' },
  },
  // Sales write contracts; managers and admins delete and import them.
  policy: { delete: ['admin', 'manager'], import: ['admin', 'manager'] },
  search: {
    document: (r) => ({ names: searchValues(r, ['name']), other: searchValues(r, ['number']), notes: searchValues(r, ['description']) }),
    pinyin: 'company',
    subtitle: ['number', 'account_id'],
    global: true,
    related: [{ link: 'account_id', fields: ['name'] }],
  },
  import: { synonyms: { name: ['name', 'contract', 'title', '合同名称', '合同', '合約名稱'] }, identity: [] },
  timeline: { targets: ['account_id', 'contact_id'], title: 'number', body: 'name' },
  numbering: { field: 'number', type: 'contract', pattern: 'CT-{YYYY}-{00000}' },
  beforeWrite: async (ctx, values, existing) => {
    // Cleared or left out: the defaults (the columns are NOT NULL).
    for (const [k, v] of Object.entries(DEFAULTS)) if (values[k] === null || (!existing && values[k] === undefined)) values[k] = v;
    if (!existing) await defaultCurrency(ctx, values);
    await checkContractValues(ctx.trx, values, existing);
  },
  afterWrite: putOnTimeline,
  // Payments allocated to its instalments, or invoices made from them, would be left pointing nowhere.
  beforeDelete: async (ctx, row) => {
    if (await moneyMoved(ctx.trx, row.id)) throw new AppError('conflict', 'The contract has payments or invoices on its receivable plan', { reason: 'contract_has_payments' });
  },
  notNull: ['name', 'number', 'type', 'status', 'auto_renew', 'value'],
};
