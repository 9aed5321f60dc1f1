import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';
import { sql } from 'kysely';
import { ensureDefaultCalendar } from './calendars.service.ts';

const t = useTestApp();

describe('business calendars API', () => {
  it('bootstrap made one default calendar in Asia/Shanghai with China 2026 seeded', async () => {
    const list = await t.api(t.adminToken, 'GET', '/calendars');
    expect(list.status).toBe(200);
    expect(list.body.data.filter((c: any) => c.is_default)).toHaveLength(1);
    const cal = (await t.api(t.adminToken, 'GET', '/calendars/default')).body.data;
    expect(cal).toMatchObject({ time_zone: 'Asia/Shanghai', is_default: true });
    expect(cal.week['1']).toEqual([{ start: '09:00', end: '12:00' }, { start: '13:30', end: '18:00' }]);
    const ex = (await t.api(t.adminToken, 'GET', '/calendars/default/exceptions?year=2026')).body.data;
    const byDay = Object.fromEntries(ex.map((e: any) => [e.day, e]));
    expect(byDay['2026-02-14']).toMatchObject({ working: true, source: 'seed', name: '春节' });
    expect(byDay['2026-10-01']).toMatchObject({ working: false, source: 'seed' });
    expect(ex.every((e: any) => e.day.startsWith('2026-'))).toBe(true);
  });

  it('bootstrap again, even twice at once, changes nothing', async () => {
    const count = async () => (await t.api(t.adminToken, 'GET', '/calendars/default/exceptions')).body.data.length;
    const before = { list: (await t.api(t.adminToken, 'GET', '/calendars')).body.data, exceptions: await count() };
    expect(before.exceptions).toBeGreaterThan(500); // 2004–2026 at least
    await Promise.all([ensureDefaultCalendar(t.app.db), ensureDefaultCalendar(t.app.db)]);
    expect((await t.api(t.adminToken, 'GET', '/calendars')).body.data).toEqual(before.list);
    expect(await count()).toBe(before.exceptions);
  });

  it('adds working days and minutes for any signed-in user, over holidays and make-up days', async () => {
    const sales = await t.userToken('sales');
    const oneDay = await t.api(sales.token, 'POST', '/calendars/default/add', { from: '2026-10-09T17:00:00+08:00', days: 1 });
    expect(oneDay.status).toBe(200);
    expect(oneDay.body.data).toEqual({ at: '2026-10-10T09:00:00.000Z', date: '2026-10-10' });
    const minutes = await t.api(sales.token, 'POST', '/calendars/default/add', { from: '2026-09-30T17:00:00+08:00', minutes: 120 });
    expect(minutes.body.data).toEqual({ at: '2026-10-08T02:00:00.000Z', date: '2026-10-08' });
    const between = await t.api(sales.token, 'GET', `/calendars/default/business-minutes?from=${encodeURIComponent('2026-02-13T00:00:00+08:00')}&to=${encodeURIComponent('2026-02-16T00:00:00+08:00')}`);
    expect(between.status).toBe(200);
    expect(between.body.data).toEqual({ minutes: 900 }); // Friday 13th and the make-up Saturday 14th
    expect((await t.api('', 'POST', '/calendars/default/add', { from: '2026-10-09T17:00:00+08:00', days: 1 })).status).toBe(401);
  });

  it('refuses bad computations clearly', async () => {
    const both = await t.api(t.adminToken, 'POST', '/calendars/default/add', { from: '2026-10-09T17:00:00+08:00', days: 1, minutes: 5 });
    expect(both.status).toBe(400);
    expect(both.body.error.code).toBe('validation_failed');
    expect((await t.api(t.adminToken, 'POST', '/calendars/default/add', { from: 'friday', days: 1 })).status).toBe(400);
    expect((await t.api(t.adminToken, 'POST', '/calendars/default/add', { from: '2026-10-09T17:00:00+08:00', days: -1 })).status).toBe(400);
    expect((await t.api(t.adminToken, 'POST', '/calendars/999999/add', { from: '2026-10-09T17:00:00+08:00', days: 1 })).status).toBe(404);
    const long = await t.api(t.adminToken, 'GET', '/calendars/default/business-minutes?from=2000-01-01T00:00:00Z&to=2026-01-01T00:00:00Z');
    expect(long.status).toBe(400);
    expect(long.body.error.details[0].code).toBe('span_too_long');
  });

  it('only administrators edit; edits are validated, audited and change the answers', async () => {
    const sales = await t.userToken('sales');
    expect((await t.api(sales.token, 'GET', '/calendars')).status).toBe(403);
    expect((await t.api(sales.token, 'PUT', '/calendars/default/exceptions/2026-10-09', { working: false })).status).toBe(403);
    expect((await t.api(sales.token, 'POST', '/calendars/default/seed', { year: 2026 })).status).toBe(403);

    // A holiday on Friday 9 October moves "one working day after Thursday 8th" to the Saturday.
    const put = await t.api(t.adminToken, 'PUT', '/calendars/default/exceptions/2026-10-09', { working: false, name: '公司假' });
    expect(put.status).toBe(200);
    const add = await t.api(sales.token, 'POST', '/calendars/default/add', { from: '2026-10-08T10:00:00+08:00', days: 1 });
    expect(add.body.data.date).toBe('2026-10-10');
    const audit = await t.api(t.adminToken, 'GET', '/audit-log?filter[object]=calendars');
    expect(audit.body.data.some((e: any) => e.changes?.['exception:2026-10-09'])).toBe(true);

    // A re-seed keeps the administrator's own date, restores a deleted seeded one.
    expect((await t.api(t.adminToken, 'DELETE', '/calendars/default/exceptions/2026-10-01')).status).toBe(204);
    expect((await t.api(t.adminToken, 'DELETE', '/calendars/default/exceptions/2026-10-01')).status).toBe(404);
    const seed = await t.api(t.adminToken, 'POST', '/calendars/default/seed', { year: 2026 });
    expect(seed.status).toBe(200);
    const ex = Object.fromEntries((await t.api(t.adminToken, 'GET', '/calendars/default/exceptions?year=2026')).body.data.map((e: any) => [e.day, e]));
    expect(ex['2026-10-01']).toMatchObject({ working: false, source: 'seed' });
    expect(ex['2026-10-09']).toMatchObject({ working: false, source: 'manual', name: '公司假' });
  });

  it('rejects bad calendars, ranges and exceptions, changing nothing', async () => {
    const before = (await t.api(t.adminToken, 'GET', '/calendars/default')).body.data;
    const zone = await t.api(t.adminToken, 'PATCH', '/calendars/default', { time_zone: 'Mars/Olympus' });
    expect(zone.status).toBe(400);
    expect(zone.body.error.details[0]).toMatchObject({ field: 'time_zone', code: 'unknown_time_zone' });
    const overlap = await t.api(t.adminToken, 'PATCH', '/calendars/default', { week: { 1: [{ start: '09:00', end: '12:00' }, { start: '11:00', end: '13:00' }] } });
    expect(overlap.status).toBe(400);
    const backwards = await t.api(t.adminToken, 'PATCH', '/calendars/default', { week: { 2: [{ start: '18:00', end: '09:00' }] } });
    expect(backwards.status).toBe(400);
    expect((await t.api(t.adminToken, 'PATCH', '/calendars/default', { week: { 8: [] } })).status).toBe(400);
    expect((await t.api(t.adminToken, 'PUT', '/calendars/default/exceptions/2026-02-30', { working: false })).status).toBe(400);
    const holidayRanges = await t.api(t.adminToken, 'PUT', '/calendars/default/exceptions/2026-03-02', { working: false, ranges: [{ start: '09:00', end: '10:00' }] });
    expect(holidayRanges.body.error.details[0].code).toBe('holiday_has_no_ranges');
    const year = await t.api(t.adminToken, 'POST', '/calendars/default/seed', { year: 2099 });
    expect(year.body.error.details[0]).toMatchObject({ field: 'year', code: 'year_not_known' });
    expect((await t.api(t.adminToken, 'GET', '/calendars/default')).body.data).toEqual(before);
    expect((await t.api(t.adminToken, 'GET', '/calendars/default/exceptions?year=2026')).body.data.some((e: any) => e.day === '2026-03-02')).toBe(false);
  });

  it('a second calendar in New York computes in its own zone; no working time is a conflict', async () => {
    const ny = await t.api(t.adminToken, 'POST', '/calendars', { name: 'New York', time_zone: 'America/New_York', week: { 1: [{ start: '09:00', end: '17:00' }], 5: [{ start: '09:00', end: '17:00' }] } });
    expect(ny.status).toBe(201);
    const id = ny.body.data.id;
    // Friday 6 March 16:00 EST + 2 working hours: Monday 9 March 10:00 EDT (clocks moved on the 8th).
    const add = await t.api(t.adminToken, 'POST', `/calendars/${id}/add`, { from: '2026-03-06T16:00:00-05:00', minutes: 120 });
    expect(add.body.data).toEqual({ at: '2026-03-09T14:00:00.000Z', date: '2026-03-09' });
    expect((await t.api(t.adminToken, 'PATCH', `/calendars/${id}`, { week: {} })).status).toBe(200);
    const none = await t.api(t.adminToken, 'POST', `/calendars/${id}/add`, { from: '2026-03-06T16:00:00-05:00', minutes: 1 });
    expect(none.status).toBe(409);
    expect(none.body.error.details.reason).toBe('calendar_has_no_working_time');
  });

  it('two processes making the default calendar at once make one (the last test: it replaces the default)', async () => {
    const old = (await t.api(t.adminToken, 'GET', '/calendars/default')).body.data;
    await sql`UPDATE calendars SET is_default = false`.execute(t.app.db);
    await Promise.all([ensureDefaultCalendar(t.app.db), ensureDefaultCalendar(t.app.db)]);
    const defaults = (await t.api(t.adminToken, 'GET', '/calendars')).body.data.filter((c: any) => c.is_default);
    expect(defaults).toHaveLength(1);
    expect(defaults[0].id).not.toBe(old.id);
    const ex = (await t.api(t.adminToken, 'GET', `/calendars/${defaults[0].id}/exceptions?year=2026`)).body.data;
    expect(ex.find((e: any) => e.day === '2026-10-10')).toMatchObject({ working: true, source: 'seed' });
  });
});
