import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';

// The audit log a person reads: record titles (only of records the reader may read now),
// user names, filters by user, object, record and date range, cursor pages.
const t = useTestApp();
let acct: number;
let opp: number;
let marketer: { token: string; id: number };

beforeAll(async () => {
  acct = (await t.api(t.adminToken, 'POST', '/accounts', { name: '阿里巴巴 Audit' })).body.data.id;
  await t.api(t.adminToken, 'PATCH', `/accounts/${acct}`, { name: '阿里巴巴 Audit Renamed' });
  opp = (await t.api(t.adminToken, 'POST', '/contacts', { name: 'SECRET-title Person' })).body.data.id;
  marketer = await t.userToken('marketing');
  await t.api(marketer.token, 'POST', '/contacts', { name: 'Made by marketer' });
});

describe('audit log for people', () => {
  it('gives each entry its record title and the actor name', async () => {
    const log = await t.api(t.adminToken, 'GET', `/audit-log?filter[object]=accounts&filter[record_id]=${acct}`);
    expect(log.status).toBe(200);
    expect(log.body.data.map((e: any) => [e.action, e.record_title])).toEqual([
      ['update', '阿里巴巴 Audit Renamed'], ['create', '阿里巴巴 Audit Renamed'],
    ]);
    expect(log.body.data[0].changes.name).toEqual(['阿里巴巴 Audit', '阿里巴巴 Audit Renamed']);
    expect(typeof log.body.data[0].actor_name).toBe('string');
  });

  it('gives no title of a record the reader may not read, nor of a hidden title field', async () => {
    // An administrator-capable role seeing every record, whose object setting forbids reading contacts.
    expect((await t.api(t.adminToken, 'PATCH', '/roles/marketing', { can: { admin: true }, objects: { contacts: { read: false } } })).status).toBe(200);
    const mgr = await t.userToken('marketing');
    const log = await t.api(mgr.token, 'GET', '/audit-log?filter[object]=contacts&limit=200');
    expect(log.status).toBe(200);
    const entry = log.body.data.find((e: any) => e.record_id === opp && e.action === 'create');
    expect(entry.record_title).toBeNull();
    expect(log.body.data.every((e: any) => e.record_title === null)).toBe(true);
    expect(JSON.stringify(log.body.data.map((e: any) => e.record_title))).not.toContain('SECRET-title');
    // A hidden title field: no title either, while the administrator still reads it.
    await t.api(t.adminToken, 'PATCH', '/roles/marketing', { objects: { contacts: { read: null } }, field_rules: { accounts: { name: 'hidden' } } });
    const mgr2 = await t.userToken('marketing');
    const accLog = await t.api(mgr2.token, 'GET', `/audit-log?filter[object]=accounts&filter[record_id]=${acct}`);
    expect(accLog.status).toBe(200);
    expect(accLog.body.data.map((e: any) => e.record_title)).toEqual([null, null]);
    expect(JSON.stringify(accLog.body)).not.toContain('Renamed');
    const own = await t.api(mgr2.token, 'GET', `/audit-log?filter[object]=contacts&filter[record_id]=${opp}`);
    expect(own.body.data[0].record_title).toBe('SECRET-title Person');
    await t.api(t.adminToken, 'PATCH', '/roles/marketing', { can: { admin: false }, field_rules: {} });
  });

  it('filters by user and by date range, and pages with a cursor', async () => {
    const byMarketer = await t.api(t.adminToken, 'GET', `/audit-log?filter[actor_id]=${marketer.id}`);
    expect(byMarketer.body.data.length).toBeGreaterThan(0);
    expect(byMarketer.body.data.every((e: any) => e.actor_id === marketer.id)).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    const inRange = await t.api(t.adminToken, 'GET', `/audit-log?filter[from]=${today}&filter[to]=${today}&filter[object]=accounts`);
    expect(inRange.body.data.some((e: any) => e.record_id === acct)).toBe(true);
    const before = await t.api(t.adminToken, 'GET', `/audit-log?filter[to]=2000-01-01`);
    expect(before.body.data).toEqual([]);
    const after = await t.api(t.adminToken, 'GET', `/audit-log?filter[from]=2999-01-01`);
    expect(after.body.data).toEqual([]);
    const bad = await t.api(t.adminToken, 'GET', `/audit-log?filter[from]=yesterday-ish`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0]).toMatchObject({ field: 'from', code: 'invalid_date' });
    const first = await t.api(t.adminToken, 'GET', '/audit-log?limit=1');
    expect(first.body.data).toHaveLength(1);
    const second = await t.api(t.adminToken, 'GET', `/audit-log?limit=1&cursor=${encodeURIComponent(first.body.next_cursor)}`);
    expect(second.body.data[0].id).toBeLessThan(first.body.data[0].id);
  });
});
