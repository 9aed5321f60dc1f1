import { Decimal as DecimalJs } from 'decimal.js';

/**
 * Exact money, the one place for its rules (server and web). Amounts are decimal strings on the
 * wire and `numeric` in SQL; in JavaScript they are Decimals, never floating point numbers.
 * Rounding is half-up (away from zero at .5) to the currency's minor unit, per line.
 */
export const Money = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 });
export type Money = InstanceType<typeof Money>;
export type MoneyInput = Money | string | number;

/** A plain decimal: optional minus, digits, optional fraction (no exponent, no separators). */
const DECIMAL_RE = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** The largest amount any money field holds (numeric(18,2) leaves 16 integer digits). */
export const MONEY_LIMIT = new Money('1e15');

const digitsCache = new Map<string, number>();

/** Minor-unit digits of an ISO 4217 currency as Intl knows them: CNY/USD 2, JPY 0, KWD 3. */
export function minorDigits(currency: string): number {
  let d = digitsCache.get(currency);
  if (d === undefined) {
    try {
      d = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      d = 2;
    }
    digitsCache.set(currency, d);
  }
  return d;
}

/**
 * A decimal string or a finite number as a Money; null when it is neither. Numbers are read from
 * their shortest text (0.1 → "0.1"), so a JSON number means what it shows.
 */
export function parseMoney(v: unknown): Money | null {
  if (typeof v === 'number') return Number.isFinite(v) ? new Money(String(v)) : null;
  if (typeof v !== 'string') return null;
  const s = v.trim();
  return DECIMAL_RE.test(s) ? new Money(s) : null;
}

const toMoney = (v: MoneyInput): Money => (v instanceof Money ? v : new Money(v));

/** Exact sum (no rounding). */
export function sum(values: readonly MoneyInput[]): Money {
  return values.reduce<Money>((acc, v) => acc.plus(toMoney(v)), new Money(0));
}

/** Rounded half-up to the currency's minor unit. */
export function roundMoney(v: MoneyInput, currency: string): Money {
  return toMoney(v).toDecimalPlaces(minorDigits(currency), Money.ROUND_HALF_UP);
}

/** The wire form: fixed minor digits ("12999.50", JPY "12999"). */
export function moneyString(v: MoneyInput, currency: string): string {
  return roundMoney(v, currency).toFixed(minorDigits(currency));
}

/** Number of digits after the point as written ("1.50" → 2). */
export function decimalsOf(v: Money): number {
  return v.decimalPlaces();
}

export interface LineInput {
  quantity: MoneyInput;
  unitPrice: MoneyInput;
  /** Fraction off the line, 0.1 = 10 %. */
  discount?: MoneyInput;
  /** Tax rate as a fraction, 0.13 = 13 % VAT. */
  taxRate?: MoneyInput;
}

export interface LineAmounts {
  /** round(quantity × unit price × (1 − discount)). */
  net: Money;
  /** round(net × tax rate): tax is rounded per line. */
  tax: Money;
  gross: Money;
}

/** One line's amounts, each rounded to the currency's minor unit. */
export function lineAmounts(line: LineInput, currency: string): LineAmounts {
  const discount = toMoney(line.discount ?? 0);
  const net = roundMoney(toMoney(line.quantity).times(toMoney(line.unitPrice)).times(new Money(1).minus(discount)), currency);
  const tax = roundMoney(net.times(toMoney(line.taxRate ?? 0)), currency);
  return { net, tax, gross: net.plus(tax) };
}

/** A document's totals: the sums of its rounded lines (per-line rounding). */
export function documentTotals(lines: readonly LineInput[], currency: string): LineAmounts {
  const each = lines.map((l) => lineAmounts(l, currency));
  const net = sum(each.map((l) => l.net));
  const tax = sum(each.map((l) => l.tax));
  return { net, tax, gross: net.plus(tax) };
}

/** For display: the amount in the locale's currency format, exact (no detour through a float beyond Intl's own). */
export function formatMoney(v: MoneyInput, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  const fmt = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
  // Intl formats a decimal string exactly (ECMA-402 v3 accepts strings as exact decimals).
  return fmt.format(roundMoney(v, currency).toFixed(digits) as unknown as number);
}
