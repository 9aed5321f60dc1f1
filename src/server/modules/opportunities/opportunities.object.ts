import type { ObjectDef } from '../../records/types.ts';
import { opts } from '../../records/options.ts';
import { searchValues } from '../../records/search-values.ts';
import { opportunitiesLabels } from './opportunities.labels.ts';
import { opportunityBeforeWrite } from './opportunities.rules.ts';
import { recordHistory } from './opportunities.history.ts';

const system = (key: string, type: 'text' | 'number' | 'datetime' | 'boolean' | 'money') => ({ key, type, system: true });
/** Follows the amount's field rule: its value would disclose the amount. */
const fromAmount = (key: string, type: 'number' | 'money') => ({ ...system(key, type), ruleOf: 'amount' });

// Opportunities: in a pipeline's stage (pipeline_id, stage_id: ids of pipelines.repo rows, kept
// true by opportunities.rules.ts), an amount entered or — while it has lines — the lines' gross
// total, and its organisation-currency value at the rate frozen when the amount was written.
export const opportunitiesObject: ObjectDef = {
  name: 'opportunities',
  singular: 'opportunity',
  titleField: 'name',
  titleSort: 'name',
  ownerField: 'owner_id',
  currencyField: 'currency',
  fields: [
    { key: 'name', type: 'text', required: true, max: 300 },
    { key: 'account_id', type: 'link', link: 'accounts', relatedList: true },
    { key: 'contact_id', type: 'link', link: 'contacts', relatedList: true },
    { key: 'owner_id', type: 'user' },
    { key: 'pipeline_id', type: 'number' },
    { key: 'stage_id', type: 'number' },
    system('stage_name', 'text'),
    { key: 'stage_category', type: 'select', system: true, options: opts('open', 'won', 'lost') },
    system('stage_entered_at', 'datetime'),
    { key: 'amount', type: 'money' },
    { key: 'currency', type: 'text', max: 3 },
    system('exchange_rate', 'number'),
    fromAmount('amount_org', 'number'),
    { key: 'probability', type: 'number' },
    system('probability_overridden', 'boolean'),
    { key: 'expected_close_date', type: 'date' },
    { key: 'source', type: 'text', max: 200 },
    { key: 'competitors', type: 'text', max: 1000 },
    { key: 'next_step', type: 'text', max: 1000 },
    { key: 'lost_reason', type: 'text', max: 1000 },
    system('closed_at', 'datetime'),
    fromAmount('lines_net', 'money'),
    fromAmount('lines_tax', 'money'),
    { key: 'created_by', type: 'user', system: true },
    { key: 'created_at', type: 'datetime', system: true },
    { key: 'updated_at', type: 'datetime', system: true },
  ],
  labels: opportunitiesLabels,
  ui: {
    menu: { group: 'sales', icon: 'DollarOutlined', order: 20 },
    recordPage: true,
    subtitle: ['account_id', 'stage_name', 'amount'],
    listColumns: ['name', 'account_id', 'stage_name', 'amount', 'probability', 'expected_close_date', 'owner_id'],
    quickCreate: ['name', 'account_id', 'amount', 'expected_close_date', 'owner_id'],
    sections: [
      { key: 'main', fields: ['name', 'account_id', 'contact_id', 'owner_id', 'expected_close_date', 'next_step'] },
      { key: 'money', fields: ['amount', 'currency', 'probability', 'amount_org', 'exchange_rate'] },
      { key: 'stage', fields: ['stage_name', 'stage_category', 'stage_entered_at', 'closed_at', 'lost_reason'] },
      { key: 'more', fields: ['source', 'competitors'] },
      { key: 'custom', fields: [] },
      { key: 'system', fields: ['created_by', 'created_at', 'updated_at'] },
    ],
    defaults: { owner_id: '$me' },
  },
  // Sales work their opportunities; managers and admins delete and import them.
  policy: { delete: ['admin', 'manager'], import: ['admin', 'manager'] },
  search: {
    document: (r) => ({ names: searchValues(r, ['name']), other: searchValues(r, ['next_step', 'competitors', 'source']) }),
    pinyin: 'company',
    subtitle: ['account_id', 'stage_name'],
    global: true,
    related: [{ link: 'account_id', fields: ['name'] }],
  },
  import: { synonyms: { name: ['name', 'opportunity', 'deal', '商机', '商機', '名称', '名稱'], amount: ['amount', 'value', '金额', '金額'] }, identity: [] },
  timeline: { targets: ['account_id', 'contact_id'], title: 'name', body: 'stage_name' },
  board: { field: 'stage_id', positionColumn: 'board_position', dataColumns: true },
  lines: { table: 'opportunity_lines', productObject: 'products', totals: { net: 'lines_net', tax: 'lines_tax', gross: 'amount' } },
  beforeWrite: opportunityBeforeWrite,
  afterWrite: (ctx, row, existing) => recordHistory(ctx, row, existing),
  notNull: ['name', 'pipeline_id', 'stage_id', 'stage_name', 'stage_category', 'stage_entered_at', 'exchange_rate', 'probability', 'probability_overridden', 'lines_net', 'lines_tax'],
};
