import { Money, allocate, minorDigits, roundMoney } from '../../../shared/money.ts';
import type { FapiaoLine } from './fapiao.repo.ts';

// A fapiao for part of an invoice (issue 13): the invoice's lines scaled to the amount asked.
// The gross of each line is its share of the amount, spread so the lines sum to it exactly
// (money.ts allocate: floors plus largest remainders); each line's tax is taken out of its
// gross at its own rate, and its unit price is the scaled net per unit (quantity unchanged),
// so the fapiao declares the same goods, tax rates and classification codes for less money.

type Line = Omit<FapiaoLine, 'position'>;

/** The lines of a whole invoice (gross `whole`) scaled to `amount`, their gross summing to it exactly. */
export function partOfLines(lines: readonly Line[], whole: Money, amount: Money, currency: string): Line[] {
  if (amount.eq(whole) || whole.isZero()) return lines.slice();
  const ratio = amount.div(whole);
  const grosses = allocate(amount, lines.map((l) => ratio.times(l.gross)), minorDigits(currency));
  return lines.map((l, i) => {
    const gross = grosses[i]!;
    const rate = new Money(l.tax_rate).div(100);
    const tax = roundMoney(gross.times(rate).div(rate.plus(1)), currency);
    const net = gross.minus(tax);
    const quantity = new Money(l.quantity);
    return {
      ...l,
      unit_price: quantity.isZero() ? l.unit_price : net.div(quantity).toDecimalPlaces(4).toString(),
      discount_percent: '0',
      net: net.toString(), tax: tax.toString(), gross: gross.toString(),
    };
  });
}
