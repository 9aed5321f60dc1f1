import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../http/errors.ts';
import { spoolToTemp } from '../../core/upload-spool.ts';
import { EncodingSniffer, isEncoding, ENCODINGS, type Encoding } from './encoding.ts';
import { formatOf, readRows, type ImportFormat } from './readers.ts';
import { checkXlsx } from './zip-guard.ts';

/** An upload held in a temporary file until it has been checked; `remove` deletes it. */
export interface CheckedUpload {
  path: string;
  name: string;
  format: ImportFormat;
  size: number;
  /** CSV: decided from every byte of the file, unless the user chose one. */
  encoding: Encoding | null;
  remove(): void;
}

export function formatOrRefuse(name: string): ImportFormat {
  const format = formatOf(name);
  if (!format) throw new AppError('validation_failed', 'Upload a .csv or .xlsx file', [{ field: 'file', message: 'Unsupported file type', code: 'unsupported_file' }]);
  return format;
}

export function encodingOrRefuse(value: unknown): Encoding | null {
  if (value === undefined || value === null || value === '' || value === 'auto') return null;
  if (!isEncoding(value)) throw new AppError('validation_failed', `encoding must be one of auto, ${ENCODINGS.join(', ')}`, [{ field: 'encoding', message: 'Unknown encoding', code: 'unknown_encoding' }]);
  return value;
}

/**
 * Receives an upload into a temporary file (never into memory), deciding a CSV's encoding
 * from all of its bytes on the way. Nothing is stored in the database yet.
 */
export async function spoolUpload(source: AsyncIterable<Buffer>, name: string): Promise<CheckedUpload> {
  const format = formatOrRefuse(name);
  const sniffer = format === 'csv' ? new EncodingSniffer() : null;
  const up = await spoolToTemp(source, sniffer ? { chunk: (c) => sniffer.update(c) } : {});
  return { ...up, name, format, encoding: sniffer?.finish() ?? null };
}

/**
 * What must hold before an upload is stored: not empty, an .xlsx within the inflation limits
 * (zip-guard.ts), and a header row that can be read. Removes the temporary file on refusal.
 */
export async function checkUpload(up: CheckedUpload): Promise<string[]> {
  try {
    if (!up.size) throw new AppError('validation_failed', 'The file is empty', [{ field: 'file', message: 'Empty file', code: 'empty_file' }]);
    if (up.format === 'xlsx') await checkXlsx(up.path);
    const stream = fs.createReadStream(up.path);
    let header: string[] | null = null;
    try {
      for await (const row of readRows(stream, up.format, { encoding: up.encoding })) {
        header = row.cells.map((h, i) => h.trim() || `column_${i + 1}`);
        break;
      }
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw new AppError('validation_failed', `The file cannot be read as ${up.format.toUpperCase()}: ${(e as Error).message}`, [{ field: 'file', message: 'Unreadable', code: 'unreadable_file' }]);
    } finally {
      stream.destroy();
    }
    if (!header) throw new AppError('validation_failed', 'The file has no header row', [{ field: 'file', message: 'No header row', code: 'no_header' }]);
    return header;
  } catch (e) {
    up.remove();
    throw e;
  }
}

/** A file on disk (the CLI) checked the same way as an upload, without copying it; with its header. */
export async function checkLocalFile(file: string, chosen: Encoding | null = null): Promise<CheckedUpload & { header: string[] }> {
  const format = formatOrRefuse(file);
  let encoding: Encoding | null = null;
  let size = 0;
  if (format === 'csv') {
    const sniffer = new EncodingSniffer();
    for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
      sniffer.update(chunk);
      size += chunk.length;
    }
    encoding = chosen ?? sniffer.finish();
  } else size = fs.statSync(file).size;
  const up: CheckedUpload = { path: file, name: path.basename(file), format, size, encoding, remove: () => {} };
  return { ...up, header: await checkUpload(up) };
}
