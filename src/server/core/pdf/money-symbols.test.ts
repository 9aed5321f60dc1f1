import { describe, expect, it } from 'vitest';
import { formatWithSymbol, symbolOf } from '../../../shared/money-symbols.ts';
import { formatMoney } from '../../../shared/money.ts';
import { formatAmount } from './format.ts';

// The formatter format.ts builds for an amount in the user's language.
const money = (locale: string, currency: string) => new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 2 });

describe('money symbols', () => {
  it('shows New Taiwan dollars as NT$ in 繁體中文, where Intl gives a bare "$"', () => {
    expect(formatWithSymbol(money('zh-TW', 'TWD'), '1234.50', 'TWD')).toBe('NT$1,234.5');
    expect(symbolOf(money('zh-TW', 'TWD'), 'TWD')).toBe('NT$');
    // and the same in the other languages
    expect(formatWithSymbol(money('zh-CN', 'TWD'), '1234', 'TWD')).toBe('NT$1,234');
    expect(formatWithSymbol(money('en', 'TWD'), '-5', 'TWD')).toBe('-NT$5');
  });

  it('leaves the other currencies to Intl', () => {
    expect(formatWithSymbol(money('zh-TW', 'USD'), '10', 'USD')).toBe('US$10');
    expect(formatWithSymbol(money('zh-CN', 'CNY'), '10.5', 'CNY')).toBe('¥10.5');
    expect(symbolOf(money('zh-CN', 'CNY'), 'CNY')).toBe('¥');
  });

  it('formats decimal text exactly, without a float', () => {
    expect(formatWithSymbol(money('zh-TW', 'TWD'), '90071992547409.99', 'TWD')).toBe('NT$90,071,992,547,409.99');
  });

  it('gives NT$ in the shared formatter (mail, web) and on PDF documents in zh-TW', () => {
    expect(formatMoney('1234.5', 'TWD', 'zh-TW')).toBe('NT$1,234.50');
    expect(formatAmount('1234.5', 'TWD', 'zh-TW')).toBe('NT$1,234.50');
    expect(formatAmount('0.125', 'USD', 'zh-TW')).toBe('US$0.125');
  });
});
