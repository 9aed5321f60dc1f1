import { describe, expect, it } from 'vitest';
import { commissionOn, rateAt, tierLines } from './tiers.ts';

const TIERS = [{ from: '0', rate: '3' }, { from: '100000', rate: '5' }];

describe('commission tiers', () => {
  it('marginal: each rate on its slice; whole: the reached rate on everything', () => {
    expect(commissionOn('150000', TIERS, 'marginal').toFixed(2)).toBe('5500.00');
    expect(commissionOn('150000', TIERS, 'whole').toFixed(2)).toBe('7500.00');
    expect(commissionOn('100000', TIERS, 'marginal').toFixed(2)).toBe('3000.00');
    expect(commissionOn('99999.99', TIERS, 'whole').toFixed(4)).toBe('2999.9997');
    expect(commissionOn('0.10', [{ from: '0', rate: '2.5' }], 'marginal').toFixed(4)).toBe('0.0025');
    expect(commissionOn('-50000', TIERS, 'marginal').toFixed(2)).toBe('-1500.00');
    expect(rateAt('100000', TIERS)).toBe('5');
  });

  it('marginal lines add up exactly to the total and show a crossed tier; whole lines share one rate', () => {
    const lines = tierLines(['60000', '60000', '30000.01'], TIERS, 'marginal');
    expect(lines.map((l) => [l.commission.toFixed(4), l.rate])).toEqual([['1800.0000', '3'], ['2200.0000', '3→5'], ['1500.0005', '5']]);
    const sum = lines.reduce((s, l) => s.plus(l.commission), lines[0]!.commission.minus(lines[0]!.commission));
    expect(sum.toFixed(4)).toBe(commissionOn('150000.01', TIERS, 'marginal').toFixed(4));
    expect(tierLines(['60000', '60000', '-20000'], TIERS, 'whole').map((l) => [l.commission.toFixed(2), l.rate])).toEqual([['3000.00', '5'], ['3000.00', '5'], ['-1000.00', '5']]);
    // 0.1 + 0.2 stays exact (no float).
    expect(tierLines(['0.1', '0.2'], [{ from: '0', rate: '10' }], 'marginal').map((l) => l.commission.toString())).toEqual(['0.01', '0.02']);
  });
});
