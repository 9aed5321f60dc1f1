import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';

const t = useTestApp();

describe('organisation settings', () => {
  it('defaults to CNY and lets every signed-in user read them', async () => {
    const sales = await t.userToken('sales');
    const r = await t.api(sales.token, 'GET', '/settings');
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual({ organization_name: '', currency: 'CNY', phone_region: 'CN', time_zone: 'Asia/Shanghai' });
    expect((await t.api('', 'GET', '/settings')).status).toBe(401);
  });

  it('admins change them, audited old → new; others get 403 and change nothing', async () => {
    const sales = await t.userToken('sales');
    const denied = await t.api(sales.token, 'PATCH', '/settings', { currency: 'USD' });
    expect(denied.status).toBe(403);
    const ok = await t.api(t.adminToken, 'PATCH', '/settings', { currency: 'twd', organization_name: '台北精品茶行' });
    expect(ok.status).toBe(200);
    expect(ok.body.data).toEqual({ organization_name: '台北精品茶行', currency: 'TWD', phone_region: 'CN', time_zone: 'Asia/Shanghai' });
    expect((await t.api(sales.token, 'GET', '/settings')).body.data.currency).toBe('TWD');
    const audit = await t.api(t.adminToken, 'GET', '/audit-log?filter[object]=settings');
    const entry = audit.body.data.find((e: any) => e.object === 'settings');
    expect(entry.changes).toMatchObject({ currency: ['CNY', 'TWD'], organization_name: ['', '台北精品茶行'] });
  });

  it('rejects unknown currencies and keys with a field error, writing nothing', async () => {
    const before = (await t.api(t.adminToken, 'GET', '/settings')).body.data;
    const bad = await t.api(t.adminToken, 'PATCH', '/settings', { currency: 'XYZ1', organization_name: 'Changed' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: any) => d.field)).toEqual(['currency']);
    const unknown = await t.api(t.adminToken, 'PATCH', '/settings', { theme: 'dark' });
    expect(unknown.status).toBe(400);
    expect((await t.api(t.adminToken, 'GET', '/settings')).body.data).toEqual(before);
  });

  it('keeps an IANA time zone, audited; an unknown one is refused with unknown_time_zone and changes nothing', async () => {
    const before = (await t.api(t.adminToken, 'GET', '/settings')).body.data;
    for (const bad of ['Mars/Olympus', 'UTC+8', '']) {
      const r = await t.api(t.adminToken, 'PATCH', '/settings', { time_zone: bad, organization_name: 'Changed' });
      expect(r.status).toBe(400);
      expect(r.body.error.details).toEqual([expect.objectContaining({ field: 'time_zone', code: 'unknown_time_zone' })]);
    }
    expect((await t.api(t.adminToken, 'GET', '/settings')).body.data).toEqual(before);
    const ok = await t.api(t.adminToken, 'PATCH', '/settings', { time_zone: 'Asia/Taipei' });
    expect(ok.body.data.time_zone).toBe('Asia/Taipei');
    const audit = await t.api(t.adminToken, 'GET', '/audit-log?filter[object]=settings');
    expect(audit.body.data.find((e: any) => e.changes?.time_zone).changes.time_zone).toEqual(['Asia/Shanghai', 'Asia/Taipei']);
  });
});
