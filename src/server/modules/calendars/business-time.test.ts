import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addBusinessDays, addBusinessMinutes, businessMinutesBetween, isWorkingDate, type BusinessCalendar, type TimeRange } from './business-time.ts';
import { chinaExceptions } from './china-seed.ts';

const SPLIT_DAY: TimeRange[] = [{ start: '09:00', end: '12:00' }, { start: '13:30', end: '18:00' }];
const monFri = (ranges: TimeRange[]) => Object.fromEntries([1, 2, 3, 4, 5].map((d) => [String(d), ranges]));

function china(): BusinessCalendar {
  const exceptions = Object.fromEntries(chinaExceptions(2026).map((e) => [e.day, { working: e.working }]));
  return { timeZone: 'Asia/Shanghai', week: monFri(SPLIT_DAY), exceptions };
}
const newYork: BusinessCalendar = { timeZone: 'America/New_York', week: monFri([{ start: '08:00', end: '17:00' }]), exceptions: {} };
// Ranges around 02:00, the hour New York's clocks skip in March and repeat in November.
const nightShift: BusinessCalendar = {
  timeZone: 'America/New_York',
  week: Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [String(d), [{ start: '00:30', end: '03:30' }, { start: '22:00', end: '24:00' }]])),
  exceptions: {},
};
const at = (iso: string) => new Date(iso);

describe('business time, China 2026 (chinese-days seed)', () => {
  const cal = china();
  it('knows the make-up Saturday and the National Day holiday', () => {
    expect(isWorkingDate(cal, '2026-02-14')).toBe(true); // Saturday, 调休
    expect(isWorkingDate(cal, '2026-10-01')).toBe(false); // Thursday, 国庆节
    expect(isWorkingDate(cal, '2026-10-10')).toBe(true); // Saturday, 调休
    expect(isWorkingDate(cal, '2026-10-11')).toBe(false); // plain Sunday
  });

  it('one working day after Friday 2026-10-09 17:00 is Saturday 2026-10-10 (make-up day)', () => {
    expect(addBusinessDays(cal, at('2026-10-09T17:00:00+08:00'), 1)).toEqual(at('2026-10-10T17:00:00+08:00'));
    // A day's worth of minutes (7.5 h) lands there too: 1 h on Friday, 6.5 h on Saturday.
    expect(addBusinessMinutes(cal, at('2026-10-09T17:00:00+08:00'), 450)).toEqual(at('2026-10-10T17:00:00+08:00'));
  });

  it('skips the National Day holiday and the lunch break', () => {
    // Wednesday 30 Sep 17:00 + 2 h: 1 h left that day, then the holiday (1–7 Oct) to Thursday 8th.
    expect(addBusinessMinutes(cal, at('2026-09-30T17:00:00+08:00'), 120)).toEqual(at('2026-10-08T10:00:00+08:00'));
    expect(addBusinessMinutes(cal, at('2026-10-09T11:00:00+08:00'), 90)).toEqual(at('2026-10-09T14:00:00+08:00'));
    expect(businessMinutesBetween(cal, at('2026-09-30T00:00:00+08:00'), at('2026-10-10T00:00:00+08:00'))).toBe(3 * 450); // 30 Sep, 8 and 9 Oct
  });

  it('an amount ending at the close of a range ends there, and zero keeps the start', () => {
    expect(addBusinessMinutes(cal, at('2026-10-09T17:00:00+08:00'), 60)).toEqual(at('2026-10-09T18:00:00+08:00'));
    expect(addBusinessMinutes(cal, at('2026-10-11T03:17:00+08:00'), 0)).toEqual(at('2026-10-11T03:17:00+08:00'));
  });

  it('a make-up day with ranges of its own works those', () => {
    const own = { ...cal, exceptions: { ...cal.exceptions, '2026-02-14': { working: true, ranges: [{ start: '10:00', end: '11:00' }] } } };
    expect(businessMinutesBetween(own, at('2026-02-14T00:00:00+08:00'), at('2026-02-15T00:00:00+08:00'))).toBe(60);
    expect(businessMinutesBetween(cal, at('2026-02-14T00:00:00+08:00'), at('2026-02-15T00:00:00+08:00'))).toBe(450);
  });

  it('refuses a calendar with no working time instead of looping', () => {
    expect(() => addBusinessMinutes({ timeZone: 'UTC', week: {}, exceptions: {} }, at('2026-01-01T00:00:00Z'), 1)).toThrow(/no working time/);
  });
});

