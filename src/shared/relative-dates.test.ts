import { describe, expect, it } from 'vitest';
import { formatRelativeDate, parseRelativeDate, relativeDateValue } from './relative-dates.ts';

const now = new Date('2024-03-31T15:30:00Z');

describe('relative dates', () => {
  it('resolve against the moment a rule runs', () => {
    expect(relativeDateValue('today', 'date', now)).toBe('2024-03-31');
    expect(relativeDateValue('today-90d', 'date', now)).toBe('2024-01-01');
    expect(relativeDateValue('today-90d', 'datetime', now)).toBe('2024-01-01T00:00:00.000Z');
    expect(relativeDateValue('now-24h', 'datetime', now)).toBe('2024-03-30T15:30:00.000Z');
    expect(relativeDateValue('today+2w', 'date', now)).toBe('2024-04-14');
    // Months keep the day, clamped to the month's end.
    expect(relativeDateValue('today-1mo', 'date', now)).toBe('2024-02-29');
    expect(relativeDateValue('today-1y', 'date', new Date('2024-02-29T00:00:00Z'))).toBe('2023-02-28');
  });

  it('read only their own syntax', () => {
    for (const bad of ['today-', 'today-90', 'yesterday', 'now-1x', '2024-01-01', 'today - 9d', 'today-123456d']) expect(parseRelativeDate(bad)).toBeNull();
    for (const ok of ['today', 'now', 'today-90d', 'now+3h', 'today+1mo', 'today-2y']) expect(formatRelativeDate(parseRelativeDate(ok)!)).toBe(ok);
  });
});
