import type { FieldMeta } from '../api/types.ts';
import type { AppLocale } from '../api/types.ts';

/** Columns a list shows before the user picks their own (filtered to the fields the role may read). */
export const DEFAULT_COLUMNS: Record<string, string[]> = {
  contacts: ['name', 'account_id', 'mobile', 'email', 'lifecycle_status', 'tier', 'city', 'owner_id', 'created_at'],
  accounts: ['name', 'type', 'tier', 'lifecycle_status', 'industry', 'city', 'phone', 'owner_id', 'created_at'],
  activities: ['subject', 'kind', 'occurred_at', 'contact_id', 'account_id', 'owner_id'],
  tasks: ['title', 'status', 'priority', 'due_at', 'contact_id', 'account_id', 'owner_id'],
};

export const TITLE_FIELD: Record<string, string> = { contacts: 'name', accounts: 'name', activities: 'subject', tasks: 'title' };

/** Which object a link or user field points at, and whether it has a page of its own. */
export function linkTarget(f: FieldMeta): string | null {
  if (f.type === 'user') return 'users';
  if (f.type === 'link') return f.link ?? null;
  return null;
}

export const HAS_RECORD_PAGE = new Set(['contacts', 'accounts']);

export function recordPath(object: string, id: number | string): string {
  return HAS_RECORD_PAGE.has(object) ? `/${object}/${id}` : `/${object}?open=${id}`;
}

export interface Section {
  key: string;
  fields: string[];
}

const ADDRESS_EN = ['street', 'district', 'city', 'province', 'postal_code', 'country'];
const ADDRESS_ZH = ['country', 'province', 'city', 'district', 'street', 'postal_code'];

/** Address parts in the reading order of the language: 省/市/区/街道 in Chinese. */
export function addressOrder(locale: AppLocale): string[] {
  return locale === 'en' ? ADDRESS_EN : ADDRESS_ZH;
}

/** How a record's fields group on its page and in forms; unknown (custom) fields land in "custom". */
export function sectionsFor(object: string, locale: AppLocale): Section[] {
  const address = { key: 'address', fields: addressOrder(locale) };
  switch (object) {
    case 'contacts':
      return [
        { key: 'main', fields: ['name', 'family_name', 'given_name', 'account_id', 'title', 'department', 'owner_id'] },
        { key: 'contact', fields: ['mobile', 'phone', 'email', 'wechat_id'] },
        { key: 'classification', fields: ['type', 'tier', 'lifecycle_status', 'source', 'industry', 'region', 'tags'] },
        address,
        { key: 'profile', fields: ['gender', 'birthday', 'age_band', 'family_status', 'occupation', 'income_band'] },
        { key: 'preferences', fields: ['preferences', 'dietary_needs', 'consumption_habits'] },
        { key: 'finance', fields: ['credit_limit', 'payment_terms', 'payment_standing'] },
        { key: 'notes', fields: ['notes'] },
        { key: 'custom', fields: [] },
        { key: 'system', fields: ['created_by', 'created_at', 'updated_at'] },
      ];
    case 'accounts':
      return [
        { key: 'main', fields: ['name', 'parent_id', 'owner_id', 'phone', 'email', 'website'] },
        { key: 'classification', fields: ['type', 'tier', 'lifecycle_status', 'source', 'industry', 'region', 'tags'] },
        { key: 'company', fields: ['employees', 'annual_revenue'] },
        address,
        { key: 'finance', fields: ['credit_limit', 'payment_terms', 'payment_standing'] },
        { key: 'notes', fields: ['notes'] },
        { key: 'custom', fields: [] },
        { key: 'system', fields: ['created_by', 'created_at', 'updated_at'] },
      ];
    case 'activities':
      return [
        { key: 'details', fields: ['kind', 'subject', 'occurred_at', 'duration_minutes', 'body'] },
        { key: 'links', fields: ['contact_id', 'account_id', 'owner_id'] },
        { key: 'custom', fields: [] },
        { key: 'system', fields: ['created_at', 'updated_at'] },
      ];
    case 'tasks':
      return [
        { key: 'details', fields: ['title', 'description', 'status', 'priority'] },
        { key: 'schedule', fields: ['due_at', 'reminder_at'] },
        { key: 'links', fields: ['contact_id', 'account_id', 'owner_id'] },
        { key: 'custom', fields: [] },
        { key: 'system', fields: ['completed_at', 'created_at', 'updated_at'] },
      ];
    default:
      return [{ key: 'details', fields: [] }, { key: 'custom', fields: [] }];
  }
}

/** Places every field the metadata returned into a section, in section order. */
export function groupFields(object: string, locale: AppLocale, fields: FieldMeta[]): { key: string; fields: FieldMeta[] }[] {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const used = new Set<string>();
  const sections = sectionsFor(object, locale).map((s) => {
    const fs: FieldMeta[] = [];
    for (const k of s.fields) {
      const f = byKey.get(k);
      if (f) {
        fs.push(f);
        used.add(k);
      }
    }
    return { key: s.key, fields: fs };
  });
  const rest = fields.filter((f) => !used.has(f.key));
  const custom = sections.find((s) => s.key === 'custom') ?? sections[sections.length - 1]!;
  custom.fields.push(...rest);
  return sections.filter((s) => s.fields.length > 0);
}

/** Fields worth asking for when creating quickly; the rest sit behind "Show all fields". */
export const QUICK_CREATE: Record<string, string[]> = {
  contacts: ['name', 'account_id', 'title', 'mobile', 'phone', 'email', 'wechat_id', 'type', 'tier', 'lifecycle_status', 'owner_id'],
  accounts: ['name', 'type', 'tier', 'industry', 'phone', 'email', 'website', 'province', 'city', 'owner_id'],
  activities: ['kind', 'subject', 'occurred_at', 'duration_minutes', 'body', 'contact_id', 'account_id'],
  tasks: ['title', 'description', 'priority', 'due_at', 'reminder_at', 'contact_id', 'account_id', 'owner_id'],
};
