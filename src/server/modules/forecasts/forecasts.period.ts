import { invalid } from '../../http/errors.ts';
import { dayIn } from '../../core/org-time.ts';
import { addDays, isoWeekday } from '../calendars/zone.ts';

/** A forecast period: a year ('2026'), a quarter ('2026-Q4') or a month ('2026-11'); dates are [start, end). */
export interface Period { key: string; start: string; end: string }

const iso = (y: number, m: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;

function range(y: number, firstMonth: number, months: number): { start: string; end: string } {
  const endMonth = firstMonth + months;
  return { start: iso(y, firstMonth), end: endMonth > 12 ? iso(y + 1, endMonth - 12) : iso(y, endMonth) };
}

export function parsePeriod(key: string, field = 'period'): Period {
  let m = /^(\d{4})$/.exec(key);
  if (m) return { key, ...range(Number(m[1]), 1, 12) };
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) return { key, ...range(Number(m[1]), (Number(m[2]) - 1) * 3 + 1, 3) };
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (m) return { key, ...range(Number(m[1]), Number(m[2]), 1) };
  throw invalid([{ field, message: 'A period is YYYY, YYYY-Qn or YYYY-MM', code: 'invalid_period' }]);
}

/** The quarter an instant falls in ('2026-Q4'), in the zone (the organisation's: orgZone). */
export function quarterOf(d: Date, zone = 'UTC'): string {
  const day = dayIn(zone, d);
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/** Has the period ended by `today` (YYYY-MM-DD)? */
export const periodClosed = (p: Period, today: string) => p.end <= today;

/** The Monday of the week of `d` in the zone, as YYYY-MM-DD. */
export function weekStart(d: Date, zone = 'UTC'): string {
  const day = dayIn(zone, d);
  return addDays(day, 1 - isoWeekday(day));
}
