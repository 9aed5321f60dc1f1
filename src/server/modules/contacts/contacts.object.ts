import type { ObjectDef, StandardField } from '../../records/types.ts';
import { registerObject } from '../../records/registry.ts';
import { ADDRESS_FIELDS, CUSTOMER_TYPE, LIFECYCLE, PAYMENT_STANDING, SOURCE, TIER, opts } from '../../records/options.ts';
import { phoneKey } from '../../text/search-text.ts';
import { searchValues } from '../../records/search-values.ts';
import { splitName } from '../../text/names.ts';
import { forgetTimelineOf } from '../../core/timeline-cleanup.ts';
import { afterContactsWrite, contactAccounts } from './contact-accounts.ts';
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

export const contactsObject: ObjectDef = registerObject({
  name: 'contacts',
  singular: 'contact',
  fields,
  titleField: 'name',
  ownerField: 'owner_id',
  // Every value names its field, so an actor whose role hides that field cannot find by it.
  search: (r, related) => ({
    names: [{ field: 'name', value: r.name }, ...(r.family_name && r.given_name ? [{ field: 'family_name', value: `${r.given_name} ${r.family_name}` }] : [])],
    phones: searchValues(r, ['phone', 'mobile']),
    emails: searchValues(r, ['email']),
    other: [...(related.accountName ? [{ field: 'account_id', value: related.accountName }] : []), ...searchValues(r, ['wechat_id', 'title', ...ADDRESS_FIELDS, 'tags'])],
    notes: searchValues(r, ['notes']),
  }),
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
  beforeDelete: async (ctx, row) => forgetTimelineOf(ctx.trx, 'contact_id', row.id),
  expand: async (db, row, actor) => ({ accounts: await contactAccounts(db, row.id, actor) }),
});
