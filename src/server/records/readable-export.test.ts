import { describe, expect, it } from 'vitest';
import { useTestApp } from '../db/test-helpers.ts';
import { counts, csvRows, importAs, uploadAs } from '../modules/imports/import-test-helpers.ts';

// A readable export (labels, names, option labels, grouped money) in the reader's language,
// which the importer reads back; the raw form stays the API's default.
const t = useTestApp();

async function exportAs(token: string, query: string) {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/contacts/export?${query}`, headers: { authorization: `Bearer ${token}` } });
  return { status: res.statusCode, body: res.body, raw: res.rawPayload, json: () => res.json() };
}

const PICK = ['name', 'email', 'gender', 'birthday', 'account_id', 'tier', 'tags', 'credit_limit', 'owner_id'];

describe('readable exports', () => {
  it('writes labels and names in zh-CN, and imports back into the same records', async () => {
    const rep = await t.userToken('sales');
    const repName = (await t.api(t.adminToken, 'GET', `/users/${rep.id}`)).body.data.name as string;
    const acc = (await t.api(t.adminToken, 'POST', '/accounts', { name: '往返贸易有限公司' })).body.data;
    const values = { name: '王小明', email: 'round.trip@example.cn', gender: 'male', birthday: '1990-05-06', account_id: acc.id, tier: 'gold', tags: ['VIP', '重点'], credit_limit: '1234567.5', owner_id: rep.id };
    const made = (await t.api(t.adminToken, 'POST', '/contacts', values)).body.data;
    const res = await exportAs(t.adminToken, `format=csv&style=readable&locale=zh-CN&columns=${PICK.join(',')}&filter[email]=round.trip@example.cn`);
    expect(res.status).toBe(200);
    const [header, row] = csvRows(res.body);
    expect(header).toEqual(['姓名', '邮箱', '性别', '生日', '所属公司', '等级', '标签', '信用额度', '负责人']);
    const cell = (h: string) => row![header!.indexOf(h)];
    expect(cell('性别')).toBe('男');
    expect(cell('所属公司')).toBe('往返贸易有限公司');
    expect(cell('负责人')).toBe(repName);
    expect(cell('信用额度')).toBe('1,234,567.50');
    expect(cell('标签')).toBe('VIP; 重点');
    expect(cell('等级')).not.toBe('gold');
    // Gone, then imported from the file: the same record again, links, options and owner included.
    expect((await t.api(t.adminToken, 'DELETE', `/contacts/${made.id}`)).status).toBe(204);
    const up = await uploadAs(t, t.adminToken, 'export.csv', res.body);
    expect(Object.values(up.suggested_mapping).filter(Boolean)).toHaveLength(PICK.length);
    const done = await importAs(t, t.adminToken, res.body, 'create');
    expect(counts(done)).toEqual({ created: 1, updated: 0, skipped: 0, failed: 0 });
    const back = (await t.api(t.adminToken, 'GET', '/contacts?filter[email]=round.trip@example.cn')).body.data[0];
    expect(back).toMatchObject({ ...values, credit_limit: '1234567.50' });
  });

  it('imports an .xlsx readable export in zh-TW and in English the same way', async () => {
    for (const locale of ['zh-TW', 'en']) {
      const email = `xlsx.${locale.toLowerCase()}@example.cn`;
      const values = { name: `表格 ${locale}`, email, gender: 'female', tier: 'silver', credit_limit: '99.90' };
      const made = (await t.api(t.adminToken, 'POST', '/contacts', values)).body.data;
      const res = await exportAs(t.adminToken, `format=xlsx&style=readable&locale=${locale}&columns=name,email,gender,tier,credit_limit,owner_id&filter[email]=${email}`);
      expect(res.status).toBe(200);
      await t.api(t.adminToken, 'DELETE', `/contacts/${made.id}`);
      const up = await uploadAs(t, t.adminToken, 'export.xlsx', res.raw);
      expect(Object.values(up.suggested_mapping).filter(Boolean)).toHaveLength(6);
      const start = await t.api(t.adminToken, 'POST', `/imports/${up.id}/start`, { mapping: up.suggested_mapping, duplicate_mode: 'create' });
      expect(start.status).toBe(202);
      await t.app.jobs.drain();
      const back = (await t.api(t.adminToken, 'GET', `/contacts?filter[email]=${email}`)).body.data[0];
      expect(back).toMatchObject(values);
    }
  });

  it('keeps the raw form as the default and on request', async () => {
    await t.api(t.adminToken, 'POST', '/contacts', { name: 'Raw Person', email: 'raw.person@example.com', gender: 'male' });
    for (const q of ['', '&style=raw']) {
      const [header, row] = csvRows((await exportAs(t.adminToken, `format=csv&filter[email]=raw.person@example.com${q}`)).body);
      expect(header!.slice(0, 2)).toEqual(['id', 'name']);
      expect(row![header!.indexOf('gender')]).toBe('male');
    }
    const bad = await exportAs(t.adminToken, 'format=csv&style=pretty');
    expect(bad.status).toBe(400);
    expect(bad.json().error.details[0].field).toBe('style');
    expect((await exportAs(t.adminToken, 'format=csv&style=readable&tz=Mars/Base')).status).toBe(400);
    expect((await exportAs(t.adminToken, 'format=csv&style=readable&locale=fr')).status).toBe(400);
  });

  it('leaves out hidden fields and the names of linked records the reader may not see', async () => {
    expect((await t.api(t.adminToken, 'PATCH', '/roles/sales', { field_rules: { contacts: { credit_limit: 'hidden' } } })).status).toBe(200);
    const rep = await t.userToken('sales');
    const secret = (await t.api(t.adminToken, 'POST', '/accounts', { name: '机密客户股份公司' })).body.data;
    // The rep's own contact, linked to a company only the administrator may see.
    expect((await t.api(t.adminToken, 'POST', '/contacts', { name: '可见联系人', email: 'seen@example.cn', account_id: secret.id, credit_limit: '500', owner_id: rep.id })).status).toBe(201);
    expect((await t.api(rep.token, 'GET', `/accounts/${secret.id}`)).status).toBe(404);
    for (const q of ['', '&columns=name,credit_limit,account_id']) {
      const res = await exportAs(rep.token, `format=csv&style=readable&locale=zh-CN&filter[email]=seen@example.cn${q}`);
      expect(res.status).toBe(200);
      const [header, row] = csvRows(res.body);
      expect(header).not.toContain('信用额度');
      expect(res.body).not.toContain('500');
      expect(res.body).not.toContain('机密客户');
      expect(row![header!.indexOf('所属公司')]).toBe('');
    }
    expect((await t.api(t.adminToken, 'PATCH', '/roles/sales', { field_rules: { contacts: {} } })).status).toBe(200);
  });

  it('still disarms formulas in a readable CSV', async () => {
    await t.api(t.adminToken, 'POST', '/contacts', { name: '=HYPERLINK("http://evil.example","点我")', email: 'formula@example.cn' });
    const [header, row] = csvRows((await exportAs(t.adminToken, 'format=csv&style=readable&locale=zh-CN&filter[email]=formula@example.cn')).body);
    expect(row![header!.indexOf('姓名')]).toBe('\'=HYPERLINK("http://evil.example","点我")');
  });
});
