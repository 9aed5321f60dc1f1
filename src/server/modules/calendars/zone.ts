/**
 * Wall-clock time in an IANA zone ⇄ instants, with Intl only (no date library): the business-time
 * functions need just these two conversions, and they must hold across DST transitions.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether Intl knows the zone (an IANA name such as Asia/Shanghai). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's wall-clock fields at an instant, as if they were UTC (ms since epoch, whole seconds). */
function wallMs(timeZone: string, t: number): number {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(t))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
}

/** The zone's offset from UTC at an instant, in ms (whole seconds; sub-second parts of t are ignored). */
function offsetAt(timeZone: string, t: number): number {
  const whole = Math.floor(t / 1000) * 1000;
  return wallMs(timeZone, whole) - whole;
}

/** The local calendar date (YYYY-MM-DD) of an instant in the zone. */
export function localDate(timeZone: string, t: number): string {
  return new Date(wallMs(timeZone, t)).toISOString().slice(0, 10);
}

/** The local wall time (minutes after midnight, with fractions) of an instant in the zone. */
export function localMinutes(timeZone: string, t: number): number {
  const wall = wallMs(timeZone, t) + (t - Math.floor(t / 1000) * 1000);
  return (wall - Date.UTC(...ymd(new Date(wall).toISOString().slice(0, 10)))) / 60_000;
}

/** [year, monthIndex, day] of a YYYY-MM-DD date, for Date.UTC. */
export function ymd(date: string): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))];
}

/** The date `days` after (or before) a YYYY-MM-DD date; civil arithmetic, no zone involved. */
export function addDays(date: string, days: number): string {
  return new Date(Date.UTC(...ymd(date)) + days * 86_400_000).toISOString().slice(0, 10);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a YYYY-MM-DD date. */
export function isoWeekday(date: string): number {
  return new Date(Date.UTC(...ymd(date))).getUTCDay() || 7;
}

/**
 * The first instant whose local wall time in the zone is at or after `minutes` past midnight of
 * `date`. Unambiguous times map to their instant; a time repeated when clocks go back maps to its
 * first occurrence; a time skipped when clocks go forward maps to the moment of the jump. The map
 * never decreases, so a working range always becomes a well-formed interval of instants.
 */
export function instantOf(timeZone: string, date: string, minutes: number): number {
  const wall = Date.UTC(...ymd(date)) + minutes * 60_000;
  const steady = steadyOffset(timeZone, date);
  if (steady !== null && minutes >= 0 && minutes <= 1440) return wall - steady;
  // Offsets half a day either side: at most one transition lies between them.
  const candidates = [...new Set([offsetAt(timeZone, wall - 43_200_000), offsetAt(timeZone, wall + 43_200_000)])]
    .map((off) => wall - off)
    .filter((t) => offsetAt(timeZone, t) === wall - t);
  if (candidates.length) return Math.min(...candidates);
  // In a gap: binary-search the jump, the first instant whose wall time passes `wall`.
  let lo = wall - 43_200_000 - 86_400_000;
  let hi = wall + 86_400_000;
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2000) * 1000;
    if (wallMs(timeZone, mid) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

// Offsets of whole local dates, remembered: business-time sums walk thousands of dates, and most
// dates of most zones keep one offset all day. One probe per date (10:00 UTC-as-wall of the date),
// compared with the neighbours' probes, covers the instants of the date from 14 h before its start
// (UTC+14) to 10 h after its end; a date near a transition takes the exact path.
const probes = new Map<string, number>();

function probe(timeZone: string, date: string): number {
  const key = `${timeZone}|${date}`;
  let o = probes.get(key);
  if (o === undefined) {
    o = offsetAt(timeZone, Date.UTC(...ymd(date)) + 36_000_000);
    if (probes.size >= 100_000) probes.clear();
    probes.set(key, o);
  }
  return o;
}

/** The zone's offset on a local date when it is the same the day before, that day and the day after; null near a transition. */
function steadyOffset(timeZone: string, date: string): number | null {
  const o = probe(timeZone, date);
  return probe(timeZone, addDays(date, -1)) === o && probe(timeZone, addDays(date, 1)) === o ? o : null;
}
