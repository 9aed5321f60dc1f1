import { Readable, Transform } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import ExcelJS from 'exceljs';

export interface SheetRow {
  /** Line (CSV) or row (Excel) number in the file as a person sees it; the header is line 1. */
  line: number;
  cells: string[];
  /** CSV: bytes of (UTF-8) text read up to the end of this row, to estimate the total from the file size. */
  bytes?: number;
}

export type ImportFormat = 'csv' | 'xlsx';

export function formatOf(fileName: string): ImportFormat | null {
  const ext = fileName.toLowerCase().split('.').pop();
  return ext === 'csv' || ext === 'txt' ? 'csv' : ext === 'xlsx' ? 'xlsx' : null;
}

/**
 * Chinese Excel saves CSV as GB18030 (GBK); decode that when the bytes are not UTF-8. The
 * decision is taken on the first chunk and kept for the whole file. UTF-8 passes through as
 * bytes: the CSV parser decodes each field itself (a character cut between two chunks is
 * joined first), which spares decoding every chunk into a string and encoding it back.
 */
function decodeToUtf8(): Transform {
  let decoder: TextDecoder | null = null;
  let utf8 = true;
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      if (!decoder) {
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(chunk.subarray(0, Math.min(chunk.length, 64 * 1024 - 4)), { stream: true });
        } catch {
          utf8 = false;
        }
        decoder = new TextDecoder(utf8 ? 'utf-8' : 'gb18030');
      }
      cb(null, utf8 ? chunk : decoder.decode(chunk, { stream: true }));
    },
    flush(cb) {
      if (utf8) cb();
      else cb(null, decoder?.decode() ?? '');
    },
  });
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('hyperlink' in v) return String(v.hyperlink);
    return '';
  }
  return String(v);
}

/** Rows of a CSV or .xlsx stream (header included), streamed: memory does not grow with the file. */
export async function* readRows(input: Readable, format: ImportFormat): AsyncGenerator<SheetRow> {
  if (format === 'csv') {
    const parser = input.pipe(decodeToUtf8()).pipe(parseCsv({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true }));
    for await (const rec of parser as AsyncIterable<{ record: string[]; info: { lines: number; bytes: number } }>) {
      yield { line: rec.info.lines, cells: rec.record, bytes: rec.info.bytes };
    }
    return;
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit' });
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as ExcelJS.CellValue[];
      const cells = values.slice(1).map(cellText);
      if (cells.some((c) => c.trim() !== '')) yield { line: row.number, cells };
    }
    return; // the first sheet only
  }
}

export { Readable };
