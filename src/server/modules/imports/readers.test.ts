import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readRows, type SheetRow } from './readers.ts';

async function rowsOf(chunks: Buffer[]): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  for await (const r of readRows(Readable.from(chunks), 'csv')) out.push(r);
  return out;
}

/** The bytes cut into pieces of `size` bytes, wherever that falls (inside characters too). */
function cut(bytes: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

describe('CSV reader', () => {
  const text = '\ufeff姓名,城市,备注\n张三,北京,"第一行\n第二行"\n陳靜,臺北,"说 ""你好"""\n';
  const expected = [
    { line: 1, cells: ['姓名', '城市', '备注'] },
    { line: 2, cells: ['张三', '北京', '第一行\n第二行'] },
    { line: 4, cells: ['陳靜', '臺北', '说 "你好"'] },
  ];

  it('reads UTF-8 cut anywhere between chunks, even inside a character, and tells the bytes read', async () => {
    const bytes = Buffer.from(text, 'utf8');
    for (const size of [1, 2, 5, 7, bytes.length]) {
      const rows = await rowsOf(cut(bytes, size));
      expect(rows.map(({ line, cells }) => ({ line, cells }))).toEqual(expected);
      // Bytes read up to the end of each row (UTF-8 bytes, BOM included): the last row ends the file.
      expect(rows.at(-1)!.bytes).toBe(bytes.length);
      expect(rows[0]!.bytes).toBe(Buffer.byteLength('\ufeff姓名,城市,备注\n'));
    }
  });

  it('reads GB18030 cut between chunks', async () => {
    // "姓名,城市\n陈静,广州\n" in GB18030, cut inside its two-byte characters.
    const bytes = Buffer.from('d0d5c3fb2cb3c7cad00ab3c2beb22cb9e3d6dd0a', 'hex');
    const rows = await rowsOf(cut(bytes, 3));
    expect(rows.map((r) => r.cells)).toEqual([['姓名', '城市'], ['陈静', '广州']]);
  });
});

describe('encoding detection', () => {
  it('tells Windows-1252 from GB18030 and UTF-8, accents side by side included', async () => {
    const { detectEncoding } = await import('./encoding.ts');
    const latin = 'name,city\nJoão Gonçalves,São Paulo\nInformações,Ação\nFrançois Müller,Zürich\nÑandú,Logroño\n';
    expect(detectEncoding(Buffer.from(latin, 'latin1'))).toBe('windows-1252');
    expect(detectEncoding(Buffer.from(latin, 'utf8'))).toBe('utf-8');
    // "姓名,城市\n陈静,广州\n" and "中文" in GB18030.
    expect(detectEncoding(Buffer.from('d0d5c3fb2cb3c7cad00ab3c2beb22cb9e3d6dd0a', 'hex'))).toBe('gb18030');
    expect(detectEncoding(Buffer.from('6e616d650a d6d0cec40a'.replace(/ /g, ''), 'hex'))).toBe('gb18030');
    expect(detectEncoding(Buffer.from('plain ascii,only\n'))).toBe('utf-8');
  });
});
