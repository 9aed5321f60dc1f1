import type { Locale } from '../../shared/fields.ts';
import { invalid } from '../http/errors.ts';
import type { ResolvedField } from './fields.ts';
import { fieldLabel, optionLabel } from './labels.ts';
import type { ObjectDef, Row } from './types.ts';

// A readable export: what a person opens in Excel. Headers are field labels in the reader's
// language, a link or user field is one column holding the linked record's name (its title
// as the list answers it — none for a record the reader may not see, so nothing about it
// leaks), options by label, yes/no as words, money grouped, date-times in the reader's zone
// with their offset. The import reads every one of these back (records/labels.ts,
// validate.ts coerceText), so the file round-trips in any of the three languages.

export interface ExportColumn {
  header: string;
  value: (r: Row) => unknown;
  /** An amount: a number cell in .xlsx (formatted there when readable). */
  money?: boolean;
}

const YES_NO: Record<Locale, [string, string]> = { en: ['Yes', 'No'], 'zh-CN': ['是', '否'], 'zh-TW': ['是', '否'] };

/** The time zone to write date-times in: a valid IANA name or a 400. */
export function checkTimeZone(tz: string | undefined): string {
  if (!tz) return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz;
  } catch {
    throw invalid([{ field: 'tz', message: 'Unknown time zone', code: 'unknown_time_zone' }]);
  }
}

/** '2024-03-05T06:30:00.000Z' in Asia/Shanghai → '2024-03-05 14:30 +08:00'. */
export function formatDateTime(iso: string, tz: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(t).map((x) => [x.type, x.value]),
  );
  const local = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  const offset = Math.round((local - Math.floor(t.getTime() / 1000) * 1000) / 60_000);
  const abs = Math.abs(offset);
  const zone = `${offset < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  const seconds = p.second === '00' ? '' : `:${p.second}`;
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}${seconds} ${zone}`;
}

/** '1234567.50' → '1,234,567.50' (exact: the text is regrouped, never turned into a float). */
export function groupAmount(s: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(s);
  return m ? `${m[1]}${m[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${m[3] ?? ''}` : s;
}

function readableValue(def: ObjectDef, f: ResolvedField, v: unknown, locale: Locale, tz: string): unknown {
  if (v === null || v === undefined || v === '') return v;
  switch (f.type) {
    case 'select':
      return optionLabel(def, f, String(v), locale);
    case 'multiselect':
      return Array.isArray(v) ? v.map((x) => optionLabel(def, f, String(x), locale)).join('; ') : v;
    case 'tags':
      return Array.isArray(v) ? v.join('; ') : v;
    case 'boolean':
      return YES_NO[locale][v ? 0 : 1];
    case 'datetime':
      return formatDateTime(String(v), tz);
    case 'money':
      return groupAmount(String(v));
    default:
      return v;
  }
}

/**
 * The columns of a readable export of `keys` (fields the reader may see; `id` only when asked
 * for). A header two fields share gets the field key after it, so every column stays one field.
 */
export function readableColumns(def: ObjectDef, fields: ResolvedField[], keys: string[], locale: Locale, tz: string): ExportColumn[] {
  const out: ExportColumn[] = [];
  for (const k of keys) {
    if (k === 'id') {
      out.push({ header: 'ID', value: (r) => r.id });
      continue;
    }
    const f = fields.find((x) => x.key === k)!;
    const header = fieldLabel(def, f, locale);
    if (f.type === 'user' || (f.type === 'link' && f.link)) {
      out.push({ header, value: (r) => (r.refs as Record<string, { title?: string }> | undefined)?.[k]?.title });
    } else {
      out.push({ header, value: (r) => readableValue(def, f, r[k], locale, tz), money: f.type === 'money' });
    }
  }
  const seen = new Map<string, number>();
  for (const c of out) seen.set(c.header, (seen.get(c.header) ?? 0) + 1);
  return out.map((c, i) => (seen.get(c.header)! > 1 && out.findIndex((x) => x.header === c.header) !== i ? { ...c, header: `${c.header} (${keys[i]})` } : c));
}
