// Relative date values of condition trees and filters (issue 12, piece 8). A stored rule such as
// "in the last 90 days" keeps its words, `today-90d`, and is resolved each time it runs, so it
// never freezes at the day it was saved.
//
//   today | now, optionally followed by +N or -N and a unit:
//   h (hours), d (days), w (weeks), mo (months), y (years)
//   e.g. today-90d, today+1w, now-24h, today-1mo
//
// `today…` is a calendar day (midnight UTC for a date-time field); `now…` an instant (its UTC
// date for a date field). Months and years keep the day of the month, clamped to the month's end.

const RELATIVE = /^(today|now)(?:([+-])(\d{1,5})(h|d|w|mo|y))?$/;

export const RELATIVE_UNITS = ['h', 'd', 'w', 'mo', 'y'] as const;
export type RelativeUnit = (typeof RELATIVE_UNITS)[number];

export interface RelativeDate {
  base: 'today' | 'now';
  /** Signed amount of `unit` (0 with no offset). */
  amount: number;
  unit: RelativeUnit;
}

export function parseRelativeDate(raw: string): RelativeDate | null {
  const m = RELATIVE.exec(raw.trim());
  if (!m) return null;
  const amount = m[3] ? Number(m[3]) * (m[2] === '-' ? -1 : 1) : 0;
  return { base: m[1] as RelativeDate['base'], amount, unit: (m[4] ?? 'd') as RelativeUnit };
}

export function isRelativeDate(raw: string): boolean {
  return parseRelativeDate(raw) !== null;
}

/** `today-90d` and friends, written back from their parts. */
export function formatRelativeDate(r: RelativeDate): string {
  return r.amount === 0 ? r.base : `${r.base}${r.amount < 0 ? '-' : '+'}${Math.abs(r.amount)}${r.unit}`;
}

function addMonths(d: Date, months: number): Date {
  const day = d.getUTCDate();
  const out = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()));
  const last = new Date(Date.UTC(out.getUTCFullYear(), out.getUTCMonth() + 1, 0)).getUTCDate();
  out.setUTCDate(Math.min(day, last));
  return out;
}

/** The instant a relative value names at `now` (UTC; organisations have no time zone setting yet). */
export function resolveRelativeDate(r: RelativeDate, now: Date): Date {
  let d = new Date(now.getTime());
  if (r.base === 'today') d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  switch (r.unit) {
    case 'h': return new Date(d.getTime() + r.amount * 3_600_000);
    case 'd': return new Date(d.getTime() + r.amount * 86_400_000);
    case 'w': return new Date(d.getTime() + r.amount * 7 * 86_400_000);
    case 'mo': return addMonths(d, r.amount);
    case 'y': return addMonths(d, r.amount * 12);
  }
}

/** A relative value as a field of this type stores it: 'YYYY-MM-DD' for date, ISO instant for datetime; else null. */
export function relativeDateValue(raw: string, type: 'date' | 'datetime', now: Date): string | null {
  const r = parseRelativeDate(raw);
  if (!r) return null;
  const d = resolveRelativeDate(r, now);
  return type === 'date' ? d.toISOString().slice(0, 10) : d.toISOString();
}
