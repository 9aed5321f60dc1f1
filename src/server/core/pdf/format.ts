import { Money, minorDigits } from '../../../shared/money.ts';
import { formatWithSymbol } from '../../../shared/money-symbols.ts';
import type { Locale } from '../../../shared/fields.ts';

// Display of a document's numbers. The document arrives with every amount computed and rounded
// (src/shared/money.ts); here they are only written out, in the locale's way, with Intl reading
// the decimal strings exactly (ECMA-402 formats a string operand without a detour through a
// float). Never fewer digits than the value has: a unit price of 0.125 prints as 0.125.

const digitsOf = (v: string): number => new Money(v).decimalPlaces();

/** An amount with its currency: ¥1,234.50 / US$1,234.50 / 1.234,50 € as the locale writes it. */
export function formatAmount(v: string, currency: string, locale: Locale): string {
  const minor = minorDigits(currency);
  const fmt = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: minor, maximumFractionDigits: Math.max(minor, digitsOf(v)) });
  return formatWithSymbol(fmt, v, currency);
}

/** A plain number (quantities) with the locale's grouping, every written decimal kept. */
export function formatNumber(v: string, locale: Locale): string {
  if (!/^-?\d+(\.\d+)?$/.test(v.trim())) return v;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digitsOf(v) }).format(v as unknown as number);
}

/** A percentage given in percent ("13" → "13%"), not as a fraction. */
export function formatPercent(v: string, locale: Locale): string {
  return `${formatNumber(v, locale)}%`;
}

/** An ISO date (or timestamp) as the locale writes dates: 2026年11月26日 / Nov 26, 2026. */
export function formatDate(iso: string, locale: Locale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: locale === 'en' ? 'short' : 'long', day: 'numeric', timeZone: 'UTC' }).format(d);
}
