import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { diff, writeAudit } from '../../core/audit.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import type { Actor } from '../../core/access.ts';
import type { AddBody, CalendarBody, CalendarExceptionT, CalendarPatch, CalendarT, ExceptionBody } from '../../../shared/contracts/calendars.ts';
import { addBusinessDays, addBusinessMinutes, businessMinutesBetween, NoWorkingTimeError, type BusinessCalendar } from './business-time.ts';
import { CHINA_SEED_YEARS, chinaExceptions } from './china-seed.ts';
import { isTimeZone, localDate } from './zone.ts';
import * as repo from './calendars.repo.ts';

type Db = Kysely<DB>;
type CalendarId = number | 'default';
const AUDIT_OBJECT = 'calendars';

async function calendarOrThrow(db: Parameters<typeof repo.findCalendar>[0], id: CalendarId, lock = false): Promise<CalendarT> {
  const cal = await repo.findCalendar(db, id, lock);
  if (!cal) throw notFound('Calendar');
  return cal;
}

function checkZone(timeZone: string | undefined): void {
  if (timeZone !== undefined && !isTimeZone(timeZone))
    throw invalid([{ field: 'time_zone', code: 'unknown_time_zone', message: 'Not an IANA time zone (Asia/Shanghai, America/New_York…)' }]);
}

export const listCalendars = (db: Db) => repo.listCalendars(db);
export const getCalendar = (db: Db, id: CalendarId) => calendarOrThrow(db, id);

export async function createCalendar(db: Db, actor: Actor, body: z.infer<typeof CalendarBody>): Promise<CalendarT> {
  checkZone(body.time_zone);
  return db.transaction().execute(async (trx) => {
    const cal = await repo.insertCalendar(trx, body);
    await writeAudit(trx, { actorId: actor.id, action: 'create', object: AUDIT_OBJECT, recordId: cal.id, changes: diff(null, body) });
    return cal;
  });
}

export async function updateCalendar(db: Db, actor: Actor, id: CalendarId, patch: z.infer<typeof CalendarPatch>): Promise<CalendarT> {
  checkZone(patch.time_zone);
  return db.transaction().execute(async (trx) => {
    const before = await calendarOrThrow(trx, id, true);
    const after = await repo.updateCalendarRow(trx, before.id, patch);
    const changes = diff(before, after, Object.keys(patch));
    if (Object.keys(changes).length) await writeAudit(trx, { actorId: actor.id, action: 'update', object: AUDIT_OBJECT, recordId: before.id, changes });
    return after;
  });
}

export async function listCalendarExceptions(db: Db, id: CalendarId, year?: number): Promise<CalendarExceptionT[]> {
  return repo.listExceptions(db, (await calendarOrThrow(db, id)).id, year);
}

/** Sets one date's exception (a holiday, or a working day with its own ranges or the normal ones). */
export async function putException(db: Db, actor: Actor, id: CalendarId, day: string, body: z.infer<typeof ExceptionBody>): Promise<CalendarExceptionT> {
  if (!body.working && body.ranges) throw invalid([{ field: 'ranges', code: 'holiday_has_no_ranges', message: 'A non-working day has no working ranges' }]);
  return db.transaction().execute(async (trx) => {
    const cal = await calendarOrThrow(trx, id, true);
    const before = await repo.findException(trx, cal.id, day);
    const row: repo.ExceptionRow = { day, working: body.working, ranges: body.ranges ?? null, name: body.name ?? before?.name ?? '', source: 'manual' };
    await repo.upsertExceptions(trx, cal.id, [row]);
    await writeAudit(trx, { actorId: actor.id, action: 'update', object: AUDIT_OBJECT, recordId: cal.id, changes: { [`exception:${day}`]: [before ?? null, row] } });
    return row;
  });
}

export async function removeException(db: Db, actor: Actor, id: CalendarId, day: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const cal = await calendarOrThrow(trx, id, true);
    const before = await repo.findException(trx, cal.id, day);
    if (!before) throw notFound('Exception');
    await repo.deleteException(trx, cal.id, day);
    await writeAudit(trx, { actorId: actor.id, action: 'update', object: AUDIT_OBJECT, recordId: cal.id, changes: { [`exception:${day}`]: [before, null] } });
  });
}

