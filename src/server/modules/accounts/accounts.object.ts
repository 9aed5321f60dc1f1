import type { ObjectDef, StandardField } from '../../records/types.ts';
import { ADDRESS_FIELDS, CREDIT_POLICY, CUSTOMER_TYPE, LIFECYCLE, PAYMENT_STANDING, SOURCE, TIER } from '../../records/options.ts';
import { phoneKey } from '../../text/search-text.ts';
import { searchValues } from '../../records/search-values.ts';
import { orgNameKey } from '../../text/identity.ts';
import { accountsLabels } from './accounts.labels.ts';
import { accountsImport } from './accounts.import.ts';
import { invalid } from '../../http/errors.ts';

const fields: StandardField[] = [
  { key: 'name', type: 'text', required: true, max: 300 },
  // The customer number: assigned on create from the 'account' sequence (numbering below).
  { key: 'account_number', type: 'text', system: true, max: 60 },
  { key: 'type', type: 'select', options: CUSTOMER_TYPE },
  { key: 'tier', type: 'select', options: TIER },
  { key: 'lifecycle_status', type: 'select', options: LIFECYCLE },
  { key: 'industry', type: 'text' },
  { key: 'source', type: 'select', options: SOURCE },
  { key: 'region', type: 'text' },
  ...ADDRESS_FIELDS.map((key): StandardField => ({ key, type: 'text' })),
  { key: 'phone', type: 'phone' },
  { key: 'email', type: 'email' },
  { key: 'website', type: 'url' },
  { key: 'employees', type: 'number' },
  { key: 'currency', type: 'text', max: 3 },
  { key: 'annual_revenue', type: 'money' },
  // Credit terms (issue 13): the order confirmation checks them (modules/orders).
  { key: 'credit_limit', type: 'money' },
  { key: 'credit_policy', type: 'select', options: CREDIT_POLICY },
  { key: 'overdue_tolerance_days', type: 'number' },
  { key: 'payment_terms', type: 'text' },
  { key: 'payment_standing', type: 'select', options: PAYMENT_STANDING },
  { key: 'tags', type: 'tags' },
  { key: 'notes', type: 'longtext' },
  { key: 'parent_id', type: 'link', link: 'accounts' },
  { key: 'owner_id', type: 'user' },
  { key: 'created_by', type: 'user', system: true },
  { key: 'created_at', type: 'datetime', system: true },
  { key: 'updated_at', type: 'datetime', system: true },
];

export const accountsObject: ObjectDef = {
  name: 'accounts',
  attachments: true,
  singular: 'account',
  fields,
  titleField: 'name',
  titleSort: 'name',
  ownerField: 'owner_id',
  // New accounts naming no owner are given one by the assignment rules (modules/assignment).
  assignment: {},
  currencyField: 'currency',
  labels: accountsLabels,
  ui: {
    menu: { group: 'customers', icon: 'BankOutlined', order: 10 },
    subtitle: ['industry', 'city'],
    recordPage: true,
    // Fits a 1440 px screen beside the menu (with the territory column territories add).
    listColumns: ['name', 'type', 'lifecycle_status', 'city', 'phone', 'owner_id'],
    quickCreate: ['name', 'type', 'tier', 'industry', 'phone', 'email', 'website', 'province', 'city', 'owner_id'],
    sections: [
      { key: 'main', fields: ['name', 'account_number', 'parent_id', 'owner_id', 'phone', 'email', 'website'] },
      { key: 'classification', fields: ['type', 'tier', 'lifecycle_status', 'source', 'industry', 'region', 'tags'] },
      { key: 'company', fields: ['employees', 'currency', 'annual_revenue'] },
      { key: 'address', fields: [...ADDRESS_FIELDS] },
      { key: 'finance', fields: ['payment_terms', 'payment_standing'] },
      { key: 'credit', fields: ['credit_limit', 'credit_policy', 'overdue_tolerance_days'] },
      { key: 'notes', fields: ['notes'] },
      { key: 'custom', fields: [] },
      { key: 'system', fields: ['created_by', 'created_at', 'updated_at'] },
    ],
    related: [{ object: 'contacts', field: 'account_id' }, { object: 'tasks', field: 'account_id' }],
  },
  search: {
    document: (r) => ({
      names: [{ field: 'name', value: r.name }],
      phones: searchValues(r, ['phone']),
      emails: searchValues(r, ['email']),
      other: searchValues(r, ['account_number', 'website', 'industry', ...ADDRESS_FIELDS, 'tags']),
      notes: searchValues(r, ['notes']),
    }),
    pinyin: 'company',
    subtitle: ['city', 'email', 'phone'],
    global: true,
  },
  duplicates: { keys: [{ match: 'email', field: 'email' }, { match: 'phone', fields: ['phone'] }, { match: 'name', field: 'name' }] },
  // name_key: the normalised name imports de-duplicate accounts by (text/identity.ts).
  derive: (r) => ({ phone_key: r.phone ? phoneKey(r.phone) || null : null, name_key: typeof r.name === 'string' ? orgNameKey(r.name) : null }),
  notNull: ['name'],
  beforeWrite: async (_ctx, values) => {
    const d = values.overdue_tolerance_days;
    if (typeof d === 'number' && (!Number.isInteger(d) || d < 0 || d > 3650)) {
      throw invalid([{ field: 'overdue_tolerance_days', message: 'Whole days from 0 to 3650', code: 'out_of_range' }]);
    }
  },
  import: accountsImport,
  // Customer numbers are consecutive (no gaps), as customers are told theirs (C-00042).
  numbering: { field: 'account_number', type: 'account', pattern: 'C-{00000}', gapFree: true },
};
