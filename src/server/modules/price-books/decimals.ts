import type { FieldIssue } from '../../http/errors.ts';
import { parseMoney, type Money } from '../../../shared/money.ts';

// Checks of the exact decimals entries, tiers and relations carry (prices within the currency's
// minor digits, quantities within the 4 decimals of numeric(18,4)); an issue per bad value.

export const QUANTITY_PLACES = 4;

export function decimalIssue(v: unknown, field: string, places: number, issues: FieldIssue[], opts: { positive?: boolean } = {}): Money | null {
  const m = parseMoney(v);
  if (!m) return issues.push({ field, message: 'Must be a number', code: 'invalid_number' }), null;
  if (opts.positive ? m.lte(0) : m.lt(0)) return issues.push({ field, message: opts.positive ? 'Must be more than 0' : 'Must not be negative', code: opts.positive ? 'not_positive' : 'negative_price' }), null;
  if (m.gte('1e12')) return issues.push({ field, message: 'Too large', code: 'too_big' }), null;
  if (m.decimalPlaces() > places) return issues.push({ field, message: `At most ${places} decimals`, code: 'too_many_decimals' }), null;
  return m;
}

/** Decimal text as stored (no trailing zeros): numeric(19,4) answers '88.0000'. */
export const plain = (v: string) => (parseMoney(v) ?? 0).toString();