describe('business time across DST (America/New_York)', () => {
  it('a working day is 9 real hours on both sides of the March change', () => {
    expect(businessMinutesBetween(newYork, at('2026-03-06T00:00:00-05:00'), at('2026-03-10T00:00:00-04:00'))).toBe(2 * 540);
    expect(addBusinessMinutes(newYork, at('2026-03-06T16:00:00-05:00'), 120)).toEqual(at('2026-03-09T09:00:00-04:00'));
    expect(addBusinessDays(newYork, at('2026-10-30T10:00:00-04:00'), 1)).toEqual(at('2026-11-02T10:00:00-05:00'));
  });

  it('a skipped hour does not count; a repeated hour counts twice', () => {
    // 8 March: 00:30–03:30 local holds 2 real hours; 1 November: 4 real hours.
    expect(businessMinutesBetween(nightShift, at('2026-03-08T00:00:00-05:00'), at('2026-03-08T12:00:00-04:00'))).toBe(120);
    expect(businessMinutesBetween(nightShift, at('2026-11-01T00:00:00-04:00'), at('2026-11-01T12:00:00-05:00'))).toBe(240);
  });
});

const calendars = [china(), newYork, nightShift];
const instants = fc.date({ min: at('2025-12-01T00:00:00Z'), max: at('2026-12-15T00:00:00Z'), noInvalidDate: true });
const amounts = fc.integer({ min: 0, max: 6000 });
const calendarArb = fc.constantFrom(...calendars);

describe('business time properties', () => {
  it('between(start, add(start, m)) is m', () => {
    fc.assert(fc.property(calendarArb, instants, amounts, (cal, start, m) => businessMinutesBetween(cal, start, addBusinessMinutes(cal, start, m)) === m), { numRuns: 150 });
  });

  it('add is monotonic in the amount and never goes back in time', () => {
    fc.assert(fc.property(calendarArb, instants, amounts, amounts, (cal, start, m1, m2) => {
      const [lo, hi] = m1 <= m2 ? [m1, m2] : [m2, m1];
      const a = addBusinessMinutes(cal, start, lo).getTime();
      return a >= start.getTime() && a <= addBusinessMinutes(cal, start, hi).getTime();
    }), { numRuns: 100 });
  });

  it('between is additive and antisymmetric', () => {
    fc.assert(fc.property(calendarArb, instants, instants, instants, (cal, x, y, z) => {
      const [a, b, c] = [x, y, z].sort((p, q) => p.getTime() - q.getTime());
      // Minutes carry the instants' milliseconds as fractions: compare to a microsecond.
      const whole = businessMinutesBetween(cal, a!, c!);
      return Math.abs(businessMinutesBetween(cal, a!, b!) + businessMinutesBetween(cal, b!, c!) - whole) < 1e-8
        && businessMinutesBetween(cal, c!, a!) === -whole;
    }), { numRuns: 25 });
  });

  it('a holiday added on a working date removes exactly its working minutes from any span covering it', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 40 }), (offset, span) => {
      const base = china();
      const startDate = new Date(Date.UTC(2026, 0, 5) + offset * 86_400_000).toISOString().slice(0, 10);
      const start = at(`${startDate}T00:00:00+08:00`);
      const end = new Date(start.getTime() + span * 86_400_000);
      const day = startDate;
      if (!isWorkingDate(base, day)) return true;
      const withHoliday = { ...base, exceptions: { ...base.exceptions, [day]: { working: false } } };
      return businessMinutesBetween(base, start, end) - businessMinutesBetween(withHoliday, start, end) === 450;
    }), { numRuns: 60 });
  });
});
