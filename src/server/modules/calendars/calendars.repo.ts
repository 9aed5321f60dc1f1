import { sql, type ColumnType, type Generated } from 'kysely';
import type { Tx } from '../../records/types.ts';
import type { CalendarExceptionT, CalendarT } from '../../../shared/contracts/calendars.ts';

// The module's tables, typed here rather than in db/schema.ts: nothing outside the module reads them.
type Json<T> = ColumnType<T, string, string>;
type CalendarTables = {
  calendars: {
    id: Generated<number>; name: string; time_zone: string; week: Json<CalendarT['week']>; is_default: Generated<boolean>;
    created_at: Generated<Date>; updated_at: ColumnType<Date, Date | undefined, Date>;
  };
  calendar_exceptions: {
    calendar_id: number; day: ColumnType<string, string, string>; working: boolean; ranges: Json<CalendarExceptionT['ranges']> | null;
    name: Generated<string>; source: Generated<string>;
  };
};
const t = (db: Tx) => db.withTables<CalendarTables>();

const calendarColumns = ['id', 'name', 'time_zone', 'week', 'is_default', 'updated_at'] as const;
const asCalendar = (r: { id: number | string; name: string; time_zone: string; week: CalendarT['week']; is_default: boolean; updated_at: Date }): CalendarT =>
  ({ ...r, id: Number(r.id), updated_at: r.updated_at.toISOString() });

export async function listCalendars(db: Tx): Promise<CalendarT[]> {
  return (await t(db).selectFrom('calendars').select(calendarColumns).orderBy('id').limit(1000).execute()).map(asCalendar);
}

/** A calendar by id, or the default one; `lock` for a write that must not race another. */
export async function findCalendar(db: Tx, id: number | 'default', lock = false): Promise<CalendarT | undefined> {
  let q = t(db).selectFrom('calendars').select(calendarColumns);
  q = id === 'default' ? q.where('is_default', '=', true) : q.where('id', '=', id);
  const row = await (lock ? q.forUpdate() : q).executeTakeFirst();
  return row && asCalendar(row);
}

export async function insertCalendar(db: Tx, c: { name: string; time_zone: string; week: CalendarT['week']; is_default?: boolean }): Promise<CalendarT> {
  const row = await t(db)
    .insertInto('calendars')
    .values({ ...c, week: JSON.stringify(c.week) })
    .returning(calendarColumns)
    .executeTakeFirstOrThrow();
  return asCalendar(row);
}

export async function updateCalendarRow(db: Tx, id: number, patch: { name?: string; time_zone?: string; week?: CalendarT['week'] }): Promise<CalendarT> {
  const row = await t(db)
    .updateTable('calendars')
    .set({ ...patch, week: patch.week && JSON.stringify(patch.week), updated_at: new Date() })
    .where('id', '=', id)
    .returning(calendarColumns)
    .executeTakeFirstOrThrow();
  return asCalendar(row);
}

const exceptionColumns = [sql<string>`day::text`.as('day'), 'working', 'ranges', 'name', 'source'] as const;

/** A calendar's exceptions, by date; one year's when `year` is given. */
export async function listExceptions(db: Tx, calendarId: number, year?: number): Promise<CalendarExceptionT[]> {
  let q = t(db).selectFrom('calendar_exceptions').select(exceptionColumns).where('calendar_id', '=', calendarId);
  if (year !== undefined) q = q.where('day', '>=', `${year}-01-01`).where('day', '<=', `${year}-12-31`);
  return (await q.orderBy('day').execute()) as CalendarExceptionT[];
}

export async function findException(db: Tx, calendarId: number, day: string): Promise<CalendarExceptionT | undefined> {
  return (await t(db).selectFrom('calendar_exceptions').select(exceptionColumns)
    .where('calendar_id', '=', calendarId).where('day', '=', day).executeTakeFirst()) as CalendarExceptionT | undefined;
}

export interface ExceptionRow { day: string; working: boolean; ranges: CalendarExceptionT['ranges']; name: string; source: 'manual' | 'seed' }

/** Writes exceptions, each replacing the one of its date. */
export async function upsertExceptions(db: Tx, calendarId: number, rows: ExceptionRow[]): Promise<void> {
  if (!rows.length) return;
  await t(db)
    .insertInto('calendar_exceptions')
    .values(rows.map((r) => ({ calendar_id: calendarId, ...r, ranges: r.ranges && JSON.stringify(r.ranges) })))
    .onConflict((oc) => oc.columns(['calendar_id', 'day']).doUpdateSet((eb) => ({
      working: eb.ref('excluded.working'), ranges: eb.ref('excluded.ranges'), name: eb.ref('excluded.name'), source: eb.ref('excluded.source'),
    })))
    .execute();
}

export async function deleteException(db: Tx, calendarId: number, day: string): Promise<number> {
  const r = await t(db).deleteFrom('calendar_exceptions').where('calendar_id', '=', calendarId).where('day', '=', day).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Drops one year's seeded exceptions (an administrator's own stay). */
export async function deleteSeeded(db: Tx, calendarId: number, year: number): Promise<void> {
  await t(db).deleteFrom('calendar_exceptions').where('calendar_id', '=', calendarId).where('source', '=', 'seed')
    .where('day', '>=', `${year}-01-01`).where('day', '<=', `${year}-12-31`).execute();
}

/** The dates an administrator set by hand in a year (a re-seed leaves them). */
export async function manualDays(db: Tx, calendarId: number, year: number): Promise<Set<string>> {
  const rows = await t(db).selectFrom('calendar_exceptions').select(sql<string>`day::text`.as('day'))
    .where('calendar_id', '=', calendarId).where('source', '=', 'manual')
    .where('day', '>=', `${year}-01-01`).where('day', '<=', `${year}-12-31`).execute();
  return new Set(rows.map((r) => r.day));
}

/** Inserts the default calendar unless one exists (returns undefined then). */
export async function insertDefaultIfMissing(db: Tx, c: { name: string; time_zone: string; week: CalendarT['week'] }): Promise<CalendarT | undefined> {
  const row = await t(db)
    .insertInto('calendars')
    .values({ ...c, week: JSON.stringify(c.week), is_default: true })
    .onConflict((oc) => oc.column('is_default').where('is_default', '=', true).doNothing())
    .returning(calendarColumns)
    .executeTakeFirst();
  return row && asCalendar(row);
}
