import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { useTestApp } from '../../db/test-helpers.ts';

const t = useTestApp();

describe('custom fields', () => {
  it('are defined at run time and work in forms, filters, sorts, metadata and export', async () => {
    const level = await t.api(t.adminToken, 'POST', '/custom-fields', {
      object: 'contacts', key: 'vip_level', label: 'VIP level', labels: { 'zh-CN': '会员等级' }, type: 'select',
      options: [{ value: 'gold' }, { value: 'silver' }],
    });
    expect(level.status).toBe(201);
    expect(level.body.data.key).toBe('cf_vip_level');
    const spend = await t.api(t.adminToken, 'POST', '/custom-fields', { object: 'contacts', key: 'annual_spend', label: 'Annual spend', type: 'money' });
    expect(spend.status).toBe(201);
    await t.api(t.adminToken, 'POST', '/custom-fields', { object: 'contacts', key: 'since', label: 'Member since', type: 'date' });
    const dup = await t.api(t.adminToken, 'POST', '/custom-fields', { object: 'contacts', key: 'vip_level', label: 'again', type: 'text' });
    expect(dup.status).toBe(409);

    const meta = await t.api(t.adminToken, 'GET', '/meta/objects/contacts');
    expect(meta.body.data.fields.find((f: any) => f.key === 'cf_vip_level')).toMatchObject({ custom: true, type: 'select', labels: { 'zh-CN': '会员等级' } });

    for (const [name, lvl, amount, since] of [['A', 'gold', 900, '2020-01-01'], ['B', 'silver', 300, '2021-05-01'], ['C', 'gold', 1500, '2019-03-03']] as const) {
      const r = await t.api(t.adminToken, 'POST', '/contacts', { name: `CF ${name}`, cf_vip_level: lvl, cf_annual_spend: amount, cf_since: since });
      expect(r.status).toBe(201);
      expect(r.body.data.cf_vip_level).toBe(lvl);
    }
    const bad = await t.api(t.adminToken, 'POST', '/contacts', { name: 'CF bad', cf_vip_level: 'bronze', cf_annual_spend: 'lots' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: any) => d.field).sort()).toEqual(['cf_annual_spend', 'cf_vip_level']);

    const gold = await t.api(t.adminToken, 'GET', '/contacts?filter[cf_vip_level]=gold&sort=-cf_annual_spend');
    expect(gold.body.data.map((c: any) => c.name)).toEqual(['CF C', 'CF A']);
    const range = await t.api(t.adminToken, 'GET', '/contacts?filter[cf_annual_spend][between]=500,1000');
    expect(range.body.data.map((c: any) => c.name)).toEqual(['CF A']);
    const dates = await t.api(t.adminToken, 'GET', '/contacts?filter[cf_since][lt]=2020-06-01&sort=cf_since');
    expect(dates.body.data.map((c: any) => c.name)).toEqual(['CF C', 'CF A']);
    // Keyset pages over a custom sort.
    const p1 = await t.api(t.adminToken, 'GET', '/contacts?filter[cf_annual_spend][gte]=0&sort=cf_annual_spend&limit=2');
    const p2 = await t.api(t.adminToken, 'GET', `/contacts?filter[cf_annual_spend][gte]=0&sort=cf_annual_spend&limit=2&cursor=${p1.body.next_cursor}`);
    expect([...p1.body.data, ...p2.body.data].map((c: any) => c.cf_annual_spend)).toEqual(['300.00', '900.00', '1500.00']);

    const csv = await t.api(t.adminToken, 'GET', '/contacts/export?format=csv&filter[cf_vip_level]=gold');
    const lines = String(csv.body).replace(/^\ufeff/, '').trim().split('\n');
    expect(lines[0]).toContain('cf_vip_level');
    expect(lines).toHaveLength(3);

    const xlsx = await t.app.inject({ method: 'GET', url: '/api/v1/contacts/export?format=xlsx&filter[cf_vip_level]=gold&sort=name&columns=name,cf_vip_level,cf_annual_spend', headers: { authorization: `Bearer ${t.adminToken}` } });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1))).toEqual([
      ['name', 'cf_vip_level', 'cf_annual_spend'], ['CF A', 'gold', 900], ['CF C', 'gold', 1500],
    ]);

    // Clearing a value, then removing the field removes it from records.
    const a = gold.body.data[1];
    const cleared = await t.api(t.adminToken, 'PATCH', `/contacts/${a.id}`, { cf_annual_spend: null });
    expect(cleared.body.data.cf_annual_spend).toBeNull();
    expect((await t.api(t.adminToken, 'DELETE', `/custom-fields/${level.body.data.id}`)).status).toBe(204);
    const after = await t.api(t.adminToken, 'GET', `/contacts/${a.id}`);
    expect(after.body.data).not.toHaveProperty('cf_vip_level');
  });
});
