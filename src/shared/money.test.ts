import { describe, expect, it } from 'vitest';
import { documentTotals, formatMoney, lineAmounts, minorDigits, moneyString, parseMoney, roundMoney, sum } from './money.ts';

describe('money', () => {
  it('3 × 19.99 at 13 % VAT, rounded per line, is 67.77 exactly', () => {
    const line = lineAmounts({ quantity: '3', unitPrice: '19.99', taxRate: '0.13' }, 'CNY');
    expect(line.net.toFixed(2)).toBe('59.97');
    expect(line.tax.toFixed(2)).toBe('7.80');
    expect(line.gross.toFixed(2)).toBe('67.77');
    // Three lines of one: tax per line 2.60 each, the same total.
    const lines = Array.from({ length: 3 }, () => ({ quantity: 1, unitPrice: '19.99', taxRate: '0.13' }));
    expect(documentTotals(lines, 'CNY').gross.toFixed(2)).toBe('67.77');
  });

  it('0.1 + 0.2 is 0.3, from numbers or strings', () => {
    expect(sum([0.1, 0.2]).toString()).toBe('0.3');
    expect(sum(['0.1', '0.2']).eq('0.3')).toBe(true);
  });

  it('rounds half-up to the minor unit of the currency', () => {
    expect(minorDigits('CNY')).toBe(2);
    expect(minorDigits('USD')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(moneyString('1234.5', 'JPY')).toBe('1235');
    expect(moneyString('1234.49', 'JPY')).toBe('1234');
    expect(moneyString('0.125', 'CNY')).toBe('0.13');
    expect(moneyString('-0.125', 'CNY')).toBe('-0.13');
    expect(moneyString('2.5', 'CNY')).toBe('2.50');
    expect(roundMoney('1.005', 'USD').toString()).toBe('1.01');
  });

  it('applies a discount before tax', () => {
    const l = lineAmounts({ quantity: '2', unitPrice: '10.05', discount: '0.1', taxRate: '0.06' }, 'CNY');
    expect([l.net.toFixed(2), l.tax.toFixed(2), l.gross.toFixed(2)]).toEqual(['18.09', '1.09', '19.18']);
  });

  it('parses decimal strings and finite numbers only', () => {
    expect(parseMoney('12999.5')?.toString()).toBe('12999.5');
    expect(parseMoney(' -3 ')?.toString()).toBe('-3');
    expect(parseMoney(12.3)?.toString()).toBe('12.3');
    for (const bad of ['1e5', '1,000', 'abc', '', '1.2.3', Infinity, NaN, null, {}]) expect(parseMoney(bad)).toBeNull();
  });

  it('formats exactly with the currency digits', () => {
    expect(formatMoney('12345678901234.56', 'CNY', 'en')).toBe('CN¥12,345,678,901,234.56');
    expect(formatMoney('1234.5', 'JPY', 'en')).toBe('¥1,235');
    // Every minor digit, also when the last is a zero; trimWhole drops only a whole amount's.
    expect(formatMoney('14978.1', 'USD', 'en')).toBe('$14,978.10');
    expect(formatMoney('14978.1', 'USD', 'en', { trimWhole: true })).toBe('$14,978.10');
    expect(formatMoney('167375.6', 'CNY', 'zh-CN', { trimWhole: true })).toBe('¥167,375.60');
    expect(formatMoney('1000.00', 'CNY', 'en', { trimWhole: true })).toBe('CN¥1,000');
    expect(formatMoney('1000.00', 'CNY', 'en')).toBe('CN¥1,000.00');
    expect(formatMoney('9.999', 'CNY', 'en', { trimWhole: true })).toBe('CN¥10');
  });
});
