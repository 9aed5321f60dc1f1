import { Decimal as DecimalJs } from 'decimal.js';
import { formatWithSymbol } from './money-symbols.ts';

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

const moneyFormats = new Map<string, Intl.NumberFormat>();

/**
 * For display: the amount in the locale's currency format, exact (no detour through a float
 * beyond Intl's own). Every minor digit is written (CN¥14,978.10, never CN¥14,978.1); with
 * `trimWhole` a whole amount drops its decimals (CN¥1,000), as the web app's lists and cards
 * show it. Formatters are cached: building one costs far more than using it.
 */
export function formatMoney(v: MoneyInput, currency: string, locale: string, opts: { trimWhole?: boolean } = {}): string {
  const digits = minorDigits(currency);
  const rounded = roundMoney(v, currency);
  const shown = opts.trimWhole && rounded.isInteger() ? 0 : digits;
  const key = `${locale}|${currency}|${shown}`;
  let fmt = moneyFormats.get(key);
  if (!fmt) {
    fmt = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: shown, maximumFractionDigits: digits });
    moneyFormats.set(key, fmt);
  }
  // Intl formats a decimal string exactly (ECMA-402 v3 accepts strings as exact decimals).
  return formatWithSymbol(fmt, rounded.toFixed(digits), currency);
}

// ---- Line items (issue 12 piece 2): the one computation the server stores and the web line
// ---- editor shows. Percentages are percent (13 = 13 %), not fractions.

/** 'per_line': each line rounded, totals are their sums. 'total': rounded once per tax rate, then spread over the lines. */
export type RoundingMode = 'per_line' | 'total';
export const ROUNDING_MODES: readonly RoundingMode[] = ['per_line', 'total'];

export interface LineDraft {
  quantity: MoneyInput;
  unitPrice: MoneyInput;
  /** Percent off this line (0..100). */
  discountPercent?: MoneyInput | null;
  /** Tax rate in percent (13 = 13 % VAT). */
  taxRate?: MoneyInput | null;
}

export interface ComputeOptions {
  currency: string;
  roundingMode?: RoundingMode;
  /** Unit prices are gross (tax included); the tax is taken out of them. */
  pricesIncludeTax?: boolean;
  /** Percent off the whole document, applied to every line after its own discount. */
  overallDiscountPercent?: MoneyInput | null;
}

export interface ComputedLine {
  net: Money;
  tax: Money;
  gross: Money;
}

export interface ComputedTotals {
  /** Net before any discount. */
  subtotal: Money;
  /** subtotal − net: what the line and overall discounts took off (net terms). */
  discount: Money;
  net: Money;
  tax: Money;
  gross: Money;
}

const pct = (v: MoneyInput | null | undefined): Money => (v === null || v === undefined || v === '' ? new Money(0) : toMoney(v).div(100));

/**
 * Spreads `target` (a rounded amount) over exact shares so the rounded shares sum to it:
 * each share floored to the minor unit, the units left given to the largest remainders
 * (taken from the smallest when the target is below the floors).
 */
export function allocate(target: Money, exact: readonly Money[], digits: number): Money[] {
  const scale = new Money(10).pow(digits);
  const scaled = exact.map((x) => x.times(scale));
  const floors = scaled.map((x) => x.floor());
  let units = target.times(scale).minus(sum(floors)).toNumber();
  const out = floors.slice();
  if (!exact.length) return out;
  const order = scaled.map((x, i) => ({ i, rem: x.minus(floors[i]!) }));
  order.sort((a, b) => (units >= 0 ? b.rem.comparedTo(a.rem) : a.rem.comparedTo(b.rem)) || a.i - b.i);
  for (let k = 0; units !== 0; k++) {
    const { i } = order[k % order.length]!;
    out[i] = out[i]!.plus(units > 0 ? 1 : -1);
    units += units > 0 ? -1 : 1;
  }
  return out.map((x) => x.div(scale));
}

/**
 * Amounts of a document's lines and its totals, exact and rounded half-up to the currency's
 * minor unit. Always: gross = net + tax on every line and in the totals, and the lines' sums
 * equal the totals (in 'total' mode the rounding difference is spread over the lines).
 */
export function computeLines(lines: readonly LineDraft[], opts: ComputeOptions): { lines: ComputedLine[]; totals: ComputedTotals } {
  const { currency } = opts;
  const digits = minorDigits(currency);
  const incl = Boolean(opts.pricesIncludeTax);
  const overall = new Money(1).minus(pct(opts.overallDiscountPercent));
  const one = new Money(1);
  // Exact (unrounded) figures per line: `amount` is net, or gross when prices include tax.
  const exact = lines.map((l) => {
    const base = toMoney(l.quantity).times(toMoney(l.unitPrice));
    const rate = pct(l.taxRate);
    const amount = base.times(one.minus(pct(l.discountPercent))).times(overall);
    return { base, rate, amount, key: rate.toString() };
  });
  const netOf = (gross: Money, rate: Money) => gross.div(one.plus(rate));
  const out: ComputedLine[] = [];
  let subtotal = new Money(0);
  if ((opts.roundingMode ?? 'per_line') === 'per_line') {
    for (const e of exact) {
      if (incl) {
        const gross = roundMoney(e.amount, currency);
        const net = roundMoney(netOf(gross, e.rate), currency);
        out.push({ net, tax: gross.minus(net), gross });
        subtotal = subtotal.plus(roundMoney(netOf(roundMoney(e.base, currency), e.rate), currency));
      } else {
        const net = roundMoney(e.amount, currency);
        const tax = roundMoney(net.times(e.rate), currency);
        out.push({ net, tax, gross: net.plus(tax) });
        subtotal = subtotal.plus(roundMoney(e.base, currency));
      }
    }
  } else {
    // Rounded once per tax rate (the tax a fapiao or VAT return shows per rate), then spread.
    const groups = new Map<string, number[]>();
    exact.forEach((e, i) => groups.set(e.key, [...(groups.get(e.key) ?? []), i]));
    for (const idx of groups.values()) {
      const rate = exact[idx[0]!]!.rate;
      const amounts = idx.map((i) => exact[i]!.amount);
      const exactNet = amounts.map((a) => (incl ? netOf(a, rate) : a));
      const exactTax = amounts.map((a, k) => (incl ? a.minus(exactNet[k]!) : a.times(rate)));
      const net = roundMoney(sum(exactNet), currency);
      const tax = incl ? roundMoney(sum(amounts), currency).minus(net) : roundMoney(net.times(rate), currency);
      const nets = allocate(net, exactNet, digits);
      const taxes = allocate(tax, exactTax, digits);
      idx.forEach((i, k) => (out[i] = { net: nets[k]!, tax: taxes[k]!, gross: nets[k]!.plus(taxes[k]!) }));
      const bases = idx.map((i) => (incl ? netOf(exact[i]!.base, rate) : exact[i]!.base));
      subtotal = subtotal.plus(roundMoney(sum(bases), currency));
    }
  }
  const net = sum(out.map((l) => l.net));
  const tax = sum(out.map((l) => l.tax));
  return { lines: out, totals: { subtotal, discount: subtotal.minus(net), net, tax, gross: net.plus(tax) } };
}