/** Seeds a year's Chinese holidays and make-up days, replacing that year's seeded dates; dates set by hand stay. */
async function seedYear(trx: Parameters<typeof repo.upsertExceptions>[0], calendarId: number, year: number): Promise<number> {
  await repo.deleteSeeded(trx, calendarId, year);
  const manual = await repo.manualDays(trx, calendarId, year);
  const rows = chinaExceptions(year)
    .filter((e) => !manual.has(e.day))
    .map((e): repo.ExceptionRow => ({ ...e, ranges: null, source: 'seed' }));
  await repo.upsertExceptions(trx, calendarId, rows);
  return rows.length;
}

export async function reseedYear(db: Db, actor: Actor, id: CalendarId, year: number): Promise<{ year: number; seeded: number }> {
  if (!CHINA_SEED_YEARS.includes(year)) {
    const [first, last] = [CHINA_SEED_YEARS[0], CHINA_SEED_YEARS.at(-1)];
    throw invalid([{ field: 'year', code: 'year_not_known', message: `The holiday data covers ${first}–${last}` }]);
  }
  return db.transaction().execute(async (trx) => {
    const cal = await calendarOrThrow(trx, id, true);
    const seeded = await seedYear(trx, cal.id, year);
    await writeAudit(trx, { actorId: actor.id, action: 'update', object: AUDIT_OBJECT, recordId: cal.id, changes: { seeded_year: [null, year], seeded_dates: [null, seeded] } });
    return { year, seeded };
  });
}

export const DEFAULT_WEEK: CalendarT['week'] = Object.fromEntries(
  ['1', '2', '3', '4', '5'].map((d) => [d, [{ start: '09:00', end: '12:00' }, { start: '13:30', end: '18:00' }]]),
);

/** At start: the default calendar (Asia/Shanghai, Mon–Fri, China's holidays seeded), once. */
export async function ensureDefaultCalendar(db: Db): Promise<void> {
  if (await repo.findCalendar(db, 'default')) return;
  await db.transaction().execute(async (trx) => {
    // Two processes starting together: the partial unique index lets one insert win.
    const cal = await repo.insertDefaultIfMissing(trx, { name: 'Default', time_zone: 'Asia/Shanghai', week: DEFAULT_WEEK });
    if (!cal) return;
    for (const year of CHINA_SEED_YEARS) await seedYear(trx, cal.id, year);
  });
}

/** The calendar (`default` or an id) as the pure business-time functions take it: SLAs, reminders and escalations load it here. */
export async function loadBusinessCalendar(db: Db, id: CalendarId): Promise<{ cal: CalendarT; business: BusinessCalendar }> {
  const cal = await calendarOrThrow(db, id);
  const exceptions = Object.fromEntries((await repo.listExceptions(db, cal.id)).map((e) => [e.day, { working: e.working, ranges: e.ranges }]));
  return { cal, business: { timeZone: cal.time_zone, week: cal.week, exceptions } };
}

function noWorkingTime(e: unknown): never {
  if (e instanceof NoWorkingTimeError) throw new AppError('conflict', e.message, { reason: 'calendar_has_no_working_time' });
  throw e;
}

/** `from` plus N working days (same local time) or N working minutes; `date` is the local date in the calendar's zone. */
export async function addToCalendar(db: Db, id: CalendarId, body: z.infer<typeof AddBody>): Promise<{ at: string; date: string }> {
  const { business } = await loadBusinessCalendar(db, id);
  const from = new Date(body.from);
  try {
    const at = body.days !== undefined ? addBusinessDays(business, from, body.days) : addBusinessMinutes(business, from, body.minutes!);
    return { at: at.toISOString(), date: localDate(business.timeZone, at.getTime()) };
  } catch (e) {
    noWorkingTime(e);
  }
}

const MAX_SPAN_MS = 10 * 366 * 86_400_000;

/** Working minutes between two instants (negative when `to` is earlier), for SLAs. */
export async function minutesBetween(db: Db, id: CalendarId, from: string, to: string): Promise<{ minutes: number }> {
  const [a, b] = [new Date(from), new Date(to)];
  if (Math.abs(b.getTime() - a.getTime()) > MAX_SPAN_MS) throw invalid([{ field: 'to', code: 'span_too_long', message: 'At most ten years apart' }]);
  const { business } = await loadBusinessCalendar(db, id);
  return { minutes: businessMinutesBetween(business, a, b) };
}
