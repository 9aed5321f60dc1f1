import type { TFunction } from 'i18next';
import type { FieldMeta, FieldOption } from '../api/types.ts';
import { currentLocale } from '../i18n/index.ts';

function humanize(key: string): string {
  const s = key.replace(/^cf_/, '').replace(/_id$/, '').replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A field's label: i18n for standard fields, the admin's labels for custom ones. */
export function fieldLabel(t: TFunction, object: string, field: Pick<FieldMeta, 'key' | 'custom' | 'label' | 'labels'> | string): string {
  const f = typeof field === 'string' ? { key: field, custom: field.startsWith('cf_') } : field;
  if (f.custom) {
    const labels = 'labels' in f ? f.labels : undefined;
    const label = 'label' in f ? f.label : undefined;
    return labels?.[currentLocale()] || label || humanize(f.key);
  }
  return t([`fields.${object}.${f.key}`, `fields.common.${f.key}`], { defaultValue: ('label' in f && f.label) || humanize(f.key) });
}

/** An option's label: i18n key options.<object>.<field>.<value>, then the option's own labels. */
export function optionLabel(t: TFunction, object: string, field: Pick<FieldMeta, 'key' | 'options'>, value: unknown): string {
  const v = String(value);
  const opt: FieldOption | undefined = field.options?.find((o) => o.value === v);
  const fallback = opt?.labels?.[currentLocale()] || opt?.label || v;
  return t([`options.${object}.${field.key}.${v}`, `options.common.${field.key}.${v}`], { defaultValue: fallback });
}

export function objectLabel(t: TFunction, object: string, plural = false): string {
  return t(`objects.${object}.${plural ? 'other' : 'one'}`, { defaultValue: object });
}

/** A form or record-page section's label: the object's own (from its descriptor), then the generic ones. */
export function sectionLabel(t: TFunction, object: string, key: string): string {
  return t([`sections.${object}.${key}`, `record.sections.${key}`], { defaultValue: humanize(key) });
}
