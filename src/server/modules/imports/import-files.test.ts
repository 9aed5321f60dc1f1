import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';
import { importKit } from './import-test-kit.ts';

const t = useTestApp();
const k = importKit(t);

// Windows-1252 bytes (what Excel writes in Western Europe): Latin-1 letters are the same bytes.
const cp1252 = (s: string) => Buffer.from(s, 'latin1');
// "陈静" and "广州" in GB18030 (GBK).
const GB_CHEN_JING = Buffer.from('b3c2beb2', 'hex');
const GB_GUANGZHOU = Buffer.from('b9e3d6dd', 'hex');

describe('import encodings (decided for the whole file, overridable)', () => {
  it('reads a Windows-1252 file as Windows-1252, not GB18030 ("México" stays México)', async () => {
    const r = await k.importFile('customers.csv', cp1252('name,city,street\nAna Trujillo,México D.F.,Avda. de la Constitución 2222\nHanna Moos,Mannheim,Forsterstraße 57\n'));
    expect(r.upload.encoding).toBe('windows-1252');
    expect(r.upload.preview[0]).toEqual(['Ana Trujillo', 'México D.F.', 'Avda. de la Constitución 2222']);
    expect(r.imp).toMatchObject({ status: 'done', created: 2, failed: 0 });
    expect(await k.contact('filter[name]=Hanna Moos')).toMatchObject({ street: 'Forsterstraße 57' });
  });

  it('finds GB18030 when the Chinese starts after the first 64 KB', async () => {
    const ascii = ['name,city'];
    for (let i = 0; i < 3000; i++) ascii.push(`Person number ${i},Somewhere far away ${i}`);
    const bytes = Buffer.concat([Buffer.from(ascii.join('\n') + '\n'), GB_CHEN_JING, Buffer.from(','), GB_GUANGZHOU, Buffer.from('\n')]);
    expect(bytes.length).toBeGreaterThan(100 * 1024);
    const r = await k.importFile('late-chinese.csv', bytes);
    expect(r.upload.encoding).toBe('gb18030');
    expect(r.imp).toMatchObject({ created: 3001, failed: 0 });
    expect(await k.contact('filter[name]=陈静')).toMatchObject({ city: '广州' });
  });

  it('rejects, by line, the rows of a UTF-8 file that hold a stray byte, and imports the others', async () => {
    const bytes = Buffer.concat([Buffer.from('name,city\n张三,北京\nJosé,Madrid\nBad'), Buffer.from([0xe9]), Buffer.from('x,Paris\n李四,上海\n')]);
    const r = await k.importFile('stray.csv', bytes);
    expect(r.upload.encoding).toBe('utf-8');
    expect(r.imp).toMatchObject({ created: 3, failed: 1 });
    expect(r.errors).toEqual([{ line: 4, reason: expect.stringMatching(/^name: characters that cannot be decoded/), issues: [{ field: 'name', code: 'undecodable', message: expect.any(String) }] }]);
    expect(await k.contact('filter[name]=José')).toMatchObject({ city: 'Madrid' });
  });

  it('lets the user choose the encoding on upload and change it before the import starts', async () => {
    const bytes = cp1252('name,city\nJosé,Bogotá\n');
    const chosen = await k.upload('choose.csv', bytes, { encoding: 'gb18030' });
    expect(chosen.body.data.encoding).toBe('gb18030');
    expect(chosen.body.data.preview[0][0]).not.toBe('José');
    const back = await t.api(t.adminToken, 'PATCH', `/imports/${chosen.body.data.id}`, { encoding: 'auto' });
    expect(back.body.data).toMatchObject({ encoding: 'windows-1252', preview: [['José', 'Bogotá']] });
    const bad = await t.api(t.adminToken, 'PATCH', `/imports/${chosen.body.data.id}`, { encoding: 'ebcdic' });
    expect(bad.status).toBe(400);
    const badUpload = await k.upload('choose.csv', bytes, { encoding: 'ebcdic' });
    expect(badUpload.status).toBe(400);
  });

  it('reads UTF-16 ("Unicode text" from Excel, tab-separated)', async () => {
    const text = '\ufeffname\tcity\n王五\t深圳\n';
    const r = await k.importFile('unicode.txt', Buffer.from(text, 'utf16le'));
    expect(r.upload.encoding).toBe('utf-16le');
    expect(await k.contact('filter[name]=王五')).toMatchObject({ city: '深圳' });
  });
});

