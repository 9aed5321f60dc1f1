/**
 * Formats people type in spreadsheets, turned into the canonical form the validators accept
 * (dates YYYY-MM-DD, phones with a leading +country). Used by coerceText (validate.ts).
 */

/** Day/month order of numeric dates such as 3/5/2024: decided once per file (see dateOrderOf). */
export type DateOrder = 'dmy' | 'mdy';

const pad = (n: string | number) => String(n).padStart(2, '0');

function real(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const iso = `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
  const t = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === iso ? iso : null;
}

/** Two-digit years: 00–49 are 2000–2049, 50–99 are 1950–1999. */
const year = (y: string) => (y.length === 2 ? (Number(y) < 50 ? 2000 : 1900) + Number(y) : Number(y));

const YMD = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/** Day and month in either order, then the year: 05.03.2024, 3/5/2024, 3-5-24. */
export const NUMERIC_DATE = /^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4}|\d{2})$/;

/** A date as typed (already NFKC-normalised), as YYYY-MM-DD, or null when it is none. */
export function parseTypedDate(s: string, order: DateOrder): string | null {
  let m = YMD.exec(s) ?? COMPACT.exec(s);
  if (m) return real(Number(m[1]), Number(m[2]), Number(m[3]));
  m = NUMERIC_DATE.exec(s);
  if (!m) return null;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return order === 'dmy' ? real(year(m[3]!), b, a) : real(year(m[3]!), a, b);
}

/**
 * What one cell says about the file's day/month order: a first part above 12 can only be a
 * day, a second part above 12 only a day too (month first).
 */
export function dateOrderEvidence(s: string): DateOrder | null {
  const m = NUMERIC_DATE.exec(s.normalize('NFKC').trim());
  if (!m) return null;
  if (Number(m[1]) > 12) return 'dmy';
  if (Number(m[2]) > 12) return 'mdy';
  return null;
}

/**
 * Phone numbers as typed: full-width forms are NFKC-normalised by the caller; a country code
 * in brackets, "(+86) 138…", becomes "+86 138…"; runs of spaces become one.
 */
export function tidyTypedPhone(s: string): string {
  return s.replace(/^\(\s*(\+\d{1,4})\s*\)\s*/, '$1 ').replace(/\s+/g, ' ').trim();
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})$/i;

/**
 * A date-time written with its zone ('2024-03-05 14:30 +08:00', as a readable export writes
 * it, or ISO) as an ISO date-time with offset; null when it is none. A time without a zone is
 * not guessed at.
 */
export function parseTypedDateTime(s: string): string | null {
  const m = DATE_TIME.exec(s);
  if (!m || !real(Number(m[1]), Number(m[2]), Number(m[3])) || Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59) return null;
  const zone = /^(Z|UTC|GMT)$/i.test(m[8]!) ? 'Z' : `${m[8]!.slice(0, 3)}:${m[8]!.slice(-2)}`;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${m[7] ?? ''}${zone}`;
}
