import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { addDays, instantOf, localDate } from '../modules/calendars/zone.ts';

/**
 * The organisation's time zone (settings key `time_zone`, an IANA name) and the two questions every
 * business answer asks of it: which local day an instant falls on, and which instants a local day
 * covers. Reports, forecasts and the daily jobs use these, never the server's zone nor UTC.
 *
 * Not cached across requests on purpose: the setting is one primary-key row, each test app (and
 * each installation) has its own database, and a cache would need invalidating from every
 * process that serves the same database when an admin changes the zone.
 */

/** A fresh installation's zone: the product is China-first, like the default business calendar. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

type Db = Kysely<DB> | Kysely<any>;

export async function orgZone(db: Db): Promise<string> {
  const { rows } = await sql<{ value: unknown }>`SELECT value FROM settings WHERE key = 'time_zone'`.execute(db);
  const v = rows[0]?.value;
  return typeof v === 'string' && v ? v : DEFAULT_TIME_ZONE;
}

/** The local calendar day (YYYY-MM-DD) of an instant in the zone. */
export const dayIn = (zone: string, at: Date = new Date()): string => localDate(zone, at.getTime());

/** Today in the organisation's zone, YYYY-MM-DD. */
export async function orgToday(db: Db, now: Date = new Date()): Promise<string> {
  return dayIn(await orgZone(db), now);
}

/** The instant (ISO, UTC) a local day begins in the zone. */
export const dayStartUtc = (zone: string, day: string): string => new Date(instantOf(zone, day, 0)).toISOString();

/** The instants [start, end) a run of local days covers in the zone: compare timestamptz columns against these, keeping indexes usable. */
export function dayBoundsUtc(zone: string, from: string, to: string = from): { start: string; end: string } {
  return { start: dayStartUtc(zone, from), end: dayStartUtc(zone, addDays(to, 1)) };
}
