import type { FieldMeta } from '../api/types.ts';
import type { AppLocale } from '../api/types.ts';
import type { ObjectDescriptor } from '../../shared/objects.ts';

// Columns, sections, quick-create fields, record pages and titles come from each object's
// descriptor (GET /meta/objects); this file only applies them.

/** Which object a link or user field points at. */
export function linkTarget(f: FieldMeta): string | null {
  if (f.type === 'user') return 'users';
  if (f.type === 'link') return f.link ?? null;
  return null;
}

/** Where a record opens (null: an object the user may not use). /<object>/<id> shows its page, or its list with the record's drawer open (app/ObjectRoutes.tsx). */
export function recordPath(object: ObjectDescriptor | undefined, id: number | string): string | null {
  return object ? `/${object.name}/${id}` : null;
}

const ADDRESS_EN = ['street', 'district', 'city', 'province', 'postal_code', 'country'];
const ADDRESS_ZH = ['country', 'province', 'city', 'district', 'street', 'postal_code'];

/** Address parts in the reading order of the language: 省/市/区/街道 in Chinese. */
export function addressOrder(locale: AppLocale): string[] {
  return locale === 'en' ? ADDRESS_EN : ADDRESS_ZH;
}

/** The address section's parts follow the reading order; its other fields keep theirs. */
function ordered(section: { key: string; fields: string[] }, locale: AppLocale): string[] {
  if (section.key !== 'address') return section.fields;
  const parts = addressOrder(locale).filter((k) => section.fields.includes(k));
  return [...parts, ...section.fields.filter((k) => !parts.includes(k))];
}

/** Places every field the metadata returned into the descriptor's sections; the rest (custom fields) land in "custom". */
export function groupFields(object: ObjectDescriptor | undefined, locale: AppLocale, fields: FieldMeta[]): { key: string; fields: FieldMeta[] }[] {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const used = new Set<string>();
  const layout = object?.sections.length ? object.sections : [{ key: 'details', fields: [] }];
  const sections = layout.map((s) => {
    const fs: FieldMeta[] = [];
    for (const k of ordered(s, locale)) {
      const f = byKey.get(k);
      if (f && !used.has(k)) {
        fs.push(f);
        used.add(k);
      }
    }
    return { key: s.key, fields: fs };
  });
  if (!sections.some((s) => s.key === 'custom')) sections.push({ key: 'custom', fields: [] });
  sections.find((s) => s.key === 'custom')!.fields.push(...fields.filter((f) => !used.has(f.key)));
  return sections.filter((s) => s.fields.length > 0);
}
