import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { useTestApp } from '../../db/test-helpers.ts';
import { postUpload } from './import-test-helpers.ts';
import { multipartBody } from '../../db/multipart.ts';

const t = useTestApp();

const upload = (name: string, data: Buffer | string, object = 'contacts') => postUpload(t, t.adminToken, name, data, { object });

async function runToEnd(id: number, mapping: Record<string, string | null>, duplicate_mode = 'skip') {
  const start = await t.api(t.adminToken, 'POST', `/imports/${id}/start`, { mapping, duplicate_mode });
  expect(start.status).toBe(202);
  await t.app.jobs.drain();
  return (await t.api(t.adminToken, 'GET', `/imports/${id}`)).body.data;
}

describe('import', () => {
  it('maps Chinese headers, reports each bad row and bad optional cell with its line number, links companies and skips duplicates', async () => {
    const csv = [
      '姓名,手机,邮箱,公司,城市,会员等级',
      '张三,138 0013 8000,zhangsan@example.cn,北京烤鸭有限公司,北京,gold',
      '李四,13900001111,not-an-email,北京烤鸭有限公司,北京,silver',
      ',13900002222,nobody@example.cn,,上海,',
      '"Wang, Wu",13900003333,wangwu@example.com,ACME Ltd,"Shanghai',
      'Pudong",vip',
      '张三 (again),+86 138-0013-8000,other@example.cn,,北京,',
    ].join('\n');
    const up = await upload('members.csv', csv);
    expect(up.status).toBe(201);
    const imp = up.body.data;
    expect(imp.headers).toEqual(['姓名', '手机', '邮箱', '公司', '城市', '会员等级']);
    expect(imp.suggested_mapping).toEqual({ 姓名: 'name', 手机: 'mobile', 邮箱: 'email', 公司: 'account_name', 城市: 'city', 会员等级: 'tier' });
    expect(imp.preview).toHaveLength(5);

    const dry = await t.api(t.adminToken, 'POST', `/imports/${imp.id}/validate`, { mapping: imp.suggested_mapping, duplicate_mode: 'skip' });
    // A bad optional cell (李四's e-mail) is left out with a warning; a missing name rejects the row.
    expect(dry.body.data.errors.map((e: any) => e.line)).toEqual([4]);
    expect(dry.body.data.warnings).toEqual([{ line: 3, field: 'email', reason: 'Not a valid email address (not-an-email)', code: 'invalid_email' }]);
    expect(await t.api(t.adminToken, 'GET', '/contacts/count').then((r) => r.body.data.count)).toBe(0);

    const done = await runToEnd(imp.id, imp.suggested_mapping);
    expect(done).toMatchObject({ status: 'done', total_rows: 5, processed_rows: 5, created: 3, skipped: 1, failed: 1, warned: 1 });
    const errors = await t.api(t.adminToken, 'GET', `/imports/${imp.id}/errors.csv`);
    // The rejected row as it was in the file, then why and where: fix it in Excel, import it again.
    const lines = String(errors.body).replace(/^\ufeff/, '').trim().split('\n');
    expect(lines).toEqual(['姓名,手机,邮箱,公司,城市,会员等级,Import error,Line', ',13900002222,nobody@example.cn,,上海,,name: This field is required,4']);
    const fixed = String(errors.body).replace(',13900002222', '赵六,13900002222');
    const again = await upload('members-errors.csv', fixed);
    expect(again.body.data.suggested_mapping).toEqual({ 姓名: 'name', 手机: 'mobile', 邮箱: 'email', 公司: 'account_name', 城市: 'city', 会员等级: 'tier', 'Import error': null, Line: null });
    const redo = await runToEnd(again.body.data.id, again.body.data.suggested_mapping);
    expect(redo).toMatchObject({ status: 'done', created: 1, failed: 0 });
    expect((await t.api(t.adminToken, 'GET', '/contacts?filter[name]=赵六')).body.data[0]).toMatchObject({ mobile: '13900002222', city: '上海' });
    const report = await t.api(t.adminToken, 'GET', `/imports/${imp.id}/report`);
    // Each with its stable codes, for the web app to word in the user's language.
    expect(report.body.data).toEqual({
      errors: [{ line: 4, reason: 'name: This field is required', issues: [{ field: 'name', code: 'required', message: 'This field is required' }] }],
      warnings: [{ line: 3, field: 'email', reason: 'Not a valid email address (not-an-email)', code: 'invalid_email' }],
    });
    const warnCsv = await t.api(t.adminToken, 'GET', `/imports/${imp.id}/warnings.csv`);
    expect(String(warnCsv.body).replace(/^\ufeff/, '').trim().split('\n')).toEqual(['line,field,reason', '3,email,Not a valid email address (not-an-email)']);
    const ls = await t.api(t.adminToken, 'GET', '/contacts?filter[name]=李四');
    expect(ls.body.data[0]).toMatchObject({ mobile: '13900001111', email: null });

    const zs = await t.api(t.adminToken, 'GET', '/contacts?filter[name]=张三');
    expect(zs.body.data[0]).toMatchObject({ mobile: '138 0013 8000', tier: 'gold', city: '北京' });
    expect(zs.body.data[0].refs.account_id.title).toBe('北京烤鸭有限公司');
    const ww = await t.api(t.adminToken, 'GET', '/contacts?filter[name]=Wang, Wu');
    expect(ww.body.data[0].city).toBe('Shanghai\nPudong');
    const search = await t.api(t.adminToken, 'GET', '/search?q=zhangsan');
    expect(search.body.data[0]).toMatchObject({ type: 'contact', title: '张三' });
    expect((await t.api(t.adminToken, 'GET', '/accounts?filter[name]=北京烤鸭有限公司')).body.data).toHaveLength(1);
  });

  it('updates duplicates in update mode and imports .xlsx', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow(['Name', 'Email', 'Mobile', 'Birthday', 'Tags']);
    ws.addRow(['Zhang San', 'zhangsan@example.cn', '', new Date('1990-05-06T00:00:00Z'), 'vip;beijing']);
    ws.addRow(['New Person', 'new.person@example.com', '13700001234', '1985-01-02', '']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const up = await upload('people.xlsx', buf);
    expect(up.status).toBe(201);
    expect(up.body.data.suggested_mapping).toMatchObject({ Name: 'name', Email: 'email', Mobile: 'mobile', Birthday: 'birthday', Tags: 'tags' });
    const done = await runToEnd(up.body.data.id, up.body.data.suggested_mapping, 'update');
    const errs = await t.api(t.adminToken, 'GET', `/imports/${up.body.data.id}/errors.csv`);
    expect(String(errs.body).replace(/^\ufeff/, '').trim().split('\n')).toEqual(['line,reason']);
    expect(done).toMatchObject({ status: 'done', created: 1, updated: 1, failed: 0 });
    const zs = await t.api(t.adminToken, 'GET', '/contacts?filter[email]=zhangsan@example.cn');
    expect(zs.body.data).toHaveLength(1);
    expect(zs.body.data[0]).toMatchObject({ name: 'Zhang San', birthday: '1990-05-06', tags: ['vip', 'beijing'] });
  });

  it('reads GBK-encoded CSV from Chinese Excel', async () => {
    // "姓名,城市\n陈静,广州\n" in GB18030.
    const gbk = Buffer.from('d0d5c3fb2cb3c7cad00ab3c2beb22cb9e3d6dd0a', 'hex');
    const up = await upload('gbk.csv', gbk);
    expect(up.body.data.headers).toEqual(['姓名', '城市']);
    const done = await runToEnd(up.body.data.id, up.body.data.suggested_mapping);
    expect(done.created).toBe(1);
    expect((await t.api(t.adminToken, 'GET', '/search?q=陳靜')).body.data[0].title).toBe('陈静');
  });

  it('rejects what it cannot import with a clear error and keeps nothing half-done', async () => {
    const wrongType = await upload('notes.txt.pdf', 'x');
    expect(wrongType.status).toBe(400);
    const badObject = await upload('a.csv', 'name\nx\n', 'spaceships');
    expect(badObject.status).toBe(400);
    const up = await upload('a.csv', 'name\nx\n');
    const reopened = await t.api(t.adminToken, 'GET', `/imports/${up.body.data.id}`);
    expect(reopened.body.data).toMatchObject({ status: 'uploaded', preview: [['x']], suggested_mapping: { name: 'name' } });
    const bad = await t.api(t.adminToken, 'POST', `/imports/${up.body.data.id}/start`, { mapping: { name: 'no_such_field' } });
    expect(bad.status).toBe(400);
    expect((await t.api(t.adminToken, 'GET', `/imports/${up.body.data.id}`)).body.data.status).toBe('uploaded');
    const ro = await t.userToken('readonly');
    const body = await multipartBody({ object: 'contacts' }, { name: 'a.csv', data: 'name\nx\n' });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/imports', headers: { ...body.headers, authorization: `Bearer ${ro.token}` }, payload: body.payload });
    expect(res.statusCode).toBe(403);
  });
});

