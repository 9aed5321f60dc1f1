import dayjs from 'dayjs';
import { currentLocale } from './index.ts';
import { formatMoney as formatSharedMoney, parseMoney } from '../../shared/money.ts';
import { symbolOf } from '../../shared/money-symbols.ts';

// Numbers, dates and money through Intl, in the user's language. Formatters are cached per
// locale: building an Intl formatter is far slower than using one, and tables call these a lot.
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(key: string, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const k = `n|${currentLocale()}|${key}`;
  let f = cache.get(k) as Intl.NumberFormat | undefined;
  if (!f) {
    f = new Intl.NumberFormat(currentLocale(), opts);
    cache.set(k, f);
  }
  return f;
}

function dateFormat(key: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const k = `d|${currentLocale()}|${key}`;
  let f = cache.get(k) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(currentLocale(), opts);
    cache.set(k, f);
  }
  return f;
}

let orgCurrency = 'CNY';

/** The organisation's currency (GET /settings; set once signed in, see RequireAuth). */
export function defaultCurrency(): string {
  return orgCurrency;
}

export function setDefaultCurrency(currency: string): void {
  orgCurrency = currency;
}

export function formatNumber(n: unknown): string {
  const v = typeof n === 'number' ? n : Number(n);
  if (n === null || n === undefined || n === '' || !Number.isFinite(v)) return '';
  return numberFormat('plain', { maximumFractionDigits: 2 }).format(v);
}

/** An amount (decimal text from the API, or a number) in the currency, exactly; a whole amount without decimals. */
export function formatMoney(n: unknown, currency = defaultCurrency()): string {
  const v = parseMoney(n);
  return v === null ? '' : formatSharedMoney(v, currency, currentLocale(), { trimWhole: true });
}

export function currencySymbol(currency = defaultCurrency()): string {
  return symbolOf(numberFormat(`symbol|${currency}`, { style: 'currency', currency }), currency);
}

/** A calendar date ('YYYY-MM-DD') shown without shifting across time zones. */
export function formatDate(v: unknown): string {
  if (!v || typeof v !== 'string') return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  if (!m) return v;
  const d = v.length <= 10 ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : new Date(v);
  if (Number.isNaN(d.getTime())) return v;
  return dateFormat('date', { year: 'numeric', month: 'short', day: 'numeric' }).format(d);
}

export function formatDateTime(v: unknown): string {
  if (!v || (typeof v !== 'string' && !(v instanceof Date))) return '';
  const d = v instanceof Date ? v : new Date(v);
  if (Number.isNaN(d.getTime())) return String(v);
  return dateFormat('datetime', { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(d);
}

export function formatTime(v: unknown): string {
  if (!v || typeof v !== 'string') return '';
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? v : dateFormat('time', { hour: '2-digit', minute: '2-digit' }).format(d);
}

export function formatRelative(v: unknown): string {
  if (!v || typeof v !== 'string') return '';
  const d = dayjs(v);
  return d.isValid() ? d.fromNow() : v;
}

/** "1,000+" for capped counts, grouped per locale. */
export function formatCount(count: number, capped = false): string {
  return numberFormat('plain', { maximumFractionDigits: 0 }).format(count) + (capped ? '+' : '');
}