describe('import delimiters and headers', () => {
  it.each([
    [';', 'semicolon'],
    ['\t', 'tab'],
    ['|', 'pipe'],
  ])('sniffs the delimiter %j (%s), quotes respected', async (d, label) => {
    const rows = [['name', 'email', 'notes'], [`Delim ${label}`, `${label}@example.com`, `"a, b; c | d\tend"`], [`Other ${label}`, `other.${label}@example.com`, 'x']];
    const r = await k.importFile(`${label}.csv`, rows.map((r) => r.join(d)).join('\r\n') + '\r\n');
    expect(r.upload.headers).toEqual(['name', 'email', 'notes']);
    expect(r.imp).toMatchObject({ created: 2, failed: 0 });
    expect(await k.contact(`filter[email]=${label}@example.com`)).toMatchObject({ name: `Delim ${label}`, notes: 'a, b; c | d\tend' });
  });

  it('maps Northwind headers (PascalCase, spaced) for contacts and accounts', async () => {
    const csv = 'CustomerID;CompanyName;ContactName;ContactTitle;Address;City;Region;PostalCode;Country;Phone;Fax\nALFKI;Alfreds Futterkiste;Maria Anders;Sales Representative;Obere Str. 57;Berlin;;12209;Germany;030-0074321;030-0076545\n';
    const contacts = await k.upload('northwind.csv', csv);
    expect(contacts.body.data.suggested_mapping).toEqual({
      CustomerID: null, CompanyName: 'account_name', ContactName: 'name', ContactTitle: 'title', Address: 'street',
      City: 'city', Region: 'region', PostalCode: 'postal_code', Country: 'country', Phone: 'phone', Fax: null,
    });
    const accounts = await k.upload('northwind.csv', csv, { object: 'accounts' });
    expect(accounts.body.data.suggested_mapping).toMatchObject({ CompanyName: 'name', ContactName: null, PostalCode: 'postal_code' });
    const spaced = await k.upload('spaced.csv', 'Contact Name,Company Name,Contact Title,postal_code\nA,B,C,D\n');
    expect(spaced.body.data.suggested_mapping).toEqual({ 'Contact Name': 'name', 'Company Name': 'account_name', 'Contact Title': 'title', postal_code: 'postal_code' });
  });

  it('maps the documented account_name column to the account even as the first column', async () => {
    const r = await k.importFile('accounts-first.csv', 'account_name,name,email\nFirst Column Ltd,Zhao Liu,zhaoliu@example.com\n');
    expect(r.upload.suggested_mapping).toEqual({ account_name: 'account_name', name: 'name', email: 'email' });
    const c = await k.contact('filter[email]=zhaoliu@example.com');
    expect(c).toMatchObject({ name: 'Zhao Liu' });
    expect(c.refs.account_id.title).toBe('First Column Ltd');
  });

  it('numbers rows by their first line, CRLF and multi-line cells included, never past the end of the file', async () => {
    const csv = 'name,email,notes\r\n"Multi\r\nLine",multi@example.com,"one\r\ntwo\r\nthree"\r\n\r\n,noname@example.com,x\r\nLast,last@example.com,"a\nb"\r\n,noname2@example.com,y';
    const r = await k.importFile('lines.csv', csv);
    expect(r.imp).toMatchObject({ created: 2, failed: 2 });
    // Lines: 1 header, 2–5 the multi-line record, 6 empty, 7 bad, 8–9 Last, 10 bad (the file's last line).
    expect(csv.split(/\r\n|\n/)).toHaveLength(10);
    expect(r.errors.map((e) => e.line)).toEqual([7, 10]);
  });
});
