import { LOCALES, type FieldOption, type Locale } from '../../shared/fields.ts';
import type { ResolvedField } from './fields.ts';
import type { ObjectDef } from './types.ts';

// Field and option labels in the three languages, from wherever they are kept: a custom
// field carries its own (`label`, `labels`), a standard field's are in its object's
// definition (`labels[locale].fields` / `.options`). Used by readable exports and by the
// import, which must read back the labels an export wrote in any of the languages.

export function asLocale(l: string | undefined | null): Locale {
  return (LOCALES as readonly string[]).includes(l ?? '') ? (l as Locale) : 'en';
}

/** 'duration_minutes' → 'Duration minutes' (a field nobody labelled). */
function humanize(key: string): string {
  const s = key.replace(/_id$/, '').replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A field's label in one language (English, then the key made readable, when it has none). */
export function fieldLabel(def: ObjectDef, f: ResolvedField, locale: Locale): string {
  if (f.custom) return f.labels?.[locale] || f.label || humanize(f.key);
  return def.labels?.[locale]?.fields?.[f.key] ?? def.labels?.en?.fields?.[f.key] ?? humanize(f.key);
}

/** An option's labels by language (a custom field's own, else its object's labels). */
export function optionLabels(def: ObjectDef, f: ResolvedField, o: FieldOption): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of LOCALES) {
    const label = o.labels?.[l] ?? def.labels?.[l]?.options?.[f.key]?.[o.value];
    if (label) out[l] = label;
  }
  return out;
}

/** An option value's label in one language (the value itself when it has none or is unknown). */
export function optionLabel(def: ObjectDef, f: ResolvedField, value: string, locale: Locale): string {
  const o = f.options?.find((x) => x.value === value);
  if (!o) return value;
  const labels = optionLabels(def, f, o);
  return labels[locale] ?? labels.en ?? o.label ?? value;
}

/** The fields with every option's labels filled in, so `coerceText` reads a label in any language. */
export function withOptionLabels(def: ObjectDef, fields: ResolvedField[]): ResolvedField[] {
  return fields.map((f) => (f.options?.length ? { ...f, options: f.options.map((o) => ({ ...o, labels: { ...optionLabels(def, f, o) } })) } : f));
}
