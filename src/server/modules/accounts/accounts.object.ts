import type { ObjectDef, StandardField } from '../../records/types.ts';
import { registerObject } from '../../records/registry.ts';
import { ADDRESS_FIELDS, CUSTOMER_TYPE, LIFECYCLE, PAYMENT_STANDING, SOURCE, TIER } from '../../records/options.ts';
import { phoneKey } from '../../text/search-text.ts';
import { searchValues } from '../../records/search-values.ts';
import { reindexContactsOfAccount } from '../search/reindex.ts';
import { forgetTimelineOf } from '../../core/timeline-cleanup.ts';
import { orgNameKey } from '../../text/identity.ts';
import { accountsImport } from './accounts.import.ts';

const fields: StandardField[] = [
  { key: 'name', type: 'text', required: true, max: 300 },
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
  { key: 'annual_revenue', type: 'money' },
  { key: 'credit_limit', type: 'money' },
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

export const accountsObject: ObjectDef = registerObject({
  name: 'accounts',
  singular: 'account',
  fields,
  titleField: 'name',
  ownerField: 'owner_id',
  search: (r) => ({
    names: [{ field: 'name', value: r.name }],
    pinyin: 'company',
    phones: searchValues(r, ['phone']),
    emails: searchValues(r, ['email']),
    other: searchValues(r, ['website', 'industry', ...ADDRESS_FIELDS, 'tags']),
    notes: searchValues(r, ['notes']),
  }),
  // name_key: the normalised name imports de-duplicate accounts by (text/identity.ts).
  derive: (r) => ({ phone_key: r.phone ? phoneKey(r.phone) || null : null, name_key: typeof r.name === 'string' ? orgNameKey(r.name) : null }),
  // Contacts carry their account's name in their search document: a rename rewrites them.
  afterWrite: async (ctx, row, existing) => {
    if (existing && existing.name !== row.name) await reindexContactsOfAccount(ctx.trx, row.id);
  },
  beforeDelete: async (ctx, row) => forgetTimelineOf(ctx.trx, 'account_id', row.id),
  import: accountsImport,
});
