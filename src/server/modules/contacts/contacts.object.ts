import type { ObjectDef, StandardField } from '../../records/types.ts';
import { ADDRESS_FIELDS, CUSTOMER_TYPE, LIFECYCLE, PAYMENT_STANDING, SOURCE, TIER, opts } from '../../records/options.ts';
import { phoneKey } from '../../text/search-text.ts';
import { searchValues } from '../../records/search-values.ts';
import { splitName } from '../../text/names.ts';
import { afterContactsWrite, contactAccounts } from './contact-accounts.ts';
import { contactsLabels } from './contacts.labels.ts';
import { contactsImport } from './contacts.import.ts';

/** Family and given names from the full name, when neither was given. */
function splitWhenEmpty(r: Record<string, any>) {
  if (r.family_name || r.given_name || typeof r.name !== 'string') return {};
  const split = splitName(r.name);
  return split ? { family_name: split.family, given_name: split.given } : {};
}

const fields: StandardField[] = [
  { key: 'name', type: 'text', required: true, max: 200 },
  { key: 'family_name', type: 'text', max: 100 },
  { key: 'given_name', type: 'text', max: 100 },
  { key: 'gender', type: 'select', options: opts('female', 'male', 'other', 'unknown') },
  { key: 'birthday', type: 'date' },
  { key: 'age_band', type: 'select', options: opts('under_18', '18_24', '25_34', '35_44', '45_54', '55_64', '65_plus') },
  { key: 'family_status', type: 'select', options: opts('single', 'married', 'married_with_children', 'other') },
  { key: 'occupation', type: 'text' },
  { key: 'income_band', type: 'select', options: opts('low', 'lower_middle', 'middle', 'upper_middle', 'high') },
  { key: 'email', type: 'email' },
  { key: 'phone', type: 'phone' },
  { key: 'mobile', type: 'phone' },
  { key: 'wechat_id', type: 'text', max: 100 },
  { key: 'title', type: 'text' },
  { key: 'department', type: 'text' },
  { key: 'account_id', type: 'link', link: 'accounts' },
  { key: 'type', type: 'select', options: CUSTOMER_TYPE },
  { key: 'tier', type: 'select', options: TIER },
  { key: 'lifecycle_status', type: 'select', options: LIFECYCLE },
  { key: 'source', type: 'select', options: SOURCE },
  { key: 'industry', type: 'text' },
  { key: 'region', type: 'text' },
  ...ADDRESS_FIELDS.map((key): StandardField => ({ key, type: 'text' })),
  { key: 'tags', type: 'tags' },
  { key: 'preferences', type: 'longtext', max: 2000 },
  { key: 'dietary_needs', type: 'text' },
  { key: 'consumption_habits', type: 'longtext', max: 2000 },
  { key: 'credit_limit', type: 'money' },
  { key: 'payment_terms', type: 'text' },
  { key: 'payment_standing', type: 'select', options: PAYMENT_STANDING },
  { key: 'notes', type: 'longtext' },
  { key: 'owner_id', type: 'user' },
  { key: 'created_by', type: 'user', system: true },
  { key: 'created_at', type: 'datetime', system: true },
  { key: 'updated_at', type: 'datetime', system: true },
];

export const contactsObject: ObjectDef = {
  name: 'contacts',
  attachments: true,
  singular: 'contact',
  fields,
  titleField: 'name',
  titleSort: 'person',
  ownerField: 'owner_id',
  // New contacts naming no owner are given one by the assignment rules (modules/assignment).
  assignment: {},
  labels: contactsLabels,
  ui: {
    menu: { group: 'customers', icon: 'ContactsOutlined', order: 20, home: true },
    subtitle: ['title', 'account_id'],
    recordPage: true,
    // Fits a 1440 px screen beside the menu; the chooser adds tier, city, created_at….
    listColumns: ['name', 'account_id', 'mobile', 'email', 'lifecycle_status', 'owner_id'],
    quickCreate: ['name', 'account_id', 'title', 'mobile', 'phone', 'email', 'wechat_id', 'type', 'tier', 'lifecycle_status', 'owner_id'],
    // The web app puts the address parts in the reading order of the language.
    sections: [
      { key: 'main', fields: ['name', 'family_name', 'given_name', 'account_id', 'title', 'department', 'owner_id'] },
      { key: 'contact', fields: ['mobile', 'phone', 'email', 'wechat_id'] },
      { key: 'classification', fields: ['type', 'tier', 'lifecycle_status', 'source', 'industry', 'region', 'tags'] },
      { key: 'address', fields: [...ADDRESS_FIELDS] },
      { key: 'profile', fields: ['gender', 'birthday', 'age_band', 'family_status', 'occupation', 'income_band'] },
      { key: 'preferences', fields: ['preferences', 'dietary_needs', 'consumption_habits'] },
      { key: 'finance', fields: ['credit_limit', 'payment_terms', 'payment_standing'] },
      { key: 'notes', fields: ['notes'] },
      { key: 'custom', fields: [] },
      { key: 'system', fields: ['created_by', 'created_at', 'updated_at'] },
    ],
    related: [{ object: 'tasks', field: 'contact_id' }],
  },
  // Every value names its field, so an actor whose role hides that field cannot find by it.
  search: {
    document: (r) => ({
      names: [{ field: 'name', value: r.name }, ...(r.family_name && r.given_name ? [{ field: 'family_name', value: `${r.given_name} ${r.family_name}` }] : [])],
      phones: searchValues(r, ['phone', 'mobile']),
      emails: searchValues(r, ['email']),
      other: searchValues(r, ['wechat_id', 'title', ...ADDRESS_FIELDS, 'tags']),
      notes: searchValues(r, ['notes']),
    }),
    pinyin: 'person',
    subtitle: ['account_id', 'email', 'mobile', 'phone'],
    global: true,
    // The account's name is in the document (tagged account_id); a rename rewrites it.
    related: [{ link: 'account_id', fields: ['name'] }],
  },
  duplicates: { keys: [{ match: 'email', field: 'email' }, { match: 'phone', fields: ['phone', 'mobile'] }, { match: 'name', field: 'name', within: 'account_id' }] },
  derive: (r) => ({
    phone_key: r.phone ? phoneKey(r.phone) || null : null,
    mobile_key: r.mobile ? phoneKey(r.mobile) || null : null,
    ...splitWhenEmpty(r),
  }),
  // A new name gives new family/given names unless the same write sets them.
  beforeWrite: async (_ctx, values, existing) => {
    if (!existing || typeof values.name !== 'string' || values.name === existing.name) return;
    if (values.family_name !== undefined || values.given_name !== undefined) return;
    const split = splitName(values.name);
    values.family_name = split?.family ?? null;
    values.given_name = split?.given ?? null;
  },
  afterWriteBatch: afterContactsWrite,
  // A batch insert (import) returns these for afterWriteBatch.
  batchColumns: ['account_id'],
  import: contactsImport,
  expand: async (db, row, actor) => ({ accounts: await contactAccounts(db, row.id, actor) }),
  notNull: ['name'],
};
