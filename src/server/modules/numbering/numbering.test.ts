import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';
import { importAs } from '../imports/import-test-helpers.ts';

const t = useTestApp();

const accountSequence = async () => (await t.api(t.adminToken, 'GET', '/settings/numbering')).body.data.find((s: any) => s.type === 'account');

describe('document number admin API', () => {
  it('lists each type with its pattern and next number, for administrators only', async () => {
    const s = await accountSequence();
    expect(s).toMatchObject({ type: 'account', pattern: 'C-{00000}', gap_free: true });
    expect(s.next).toMatch(/^C-\d{5}$/);
    const sales = await t.userToken('sales');
    expect((await t.api(sales.token, 'GET', '/settings/numbering')).status).toBe(403);
    expect((await t.api(sales.token, 'PATCH', '/settings/numbering/account', { pattern: 'X-{0}' })).status).toBe(403);
    expect((await accountSequence()).pattern).toBe('C-{00000}');
  });

  it('refuses a pattern without a counter (or otherwise bad) with a clear code, changing nothing', async () => {
    const before = await accountSequence();
    for (const [pattern, code] of [['CUST-{YYYY}', 'pattern_no_counter'], ['C-{000}{000}', 'pattern_two_counters'], ['C-{WEEK}-{000}', 'pattern_unknown_placeholder'], ['', 'pattern_empty']]) {
      const r = await t.api(t.adminToken, 'PATCH', '/settings/numbering/account', { pattern });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('validation_failed');
      expect(r.body.error.details).toEqual([expect.objectContaining({ field: 'pattern', code })]);
    }
    expect((await t.api(t.adminToken, 'PATCH', '/settings/numbering/account', { pattern: 'C-{0}', extra: 1 })).status).toBe(400);
    expect((await t.api(t.adminToken, 'PATCH', '/settings/numbering/nope', { pattern: 'C-{0}' })).status).toBe(404);
    expect(await accountSequence()).toEqual(before);
    const audit = await t.api(t.adminToken, 'GET', '/audit-log?filter[object]=number_sequences');
    expect(audit.body.data.filter((e: any) => e.object === 'number_sequences')).toEqual([]);
  });

  it('changes a pattern, audited; new records are numbered with it, the counter restarting with a new period', async () => {
    const year = String(new Date().getUTCFullYear());
    const r = await t.api(t.adminToken, 'PATCH', '/settings/numbering/account', { pattern: 'KH{YYYY}-{0000}' });
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ type: 'account', pattern: 'KH{YYYY}-{0000}', next: `KH${year}-0001` });
    const made = await t.api(t.adminToken, 'POST', '/accounts', { name: 'Patterned Trading' });
    expect(made.body.data.account_number).toBe(`KH${year}-0001`);
    const audit = await t.api(t.adminToken, 'GET', '/audit-log?filter[object]=number_sequences');
    const entry = audit.body.data.find((e: any) => e.object === 'number_sequences');
    expect(entry.changes).toEqual({ type: 'account', pattern: ['C-{00000}', 'KH{YYYY}-{0000}'] });
  });

  it('an import numbers its new records (a file cannot choose them), as does a company an import creates', async () => {
    const before = await accountSequence();
    const done = await importAs(t, t.adminToken, 'name,account_number\nImported Alpha Ltd,C-77777\nImported Beta Ltd,\n', 'create', 'accounts');
    expect(done.created).toBe(2);
    const rows = (await t.api(t.adminToken, 'GET', '/accounts?q=Imported&sort=id')).body.data;
    const numbers = rows.map((a: any) => a.account_number);
    expect(numbers).not.toContain('C-77777');
    expect(numbers[0]).toBe(before.next);
    await importAs(t, t.adminToken, 'name,account_name\nZhang Wei,Created By Import Co\n', 'create', 'contacts');
    const created = (await t.api(t.adminToken, 'GET', '/accounts?q=Created%20By%20Import')).body.data[0];
    expect(created.account_number).toMatch(/^KH\d{4}-\d{4}$/);
    expect(new Set([...numbers, created.account_number]).size).toBe(3);
  });
});
