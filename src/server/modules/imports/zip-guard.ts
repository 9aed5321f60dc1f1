import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createInflateRaw } from 'node:zlib';
import { AppError } from '../../http/errors.ts';

/**
 * Limits on what an .xlsx (a zip) may inflate to. A zip bomb is a few megabytes that inflate
 * to gigabytes: the workbook reader would hold its shared strings in memory and spend minutes
 * on its XML. Real workbooks compress 5–30 times; deflate cannot exceed ~1030.
 */
export const XLSX_LIMITS = {
  entryBytes: 1024 ** 3,
  totalBytes: 1024 ** 3,
  /** Shared strings are held in memory while the sheet is read. */
  sharedStringsBytes: 128 * 1024 ** 2,
  /** Inflated / compressed, for entries above `ratioFrom` bytes. */
  ratio: 100,
  ratioFrom: 1024 ** 2,
  entries: 10_000,
};

interface Entry {
  name: string;
  flags: number;
  method: number;
  csize: number;
  usize: number;
  offset: number;
  /** Set from the local header: where the data starts, and whether its end must be found by signature. */
  dataStart: number;
  scan: boolean;
}

const EOCD = 0x06054b50;
const CEN = 0x02014b50;
const LOC = 0x04034b50;
const DESCRIPTOR = Buffer.from([0x50, 0x4b, 0x07, 0x08]);

const notXlsx = (why: string) => new AppError('validation_failed', `The file is not a readable .xlsx workbook (${why})`, [{ field: 'file', message: why, code: 'not_xlsx' }]);
const tooBig = (why: string) => new AppError('payload_too_large', `The workbook inflates beyond what Guanxi imports (${why}); save it as CSV or split it`, [{ field: 'file', message: why, code: 'too_large' }]);

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const n = fs.readSync(fd, buf, 0, length, position);
  return buf.subarray(0, n);
}

/** The central directory: every entry's declared sizes, read from the end of the file. */
function centralDirectory(fd: number, size: number): { entries: Entry[]; cdOffset: number } {
  const tailLength = Math.min(size, 22 + 0xffff);
  const tail = readAt(fd, size - tailLength, tailLength);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) if (tail.readUInt32LE(i) === EOCD) { at = i; break; }
  if (at < 0) throw notXlsx('no zip directory');
  const count = tail.readUInt16LE(at + 10);
  const cdSize = tail.readUInt32LE(at + 12);
  const cdOffset = tail.readUInt32LE(at + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw tooBig('zip64 archive');
  if (count > XLSX_LIMITS.entries) throw tooBig(`${count} entries`);
  if (cdOffset + cdSize > size) throw notXlsx('truncated zip directory');
  const cd = readAt(fd, cdOffset, cdSize);
  const entries: Entry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CEN) throw notXlsx('damaged zip directory');
    const nameLength = cd.readUInt16LE(p + 28);
    entries.push({
      flags: cd.readUInt16LE(p + 8),
      method: cd.readUInt16LE(p + 10),
      csize: cd.readUInt32LE(p + 20),
      usize: cd.readUInt32LE(p + 24),
      offset: cd.readUInt32LE(p + 42),
      name: cd.toString('utf8', p + 46, p + 46 + nameLength),
      dataStart: 0,
      scan: false,
    });
    p += 46 + nameLength + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
  }
  return { entries, cdOffset };
}

/** Refuses on the declared sizes alone: per entry, in total, and the compression ratio. */
function checkDeclared(entries: Entry[]): void {
  let total = 0;
  for (const e of entries) {
    if (e.method !== 0 && e.method !== 8) throw notXlsx(`${e.name}: compression method ${e.method}`);
    if (e.csize === 0xffffffff || e.usize === 0xffffffff) throw tooBig('zip64 entry');
    const limit = e.name === 'xl/sharedStrings.xml' ? XLSX_LIMITS.sharedStringsBytes : XLSX_LIMITS.entryBytes;
    if (e.usize > limit) throw tooBig(`${e.name} inflates to ${e.usize} bytes`);
    if (e.usize > XLSX_LIMITS.ratioFrom && e.usize > e.csize * XLSX_LIMITS.ratio) throw tooBig(`${e.name} is compressed ${Math.round(e.usize / Math.max(e.csize, 1))} times`);
    total += e.usize;
  }
  if (total > XLSX_LIMITS.totalBytes) throw tooBig(`${total} bytes in all`);
}

