// IANA zones for a select, the ones a Chinese or international team most often uses first, each
// with its current offset from UTC ("Asia/Shanghai · GMT+8"), so the choice is checkable at a glance.
const COMMON_ZONES = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Taipei', 'Asia/Macau', 'Asia/Singapore', 'UTC'];

function offsetOf(zone: string, at: Date): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
  } catch {
    return '';
  }
}

export function timeZoneOptions(at = new Date()): { value: string; label: string }[] {
  const all = Intl.supportedValuesOf('timeZone');
  const ordered = [...COMMON_ZONES, ...all.filter((z) => !COMMON_ZONES.includes(z))];
  return ordered.map((z) => ({ value: z, label: `${z} · ${offsetOf(z, at)}` }));
}

/** The zone's offset from UTC at an instant, in ms (the wall clock there read as if it were UTC, minus the instant). */
function offsetMs(zone: string, t: number): number {
  const p: Record<string, number> = {};
  const f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  for (const part of f.formatToParts(new Date(t))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - Math.floor(t / 1000) * 1000;
}

/**
 * The instant (ISO) a local day (YYYY-MM-DD) begins in the zone: the bounds of a report's drill-down
 * to a list of timestamps, so the list shows exactly the records the report counted in the
 * organisation's zone (server: core/org-time.ts dayBoundsUtc). Two passes settle a DST change.
 */
export function dayStartIn(zone: string, day: string): string {
  const wall = Date.parse(`${day}T00:00:00Z`);
  const first = wall - offsetMs(zone, wall);
  return new Date(wall - offsetMs(zone, first)).toISOString();
}
