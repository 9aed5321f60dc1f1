import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeLines, sum, type LineDraft, type RoundingMode } from './money.ts';

// computeLines is what the server stores and the web line editor shows (src/shared/money.ts).
const str = (v: { toFixed: (d: number) => string }, d = 2) => v.toFixed(d);

describe('computeLines', () => {
  it('3 × 19.99 at 13 % VAT is 67.77 exactly, in both rounding modes', () => {
    for (const roundingMode of ['per_line', 'total'] as const) {
      const r = computeLines([{ quantity: 3, unitPrice: '19.99', taxRate: 13 }], { currency: 'CNY', roundingMode });
      expect([str(r.lines[0]!.net), str(r.lines[0]!.tax), str(r.lines[0]!.gross)]).toEqual(['59.97', '7.80', '67.77']);
      expect(str(r.totals.gross)).toBe('67.77');
    }
  });

  it('per line rounds each line; total rounds once per tax rate and spreads the difference', () => {
    const lines = Array.from({ length: 3 }, () => ({ quantity: 1, unitPrice: '0.05', taxRate: 13 }));
    // Per line: 0.0065 → 0.01 tax each = 0.03; once: 0.15 × 13 % = 0.0195 → 0.02.
    expect(str(computeLines(lines, { currency: 'CNY', roundingMode: 'per_line' }).totals.tax)).toBe('0.03');
    const total = computeLines(lines, { currency: 'CNY', roundingMode: 'total' });
    expect(str(total.totals.tax)).toBe('0.02');
    expect(total.lines.map((l) => str(l.tax))).toEqual(['0.01', '0.01', '0.00']);
  });

  it('takes the tax out of prices that include it', () => {
    const r = computeLines([{ quantity: 1, unitPrice: '113.00', taxRate: 13 }], { currency: 'CNY', pricesIncludeTax: true });
    expect([str(r.totals.net), str(r.totals.tax), str(r.totals.gross)]).toEqual(['100.00', '13.00', '113.00']);
  });

  it('applies line discounts, then the overall discount, and reports what they took off', () => {
    const r = computeLines([{ quantity: 2, unitPrice: 100, discountPercent: 10, taxRate: 6 }], { currency: 'CNY', overallDiscountPercent: 5 });
    // 200 × 0.9 × 0.95 = 171; tax 10.26.
    expect([str(r.totals.subtotal), str(r.totals.discount), str(r.totals.net), str(r.totals.tax), str(r.totals.gross)]).toEqual(['200.00', '29.00', '171.00', '10.26', '181.26']);
  });

  it('rounds to the minor unit of the currency (JPY has none)', () => {
    const r = computeLines([{ quantity: 3, unitPrice: 333, taxRate: 10 }], { currency: 'JPY' });
    expect(r.totals.tax.toString()).toBe('100');
  });

  const decimal = (maxInt: number, places: number) => fc.integer({ min: 0, max: maxInt * 10 ** places }).map((n) => (n / 10 ** places).toFixed(places));
  const line = fc.record({
    quantity: decimal(1000, 3),
    unitPrice: decimal(100000, 2),
    discountPercent: decimal(100, 2),
    taxRate: fc.constantFrom('0', '3', '6', '9', '13', '5.5'),
  }) as fc.Arbitrary<LineDraft>;

  it('property: gross = net + tax per line and in total; the lines sum to the totals; amounts are rounded', () => {
    fc.assert(fc.property(
      fc.array(line, { maxLength: 30 }),
      fc.constantFrom<RoundingMode>('per_line', 'total'),
      fc.boolean(),
      decimal(100, 2),
      fc.constantFrom('CNY', 'JPY', 'KWD'),
      (lines, roundingMode, pricesIncludeTax, overallDiscountPercent, currency) => {
        const r = computeLines(lines, { currency, roundingMode, pricesIncludeTax, overallDiscountPercent });
        const digits = currency === 'JPY' ? 0 : currency === 'KWD' ? 3 : 2;
        for (const l of r.lines) {
          expect(l.gross.eq(l.net.plus(l.tax))).toBe(true);
          for (const v of [l.net, l.tax, l.gross]) expect(v.decimalPlaces()).toBeLessThanOrEqual(digits);
        }
        expect(sum(r.lines.map((l) => l.net)).eq(r.totals.net)).toBe(true);
        expect(sum(r.lines.map((l) => l.tax)).eq(r.totals.tax)).toBe(true);
        expect(sum(r.lines.map((l) => l.gross)).eq(r.totals.gross)).toBe(true);
        expect(r.totals.gross.eq(r.totals.net.plus(r.totals.tax))).toBe(true);
        expect(r.totals.subtotal.minus(r.totals.discount).eq(r.totals.net)).toBe(true);
        expect(r.totals.discount.gte(0)).toBe(true);
      },
    ), { numRuns: 300 });
  });

  it('property: the two rounding modes differ by less than one minor unit per line', () => {
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 20 }), fc.boolean(), (lines, pricesIncludeTax) => {
      const a = computeLines(lines, { currency: 'CNY', roundingMode: 'per_line', pricesIncludeTax });
      const b = computeLines(lines, { currency: 'CNY', roundingMode: 'total', pricesIncludeTax });
      expect(a.totals.gross.minus(b.totals.gross).abs().lte(lines.length * 0.01 + 0.01)).toBe(true);
    }), { numRuns: 200 });
  });
});