/**
 * Inflates one entry's data, counting the bytes: past its declared size it stops (a zip
 * whose directory lies about sizes). Entries whose size follows the data (a data descriptor)
 * must not hold the descriptor's signature earlier: a streaming reader would cut them there.
 */
async function inflateCounting(path: string, e: Entry): Promise<void> {
  if (e.csize === 0) {
    if (e.usize !== 0) throw notXlsx(`${e.name}: empty data`);
    return;
  }
  let seen = 0;
  let inflated = 0;
  async function* compressed(chunks: AsyncIterable<Buffer>) {
    let prev = Buffer.alloc(0);
    for await (const chunk of chunks) {
      if (e.scan) {
        const window = Buffer.concat([prev, chunk]);
        if (window.indexOf(DESCRIPTOR) >= 0) throw notXlsx(`${e.name}: unusual zip layout`);
        prev = window.subarray(Math.max(0, window.length - 3));
      }
      seen += chunk.length;
      yield chunk;
    }
  }
  async function count(chunks: AsyncIterable<Buffer>) {
    for await (const out of chunks) {
      inflated += out.length;
      if (inflated > e.usize) throw tooBig(`${e.name} inflates past its declared ${e.usize} bytes`);
    }
  }
  const source = fs.createReadStream(path, { start: e.dataStart, end: e.dataStart + e.csize - 1 });
  try {
    if (e.method === 8) await pipeline(source, compressed, createInflateRaw(), count);
    else await pipeline(source, compressed, count);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw notXlsx(`${e.name}: ${(err as Error).message}`);
  }
  if (seen !== e.csize || inflated !== e.usize) throw notXlsx(`${e.name}: sizes do not match its data`);
}

/**
 * Checks an uploaded .xlsx before it is stored or parsed: the central directory's declared
 * sizes first (a bomb is refused without inflating a byte), then every entry in file order,
 * as a streaming reader meets them, inflated with a byte counter; local headers must agree
 * with the directory and leave no hidden bytes between entries.
 */
export async function checkXlsx(path: string): Promise<void> {
  const fd = fs.openSync(path, 'r');
  let entries: Entry[];
  let cdOffset: number;
  try {
    const size = fs.fstatSync(fd).size;
    ({ entries, cdOffset } = centralDirectory(fd, size));
    checkDeclared(entries);
    entries.sort((a, b) => a.offset - b.offset);
    let pos = 0;
    for (const e of entries) {
      if (e.offset !== pos) throw notXlsx('unexpected bytes between entries');
      const h = readAt(fd, pos, 30);
      if (h.length < 30 || h.readUInt32LE(0) !== LOC) throw notXlsx(`${e.name}: damaged entry`);
      const nameLength = h.readUInt16LE(26);
      const name = readAt(fd, pos + 30, nameLength).toString('utf8');
      const flags = h.readUInt16LE(6);
      const localCsize = h.readUInt32LE(18);
      const descriptor = (flags & 0x08) !== 0;
      if (name !== e.name || h.readUInt16LE(8) !== e.method) throw notXlsx(`${e.name}: entry does not match the zip directory`);
      if (!(descriptor && localCsize === 0) && localCsize !== e.csize) throw notXlsx(`${e.name}: entry does not match the zip directory`);
      if (!descriptor && h.readUInt32LE(22) !== e.usize) throw notXlsx(`${e.name}: entry does not match the zip directory`);
      const dataStart = pos + 30 + nameLength + h.readUInt16LE(28);
      e.dataStart = dataStart;
      e.scan = descriptor && localCsize === 0;
      pos = dataStart + e.csize;
      if (descriptor) pos += readAt(fd, pos, 4).equals(DESCRIPTOR) ? 16 : 12;
    }
    if (pos !== cdOffset) throw notXlsx('unexpected bytes before the zip directory');
  } finally {
    fs.closeSync(fd);
  }
  for (const e of entries) await inflateCounting(path, e);
}
