import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse as parseCsv } from 'csv-parse';
import ExcelJS from 'exceljs';
import { detectEncoding } from './encoding.ts';
import { sniffDelimiter } from './delimiter.ts';
import { csvUnescape } from '../../records/csv-formula.ts';

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

export interface ReadOptions {
  /** The file's encoding (detected when it was uploaded, or chosen by the user); sniffed from the first bytes when absent. */
  encoding?: string | null;
}

const HEAD_BYTES = 64 * 1024;

/** The first bytes of a stream (at least HEAD_BYTES, or all of it) and a stream of every byte. */
async function peek(input: Readable): Promise<{ head: Buffer; complete: boolean; all: Readable }> {
  const it = input[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const parts: Buffer[] = [];
  let size = 0;
  let complete = false;
  while (size < HEAD_BYTES) {
    const r = await it.next();
    if (r.done) {
      complete = true;
      break;
    }
    parts.push(r.value);
    size += r.value.length;
  }
  async function* all() {
    try {
      yield* parts;
      for (;;) {
        const r = await it.next();
        if (r.done) return;
        yield r.value;
      }
    } finally {
      await it.return?.();
    }
  }
  return { head: Buffer.concat(parts), complete, all: Readable.from(all(), { objectMode: false }) };
}

/**
 * Decodes to text. UTF-8 passes through as bytes: the CSV parser decodes each field itself (a
 * character cut between two chunks is joined first, an invalid byte becomes U+FFFD), which
 * spares decoding every chunk into a string and encoding it back.
 */
function decoder(encoding: string): Transform | null {
  if (encoding === 'utf-8') return null;
  const d = new TextDecoder(encoding);
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      cb(null, d.decode(chunk, { stream: true }));
    },
    flush(cb) {
      cb(null, d.decode());
    },
  });
}

const BREAK = /\r\n|\r|\n/g;

/** Line breaks inside a record's quoted cells: the record spans that many more lines. */
function breaksIn(cells: string[]): number {
  let n = 0;
  for (const c of cells) if (c.includes('\n') || c.includes('\r')) n += c.match(BREAK)!.length;
  return n;
}

async function* readCsv(input: Readable, opts: ReadOptions): AsyncGenerator<SheetRow> {
  const { head, complete, all } = await peek(input);
  const encoding = opts.encoding ?? detectEncoding(head);
  const delimiter = sniffDelimiter(new TextDecoder(encoding).decode(head), complete);
  const parser = parseCsv({ bom: true, delimiter, relax_column_count: true, skip_empty_lines: false, info: true });
  // Empty lines are records here (one empty cell) so that every line is counted: csv-parse's
  // own line count runs ahead on CRLF inside quoted cells. `pipeline` passes any stream's error
  // to the parser (whose reader sees it) and destroys the chain when the reader stops early.
  const dec = decoder(encoding);
  const done = dec ? pipeline(all, dec, parser) : pipeline(all, parser);
  done.catch(() => {});
  let line = 1;
  for await (const rec of parser as AsyncIterable<{ record: string[]; info: { bytes: number } }>) {
    const first = line;
    line += 1 + breaksIn(rec.record);
    if (rec.record.every((c) => c.trim() === '')) continue;
    yield { line: first, cells: rec.record.map(csvUnescape), bytes: rec.info.bytes };
  }
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
export async function* readRows(input: Readable, format: ImportFormat, opts: ReadOptions = {}): AsyncGenerator<SheetRow> {
  if (format === 'csv') {
    yield* readCsv(input, opts);
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
