import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';
import { pdfPages } from '../../core/pdf/pdf.test-support.ts';
import { pdfFileName } from './documents.routes.ts';

// GET /{object}/{id}/pdf through the acceptance module's devices (printable: a device sheet):
// the PDF is read back as text, so what a user could copy out of it is what is checked.
const t = useTestApp({ modules: [path.join(import.meta.dirname, '../../test-modules/devices')] });
const f = factories(t);
let account: { id: number; name: string };

const squash = (s: string) => s.replace(/\s+/g, '');
const getPdf = (token: string, url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { authorization: `Bearer ${token}` } });
const textOf = async (res: { rawPayload: Buffer }) => squash((await pdfPages(res.rawPayload)).join('\n'));
const device = async (values: Record<string, unknown>, token = t.adminToken) => {
  const r = await t.api(token, 'POST', '/devices', values);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.data as { id: number };
};

beforeAll(async () => {
  account = (await f.account({ name: '星辰医疗器械有限公司', city: '北京市', street: '中关村大街1号' })) as { id: number; name: string };
  await t.api(t.adminToken, 'PATCH', '/settings', { organization_name: '关系软件有限公司' });
});

describe('GET /{object}/{id}/pdf', () => {
  it('prints the record in the asked locale, as a download named by its number, and audits it', async () => {
    const d = await device({ name: 'X100 扫描仪 1号', serial: '设备-001', model: 'x100', price: '1234.56', notes: '客户要求每季度保养', account_id: account.id });
    const res = await getPdf(t.adminToken, `/devices/${d.id}/pdf?locale=zh-CN`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="__-001.pdf"; filename*=UTF-8''${encodeURIComponent('设备-001.pdf')}`);
    const text = await textOf(res);
    for (const s of ['设备信息单', '编号:设备-001', '关系软件有限公司', '星辰医疗器械有限公司', '北京市中关村大街1号', 'X100扫描仪1号', '型号', 'X100扫描仪', '¥1,234.56', '客户要求每季度保养', '大写金额:人民币壹仟贰佰叁拾肆元伍角陆分', '1/1']) {
      expect(text).toContain(s);
    }
    const audit = (await t.api(t.adminToken, 'GET', `/audit-log?filter[object]=devices&filter[record_id]=${d.id}`)).body.data as any[];
    expect(audit.find((a) => a.action === 'printed')?.changes).toEqual({ number: '设备-001', kind: 'device', locale: 'zh-CN' });

    const en = await getPdf(t.adminToken, `/devices/${d.id}/pdf?locale=en`);
    expect(await textOf(en)).toContain('Devicesheet');
    const bad = await t.api(t.adminToken, 'GET', `/devices/${d.id}/pdf?locale=fr`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
  });

  it("follows the user's locale when none is asked for", async () => {
    const u = await f.user('manager');
    expect((await t.api(u.token, 'PATCH', '/auth/me', { locale: 'zh-TW' })).status).toBe(200);
    const d = await device({ name: '印表機 P10', model: 'p10', price: '100' }, u.token);
    const text = await textOf(await getPdf(u.token, `/devices/${d.id}/pdf`));
    expect(text).toContain('設備資料單');
    expect(text).toContain('大寫金額:人民幣壹佰元整');
  });

  it('answers a record the user may not see exactly as a missing one, and only objects that print have the route', async () => {
    const owner = await f.user('sales');
    const other = await f.user('sales');
    const d = await device({ name: 'Hidden scanner', model: 'x200' }, owner.token);
    const hidden = await t.api(other.token, 'GET', `/devices/${d.id}/pdf`);
    const missing = await t.api(other.token, 'GET', '/devices/99999999/pdf');
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(missing.body);
    expect((await getPdf(owner.token, `/devices/${d.id}/pdf`)).statusCode).toBe(200);
    expect((await t.api(t.adminToken, 'GET', `/accounts/${account.id}/pdf`)).status).toBe(404);
    // The web app shows its PDF button from the descriptor.
    const meta = (await t.api(t.adminToken, 'GET', '/meta/objects')).body.data as { name: string; features: { printable: boolean } }[];
    expect(meta.find((o) => o.name === 'devices')?.features.printable).toBe(true);
    expect(meta.find((o) => o.name === 'accounts')?.features.printable).toBe(false);
  });

  it('never prints a field the user may not read, nor a linked customer the user may not see', async () => {
    const sales = await f.user('sales');
    const d = await device({ name: 'Field rules unit', model: 'x100', price: '777.77', notes: 'NOTE-MARKER-QX7', account_id: account.id, owner_id: sales.id });
    const before = await textOf(await getPdf(sales.token, `/devices/${d.id}/pdf?locale=en`));
    expect(before).toContain('NOTE-MARKER-QX7');
    expect(before).toContain('777.77');
    // The account is the admin's: a sales rep sees own records only, so the sheet has no buyer.
    expect(before).not.toContain('星辰医疗器械有限公司');
    expect(await textOf(await getPdf(t.adminToken, `/devices/${d.id}/pdf?locale=en`))).toContain('星辰医疗器械有限公司');

    expect((await t.api(t.adminToken, 'PATCH', '/roles/sales', { field_rules: { devices: { notes: 'hidden', price: 'hidden' } } })).status).toBe(200);
    try {
      const after = await textOf(await getPdf(sales.token, `/devices/${d.id}/pdf?locale=en`));
      expect(after).toContain('Fieldrulesunit');
      expect(after).not.toContain('NOTE-MARKER-QX7');
      expect(after).not.toContain('777.77');
    } finally {
      await t.api(t.adminToken, 'PATCH', '/roles/sales', { field_rules: {} });
    }
  });

  it('names the file safely whatever the number holds', () => {
    expect(pdfFileName('Q-2026-00042')).toBe('Q-2026-00042.pdf');
    expect(pdfFileName('../a/b\\c"d')).toBe('.._a_b_c_d.pdf');
    expect(pdfFileName('  ')).toBe('document.pdf');
  });
});
