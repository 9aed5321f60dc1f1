import type { CalendarT } from '../../../shared/contracts/calendars.ts';

export type Ranges = CalendarT['week'][string & keyof CalendarT['week']];

/** '09:00-12:00, 13:30-18:00' for a day's ranges; '' for none. */
export function formatRanges(ranges: Ranges | null | undefined): string {
  return (ranges ?? []).map((r) => `${r.start}-${r.end}`).join(', ');
}

/** The ranges typed as text (commas or 、 between, - or – inside); null when the text is not that shape (order and overlap: the server checks). */
export function parseRanges(text: string): NonNullable<Ranges> | null {
  const parts = text.split(/[,，、;；]/).map((p) => p.trim()).filter(Boolean);
  const out = [];
  for (const part of parts) {
    const m = /^(\d{1,2}:\d{2})\s*[-–~～]\s*(\d{1,2}:\d{2})$/.exec(part);
    if (!m) return null;
    out.push({ start: m[1]!.padStart(5, '0'), end: m[2]!.padStart(5, '0') });
  }
  return out;
}
