import { describe, expect, it } from 'vitest';
import { plainNumber } from './number-text.ts';

describe('plainNumber', () => {
  it('reads thousands commas, decimal commas and currency marks as the number they mean', () => {
    expect(plainNumber('1,280,000.50')).toBe('1280000.50');
    expect(plainNumber('12,800')).toBe('12800');
    expect(plainNumber('12800,00')).toBe('12800.00');
    expect(plainNumber('9999,5')).toBe('9999.5');
    expect(plainNumber('1.280.000,00')).toBe('1280000.00');
    expect(plainNumber('12 800,00')).toBe('12800.00');
    expect(plainNumber('¥12,800')).toBe('12800');
    expect(plainNumber('NT$ 3,500')).toBe('3500');
    expect(plainNumber('-0,5')).toBe('-0.5');
    expect(plainNumber('3.14')).toBe('3.14');
  });

  it('refuses what it cannot read without guessing', () => {
    expect(plainNumber('1280,000')).toBeNull();
    expect(plainNumber('1,2,3')).toBeNull();
    expect(plainNumber('十万')).toBeNull();
    expect(plainNumber('12.800,00.5')).toBeNull();
  });
});
