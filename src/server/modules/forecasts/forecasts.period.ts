import { invalid } from '../../http/errors.ts';

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

/** The quarter a date falls in ('2026-Q4'). */
export function quarterOf(d: Date): string {
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}

/** Has the period ended by `today` (YYYY-MM-DD)? */
export const periodClosed = (p: Period, today: string) => p.end <= today;

/** The Monday of the UTC week of `d`, as YYYY-MM-DD. */
export function weekStart(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  t.setUTCDate(t.getUTCDate() - ((t.getUTCDay() + 6) % 7));
  return t.toISOString().slice(0, 10);
}
