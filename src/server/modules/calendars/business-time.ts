import { addDays, instantOf, isoWeekday, localDate, localMinutes } from './zone.ts';

/** A working range of one day, local wall time 'HH:MM' (end may be '24:00'), start < end. */
export interface TimeRange { start: string; end: string }

/** A date's exception: not working (a holiday), or working (a 调休 make-up day) with its own ranges. */
export interface CalendarException { working: boolean; ranges?: TimeRange[] | null }

/**
 * What the business-time functions need of a calendar: its zone, the working ranges of each ISO
 * weekday ('1' Monday … '7' Sunday), and exceptions by date (YYYY-MM-DD). Pure data: no database.
 */
export interface BusinessCalendar {
  timeZone: string;
  week: Partial<Record<string, TimeRange[]>>;
  exceptions: Record<string, CalendarException>;
}

/** A calendar with no working time for this long is refused rather than searched forever. */
const MAX_IDLE_DAYS = 3700;

export class NoWorkingTimeError extends Error {
  constructor() {
    super(`The calendar has no working time within ${MAX_IDLE_DAYS} days`);
  }
}

export const toMinutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** A make-up day without ranges of its own works the ranges of the first weekday that has some. */
function defaultWorkdayRanges(cal: BusinessCalendar): TimeRange[] {
  for (let d = 1; d <= 7; d++) if (cal.week[String(d)]?.length) return cal.week[String(d)]!;
  return [];
}

/** The working ranges of a local date, exceptions first. */
export function rangesOn(cal: BusinessCalendar, date: string): TimeRange[] {
  const ex = cal.exceptions[date];
  if (ex) return ex.working ? (ex.ranges?.length ? ex.ranges : defaultWorkdayRanges(cal)) : [];
  return cal.week[String(isoWeekday(date))] ?? [];
}

/** Whether a local date has any working time. */
export const isWorkingDate = (cal: BusinessCalendar, date: string): boolean => rangesOn(cal, date).length > 0;

/** The working intervals (instants, ms) of one local date, in order. */
function intervalsOn(cal: BusinessCalendar, date: string): [number, number][] {
  return rangesOn(cal, date)
    .map((r): [number, number] => [instantOf(cal.timeZone, date, toMinutes(r.start)), instantOf(cal.timeZone, date, toMinutes(r.end))])
    .filter(([s, e]) => e > s);
}

/**
 * The instant `minutes` working minutes after `start`. Zero returns `start` itself; otherwise
 * time outside working ranges does not count, and an amount that ends exactly at the end of a
 * range ends there (18:00 Friday, not 09:00 Monday).
 */
export function addBusinessMinutes(cal: BusinessCalendar, start: Date, minutes: number): Date {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError('minutes must be a finite number ≥ 0');
  let remaining = Math.round(minutes * 60_000);
  const from = start.getTime();
  if (remaining === 0) return new Date(from);
  // The day before too: with a zone's offset a range of the previous local date may still be open.
  let date = addDays(localDate(cal.timeZone, from), -1);
  for (let idle = 0; idle < MAX_IDLE_DAYS; date = addDays(date, 1)) {
    const intervals = intervalsOn(cal, date);
    idle = intervals.length ? 0 : idle + 1;
    for (const [s, e] of intervals) {
      const begin = Math.max(s, from);
      if (e <= begin) continue;
      if (remaining <= e - begin) return new Date(begin + remaining);
      remaining -= e - begin;
    }
  }
  throw new NoWorkingTimeError();
}

/** Working minutes between two instants; negative when `b` is before `a`. */
export function businessMinutesBetween(cal: BusinessCalendar, a: Date, b: Date): number {
  const [from, to] = [a.getTime(), b.getTime()];
  if (to < from) return -businessMinutesBetween(cal, b, a);
  let ms = 0;
  const last = addDays(localDate(cal.timeZone, to), 1);
  for (let date = addDays(localDate(cal.timeZone, from), -1); date <= last; date = addDays(date, 1)) {
    for (const [s, e] of intervalsOn(cal, date)) ms += Math.max(0, Math.min(e, to) - Math.max(s, from));
  }
  return ms / 60_000;
}

/**
 * The same local wall time `days` working days after `start`'s local date ("due in 3 working
 * days"): the Nth later date that has working time. Zero days keeps `start`.
 */
export function addBusinessDays(cal: BusinessCalendar, start: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError('days must be a whole number ≥ 0');
  if (days === 0) return new Date(start);
  const from = start.getTime();
  const startDate = localDate(cal.timeZone, from);
  const wallMinutes = localMinutes(cal.timeZone, from);
  let date = startDate;
  for (let left = days, idle = 0; left > 0; ) {
    date = addDays(date, 1);
    if (isWorkingDate(cal, date)) {
      left--;
      idle = 0;
    } else if (++idle >= MAX_IDLE_DAYS) throw new NoWorkingTimeError();
  }
  return new Date(instantOf(cal.timeZone, date, wallMinutes));
}
