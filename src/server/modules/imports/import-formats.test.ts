import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';
import { importKit } from './import-test-kit.ts';
import { hugeSharedStrings, xlsx } from './zip-fixture.ts';
import { XLSX_LIMITS } from './zip-guard.ts';

const t = useTestApp();
const k = importKit(t);

describe('formats people type, normalised before validation', () => {
  it('reads dates, full-width digits and phones as typed; one bad optional cell keeps the row with a warning', async () => {
    const csv = [
      'name,email,birthday,phone,mobile',
      'Dot Date,dot@example.com,05.03.2024,（021）1234 5678,',
      'Compact Date,compact@example.com,20240305,,(+86) 138 0013 8000',
      'Slash Date,slash@example.com,3/5/2024,,',
      'Day First,dayfirst@example.com,25/12/1990,,',
      'Full Width,fullwidth@example.com,２０２４－０３－０５,,１３９ ０００１ ２３４５',
      'Bad Optional,badopt@example.com,31/02/2020,,',
      ',required@example.com,01.01.2000,,',
    ].join('\n');
    const r = await k.importFile('formats.csv', csv);
    expect(r.imp).toMatchObject({ status: 'done', date_order: 'dmy', created: 6, failed: 1, warned: 1 });
    expect(r.errors).toEqual([{ line: 8, reason: 'name: This field is required', issues: [{ field: 'name', code: 'required', message: 'This field is required' }] }]);
    expect(r.warnings).toEqual([{ line: 7, field: 'birthday', reason: 'Must be a date (YYYY-MM-DD) (31/02/2020)', code: 'invalid_date' }]);
    expect(await k.contact('filter[email]=dot@example.com')).toMatchObject({ birthday: '2024-03-05', phone: '(021)1234 5678' });
    expect(await k.contact('filter[email]=compact@example.com')).toMatchObject({ birthday: '2024-03-05', mobile: '+86 138 0013 8000' });
    // 25/12/1990 proves the file writes the day first, so 3/5/2024 is the 3rd of May.
    expect(await k.contact('filter[email]=slash@example.com')).toMatchObject({ birthday: '2024-05-03' });
    expect(await k.contact('filter[email]=dayfirst@example.com')).toMatchObject({ birthday: '1990-12-25' });
    expect(await k.contact('filter[email]=fullwidth@example.com')).toMatchObject({ birthday: '2024-03-05', mobile: '139 0001 2345' });
    expect(await k.contact('filter[email]=badopt@example.com')).toMatchObject({ name: 'Bad Optional', birthday: null });
  });

  it('decides the day/month order once per file: month first when a second part is above 12', async () => {
    const r = await k.importFile('us.csv', 'name,email,birthday\nUS One,us1@example.com,3/5/2024\nUS Two,us2@example.com,12/25/1990\n');
    expect(r.imp).toMatchObject({ date_order: 'mdy', created: 2, failed: 0, warned: 0 });
    expect(await k.contact('filter[email]=us1@example.com')).toMatchObject({ birthday: '2024-03-05' });
    expect(await k.contact('filter[email]=us2@example.com')).toMatchObject({ birthday: '1990-12-25' });
    const dry = await k.upload('us.csv', 'name,birthday\nA,3/5/2024\nB,12/25/1990\n');
    const v = await t.api(t.adminToken, 'POST', `/imports/${dry.body.data.id}/validate`, { mapping: dry.body.data.suggested_mapping });
    expect(v.body.data).toMatchObject({ date_order: 'mdy', errors: [], warnings: [] });
  });

  it('reads an ambiguous file day first throughout', async () => {
    const r = await k.importFile('ambiguous.csv', 'name,email,birthday\nAmb One,amb1@example.com,3/5/2024\nAmb Two,amb2@example.com,1/2/2000\n');
    expect(r.imp.date_order).toBe('dmy');
    expect(await k.contact('filter[email]=amb1@example.com')).toMatchObject({ birthday: '2024-05-03' });
    expect(await k.contact('filter[email]=amb2@example.com')).toMatchObject({ birthday: '2000-02-01' });
  });
});

describe('uploads checked before they are stored', () => {
  it('imports a workbook built byte by byte (the zip writer the bombs below use)', async () => {
    const r = await k.importFile('plain.xlsx', xlsx([['Name', 'Email'], ['Xlsx Person', 'xlsx.person@example.com']]));
    expect(r.imp).toMatchObject({ status: 'done', created: 1 });
  });

  it('refuses an .xlsx zip bomb from its directory, before storing or parsing it', async () => {
    const before = await k.stored();
    // ~40 MB of shared strings deflated to a few tens of KB: the ratio gives it away.
    const bomb = xlsx([['Name'], ['x']], { data: hugeSharedStrings(40 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const r = await k.upload('bomb.xlsx', bomb);
    expect(r.status).toBe(413);
    expect(r.body.error).toMatchObject({ code: 'payload_too_large', message: expect.stringMatching(/sharedStrings\.xml is compressed \d+ times/) });
    expect(await k.stored()).toEqual(before);
  });

  it('refuses a bomb whose directory lies about its size, counting the bytes it inflates', async () => {
    const before = await k.stored();
    const liar = xlsx([['Name'], ['x']], { data: hugeSharedStrings(40 * 1024 * 1024), declaredSize: 4096 });
    const r = await k.upload('liar.xlsx', liar);
    expect(r.status).toBe(413);
    expect(r.body.error.message).toMatch(/inflates past its declared 4096 bytes/);
    expect(await k.stored()).toEqual(before);
  });

  it('refuses shared strings declared above the limit, a file that is no zip, and an empty file', async () => {
    const before = await k.stored();
    const big = xlsx([['Name']], { data: Buffer.alloc(10), declaredSize: XLSX_LIMITS.sharedStringsBytes + 1 });
    expect((await k.upload('big.xlsx', big)).status).toBe(413);
    const notZip = await k.upload('fake.xlsx', 'name,email\nnot,a workbook\n');
    expect(notZip.status).toBe(400);
    expect(notZip.body.error.message).toMatch(/not a readable \.xlsx/);
    const empty = await k.upload('empty.csv', '');
    expect(empty.status).toBe(400);
    const blank = await k.upload('blank.csv', '\n\n\n');
    expect(blank.status).toBe(400);
    expect(await k.stored()).toEqual(before);
  });
});