describe('import after a crash', () => {
  it('resumes after the last committed batch without importing a row twice', async () => {
    const { BATCH, runImport } = await import('./imports.service.ts');
    const total = 2 * BATCH + 200;
    const rows = ['name,email'];
    for (let i = 1; i <= total; i++) rows.push(`Resume ${i},resume${i}@example.com`);
    const up = await upload('resume.csv', rows.join('\n'));
    const id = up.body.data.id;
    await t.api(t.adminToken, 'POST', `/imports/${id}/start`, { mapping: up.body.data.suggested_mapping, duplicate_mode: 'create' });
    // The first run "dies" after its first batch commits: its heartbeats never return, as if the
    // process froze and was killed. On PostgreSQL the second batch was being written beside the
    // first (two writers): it commits after the first, then freezes too.
    const committed = t.database.kind === 'postgres' ? 2 : 1;
    let batches = 0;
    void runImport(t.database.db, id, { id: 0, attempt: 1, heartbeat: () => (++batches, new Promise(() => {})) });
    for (let i = 0; i < 400 && batches < committed; i++) await new Promise((r) => setTimeout(r, 25));
    const mid = (await t.api(t.adminToken, 'GET', `/imports/${id}`)).body.data;
    expect(mid).toMatchObject({ status: 'running', processed_rows: committed * BATCH, created: committed * BATCH });
    // The total is estimated from the bytes read (every row here has about the same length).
    expect(Math.abs(mid.total_rows - total)).toBeLessThan(total * 0.1);
    // The job is claimed again (lease expired) and runs to the end.
    await runImport(t.database.db, id, { id: 0, attempt: 2, heartbeat: async () => {} });
    const done = (await t.api(t.adminToken, 'GET', `/imports/${id}`)).body.data;
    expect(done).toMatchObject({ status: 'done', total_rows: total, processed_rows: total, created: total, failed: 0 });
    const count = await t.api(t.adminToken, 'GET', '/contacts/count?filter[name][starts]=Resume ');
    expect(count.body.data).toEqual({ count: 1000, capped: true });
    const last = await t.api(t.adminToken, 'GET', `/contacts?filter[email]=resume${total}@example.com`);
    expect(last.body.data).toHaveLength(1);
    const first = await t.api(t.adminToken, 'GET', '/contacts?filter[email]=resume1@example.com');
    expect(first.body.data).toHaveLength(1);
  });
});
