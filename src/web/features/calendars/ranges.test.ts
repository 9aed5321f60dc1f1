import { describe, expect, it } from 'vitest';
import { formatRanges, parseRanges } from './ranges.ts';

describe('working ranges as the admin page writes them', () => {
  it('reads commas, Chinese separators and short hours, and writes them back', () => {
    const ranges = [{ start: '09:00', end: '12:00' }, { start: '13:30', end: '18:00' }];
    expect(parseRanges('9:00-12:00，13:30–18:00')).toEqual(ranges);
    expect(formatRanges(ranges)).toBe('09:00-12:00, 13:30-18:00');
    expect(parseRanges(formatRanges(ranges))).toEqual(ranges);
    expect(parseRanges('')).toEqual([]);
  });

  it('refuses text that is not ranges', () => {
    expect(parseRanges('nine to five')).toBeNull();
    expect(parseRanges('09:00-12:00, 14:00')).toBeNull();
  });
});
