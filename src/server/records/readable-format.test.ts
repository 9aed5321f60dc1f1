import { describe, expect, it } from 'vitest';
import { formatDateTime, groupAmount } from './readable-export.ts';
import { parseTypedDateTime } from './typed-formats.ts';

describe('readable cell formats', () => {
  it('writes a date-time in the zone with its offset, and reads it back to the same instant', () => {
    const iso = '2024-03-05T06:30:00.000Z';
    expect(formatDateTime(iso, 'Asia/Shanghai')).toBe('2024-03-05 14:30 +08:00');
    expect(formatDateTime(iso, 'UTC')).toBe('2024-03-05 06:30 +00:00');
    expect(formatDateTime('2024-07-01T12:00:05.000Z', 'America/New_York')).toBe('2024-07-01 08:00:05 -04:00');
    for (const tz of ['Asia/Shanghai', 'UTC', 'America/New_York', 'Asia/Kolkata']) {
      expect(new Date(parseTypedDateTime(formatDateTime(iso, tz))!).toISOString()).toBe(iso);
    }
    expect(parseTypedDateTime('2024-03-05 14:30')).toBeNull();
    expect(parseTypedDateTime('2024-02-30 14:30 +08:00')).toBeNull();
  });

  it('groups amounts exactly', () => {
    expect(groupAmount('1234567.50')).toBe('1,234,567.50');
    expect(groupAmount('-1000')).toBe('-1,000');
    expect(groupAmount('999.99')).toBe('999.99');
    expect(groupAmount('12345678901234567.89')).toBe('12,345,678,901,234,567.89');
  });
});
