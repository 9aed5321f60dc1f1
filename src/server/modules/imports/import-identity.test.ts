import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';
import { BATCH } from './imports.service.ts';
import { counts, importAs, report } from './import-test-helpers.ts';

// Who is the same person or company (docs/api.md, "Import matching"), every skipped row listed
// with the record it matched, and counts that always add up to the file's rows.
const t = useTestApp();

const contactId = async (email: string) => (await t.api(t.adminToken, 'GET', `/contacts?filter[email]=${email}`)).body.data[0].id as number;

describe('import identity', () => {
  it('does not take colleagues sharing an office number (总机) for one person', async () => {
    const office = ['name,phone,mobile,title', '王芳,010-8888 6666,13800000101,经理', '李强,010-88886666,,会计', '赵敏,(010) 8888-6666,13800000103,前台'].join('\n');
    const first = await importAs(t, t.adminToken, office, 'skip');
    expect(counts(first)).toEqual({ created: 3, updated: 0, skipped: 0, failed: 0 });
    // Update mode: each row updates its own person, nobody's fields are mixed.
    const again = await importAs(t, t.adminToken, office.replace('经理', '总经理'), 'update');
    expect(counts(again)).toEqual({ created: 0, updated: 3, skipped: 0, failed: 0 });
    const people = (await t.api(t.adminToken, 'GET', '/contacts?filter[name][in]=王芳,李强,赵敏&sort=name')).body.data;
    expect(people.map((p: any) => [p.name, p.title]).sort()).toEqual([['李强', '会计'], ['王芳', '总经理'], ['赵敏', '前台']]);
    // The same office number with the same name (any script) is the same person.
    const same = await importAs(t, t.adminToken, ['name,phone', '李強,01088886666'].join('\n'), 'skip');
    expect(counts(same)).toEqual({ created: 0, updated: 0, skipped: 1, failed: 0 });
    const li = people.find((p: any) => p.name === '李强');
    expect(await report(t, t.adminToken, same.id, 'skipped')).toEqual([['2', String(li.id), '李强', 'Same phone and name as an existing record']]);
  });

  it('de-duplicates accounts by normalised name, also for the company column of a contacts file', async () => {
    const first = await importAs(t, t.adminToken, ['name,city', '阿里巴巴（中国）有限公司,杭州', 'ACME Trading Ltd.,Shanghai'].join('\n'), 'skip', 'accounts');
    expect(first.created).toBe(2);
    const again = await importAs(t, t.adminToken, ['name,city', '阿里巴巴(中國)有限公司,杭州', 'Acme Trading Limited,Shanghai', 'Nova GmbH,Berlin'].join('\n'), 'skip', 'accounts');
    expect(counts(again)).toEqual({ created: 1, updated: 0, skipped: 2, failed: 0 });
    const ali = (await t.api(t.adminToken, 'GET', `/accounts?filter[name]=${encodeURIComponent('阿里巴巴（中国）有限公司')}`)).body.data[0];
    const skipped = await report(t, t.adminToken, again.id, 'skipped');
    expect(skipped.map((r) => r.slice(0, 3))).toEqual([['2', String(ali.id), '阿里巴巴（中国）有限公司'], expect.arrayContaining(['3'])]);
    const people = await importAs(t, t.adminToken, ['name,email,company', '马云,ma@example.cn,阿里巴巴(中国)有限公司', 'Wile Coyote,wile@example.com,ACME TRADING CO.'].join('\n'), 'skip');
    expect(people.created).toBe(2);
    const accounts = (await t.api(t.adminToken, 'GET', '/accounts/count')).body.data.count;
    expect(accounts).toBe(3);
    const ma = (await t.api(t.adminToken, 'GET', `/contacts/${await contactId('ma@example.cn')}`)).body.data;
    expect(ma.account_id).toBe(ali.id);
    expect(ma.accounts.map((a: any) => a.account_id)).toEqual([ali.id]);
  });

  it('lists every skipped row with the record it matched, and the counts add up to the rows', async () => {
    await t.api(t.adminToken, 'POST', '/contacts', { name: 'Sum Existing', email: 'sum.existing@example.com' });
    const existing = await contactId('sum.existing@example.com');
    // Data rows: line n + 1 holds row n. Row 10 repeats row 2 (same batch), row 20 the stored
    // record, row BATCH + 5 row 3 (next batch, written beside it on PostgreSQL); row 30 has no
    // name (rejected: a bad optional cell alone would only be a warning).
    const total = BATCH + 50;
    const lines = ['name,email'];
    for (let i = 1; i <= total; i++) {
      const email = i === 10 ? 'sum2@example.com' : i === 20 ? 'SUM.EXISTING@example.com' : i === BATCH + 5 ? 'sum3@example.com' : `sum${i}@example.com`;
      lines.push(`${i === 30 ? '' : `Sum Person ${i}`},${email}`);
    }
    const done = await importAs(t, t.adminToken, lines.join('\n'), 'skip');
    expect(counts(done)).toEqual({ created: total - 4, updated: 0, skipped: 3, failed: 1 });
    expect(done.created + done.updated + done.skipped + done.failed).toBe(total);
    const skipped = await report(t, t.adminToken, done.id, 'skipped');
    expect(skipped).toEqual([
      ['11', String(await contactId('sum2@example.com')), 'Sum Person 2', 'Same email as line 3'],
      ['21', String(existing), 'Sum Existing', 'Same email as an existing record'],
      [String(BATCH + 6), String(await contactId('sum3@example.com')), 'Sum Person 3', 'Same email as an existing record'],
    ]);
    expect((await report(t, t.adminToken, done.id, 'errors')).map((r) => r[0])).toEqual(['31']);
    // Update mode: the same file updates the rows it matches; the counts still add up.
    const upd = await importAs(t, t.adminToken, lines.join('\n'), 'update');
    expect(upd.created + upd.updated + upd.skipped + upd.failed).toBe(total);
    expect(counts(upd)).toEqual({ created: 0, updated: total - 1, skipped: 0, failed: 1 });
  });
});
