import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';
import { importKit } from '../imports/import-test-kit.ts';

// The files sales teams really have, imported into the sales objects (not only contacts):
// a GBK CSV with semicolons from a Chinese Excel, and an .xlsx of opportunities.
const t = useTestApp();
const k = importKit(t);

// 产品编码;产品名称;单价;税率;单位 — four products, the third with a price that is not a number,
// prices written "12800,00" (a decimal comma, as a semicolon-separated Excel export writes them).
const GBK_PRODUCTS = Buffer.from(
  'b2fac6b7b1e0c2eb3bb2fac6b7c3fbb3c63bb5a5bcdb3bcbb0c2ca3bb5a5cebb0d0a47582d3030313bb9a4d2b5b1c32041d0cd3b31323830302c30303b31333bcca80d0a47582d3030323bb0b2d7b0b5f7cad4b7fecef13b333530303b363bb4ce0d0a47582d3030333bbbb5cafdbeddd0d03bb2bbcac7cafdd7d63b31333bcca80d0a47582d3030343bc4eab6c8ceacb1a3b6a9d4c43b393939392c35303b363bc4ea0d0a',
  'hex',
);

describe('sales objects import the files people have', () => {
  it('imports products from a GBK, semicolon-separated CSV, reading decimal commas and reporting the bad price by its line', async () => {
    const r = await k.importFile('产品.csv', GBK_PRODUCTS, { object: 'products' });
    expect(r.upload.encoding).toBe('gb18030');
    expect(r.upload.headers).toEqual(['产品编码', '产品名称', '单价', '税率', '单位']);
    // The row with a price that is no number is kept without its price, and the report says so by line.
    expect(r.imp).toMatchObject({ status: 'done', created: 4, failed: 0, warned: 1 });
    expect(r.warnings).toEqual([expect.objectContaining({ line: 4, field: 'list_price', code: 'not_a_number' })]);
    const pump = (await t.api(t.adminToken, 'GET', '/products?filter[sku]=GX-001')).body.data[0];
    expect(pump).toMatchObject({ name: '工业泵 A型', list_price: '12800.00' });
    const plan = (await t.api(t.adminToken, 'GET', '/products?filter[sku]=GX-004')).body.data[0];
    expect(plan).toMatchObject({ name: '年度维保订阅', list_price: '9999.50' });
    expect((await t.api(t.adminToken, 'GET', '/products?filter[sku]=GX-003')).body.data[0]).toMatchObject({ name: '坏数据行', list_price: null });
  });

  it('imports opportunities from .xlsx, linking accounts by the column named after them, and reports a bad amount by its line', async () => {
    expect((await t.api(t.adminToken, 'POST', '/accounts', { name: '上海精密机械有限公司' })).status).toBe(201);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('商机');
    ws.addRow(['商机', '金额', '客户公司']);
    ws.addRow(['二期产线改造', 1_250_000, '上海精密机械有限公司']);
    ws.addRow(['备件年度框架', '十万', '上海精密机械有限公司']);
    ws.addRow(['Pump retrofit', 88_000.5, '上海精密机械有限公司']);
    const r = await k.importFile('商机.xlsx', Buffer.from(await wb.xlsx.writeBuffer()), { object: 'opportunities' });
    expect(r.upload.suggested_mapping).toEqual({ 商机: 'name', 金额: 'amount', 客户公司: 'account_name' });
    expect(r.imp, JSON.stringify(r)).toMatchObject({ status: 'done', created: 3, failed: 0, warned: 1 });
    expect(r.warnings).toEqual([expect.objectContaining({ line: 3, field: 'amount', code: 'not_a_number' })]);
    const opp = (await t.api(t.adminToken, 'GET', `/opportunities?filter[name]=${encodeURIComponent('二期产线改造')}`)).body.data[0];
    expect(opp).toMatchObject({ amount: '1250000.00', refs: { account_id: { title: '上海精密机械有限公司' } } });
  });
});
