import path from 'node:path';
import { AppError } from '../../http/errors.ts';

/**
 * The files a record may carry: documents, images and archives, by extension, each with the
 * first bytes its format starts with where it has a signature. The stored content type comes
 * from this table, never from the client, and downloads are always sent as attachments.
 */
interface Kind { type: string; magic?: Buffer[] }

const b = (...bytes: number[]) => Buffer.from(bytes);
const s = (text: string) => Buffer.from(text, 'latin1');
const ZIP = [b(0x50, 0x4b, 0x03, 0x04), b(0x50, 0x4b, 0x05, 0x06)];
const OLE = [b(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)];
const JPEG = [b(0xff, 0xd8, 0xff)];
const TIFF = [s('II*\0'), s('MM\0*')];

const KINDS: Record<string, Kind> = {
  pdf: { type: 'application/pdf', magic: [s('%PDF-')] },
  doc: { type: 'application/msword', magic: OLE },
  xls: { type: 'application/vnd.ms-excel', magic: OLE },
  ppt: { type: 'application/vnd.ms-powerpoint', magic: OLE },
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: ZIP },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: ZIP },
  pptx: { type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', magic: ZIP },
  odt: { type: 'application/vnd.oasis.opendocument.text', magic: ZIP },
  ods: { type: 'application/vnd.oasis.opendocument.spreadsheet', magic: ZIP },
  odp: { type: 'application/vnd.oasis.opendocument.presentation', magic: ZIP },
  rtf: { type: 'application/rtf', magic: [s('{\\rtf')] },
  txt: { type: 'text/plain' },
  csv: { type: 'text/csv' },
  md: { type: 'text/markdown' },
  eml: { type: 'message/rfc822' },
  png: { type: 'image/png', magic: [b(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)] },
  jpg: { type: 'image/jpeg', magic: JPEG },
  jpeg: { type: 'image/jpeg', magic: JPEG },
  gif: { type: 'image/gif', magic: [s('GIF87a'), s('GIF89a')] },
  webp: { type: 'image/webp', magic: [s('RIFF')] },
  bmp: { type: 'image/bmp', magic: [s('BM')] },
  tif: { type: 'image/tiff', magic: TIFF },
  tiff: { type: 'image/tiff', magic: TIFF },
  heic: { type: 'image/heic' },
  zip: { type: 'application/zip', magic: ZIP },
  '7z': { type: 'application/x-7z-compressed', magic: [b(0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c)] },
  rar: { type: 'application/vnd.rar', magic: [s('Rar!\x1a\x07')] },
  gz: { type: 'application/gzip', magic: [b(0x1f, 0x8b)] },
  tar: { type: 'application/x-tar' },
};

/** Programs, whatever their name says: Windows PE, ELF, Mach-O (and fat binaries), scripts. */
const EXECUTABLE = [s('MZ'), b(0x7f, 0x45, 0x4c, 0x46), b(0xfe, 0xed, 0xfa, 0xce), b(0xfe, 0xed, 0xfa, 0xcf), b(0xce, 0xfa, 0xed, 0xfe), b(0xcf, 0xfa, 0xed, 0xfe), b(0xca, 0xfe, 0xba, 0xbe), s('#!')];

/** How many first bytes the checks need. */
export const SNIFF_BYTES = 16;

const refuse = (message: string, code: string) => new AppError('validation_failed', message, [{ field: 'file', message, code }]);

export const ALLOWED_EXTENSIONS = Object.keys(KINDS);

/** The extension of an allowed content type (a mail part without a file name), or null. */
export function extensionForType(contentType: string): string | null {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return Object.keys(KINDS).find((ext) => KINDS[ext]!.type === type) ?? null;
}

/** The kind of a file name, or a refusal naming the allowed types (checked before any byte is read). */
export function kindOrRefuse(name: string): Kind {
  const ext = path.extname(name).slice(1).toLowerCase();
  const kind = Object.hasOwn(KINDS, ext) ? KINDS[ext] : undefined;
  if (!kind) throw refuse(`Files of this type cannot be attached (allowed: ${ALLOWED_EXTENSIONS.join(', ')})`, 'unsupported_file');
  return kind;
}

/** The first bytes must not be a program, and must be the format the name says where it has a signature. */
export function checkFirstBytes(kind: Kind, head: Buffer): void {
  const startsWith = (m: Buffer) => head.length >= m.length && head.subarray(0, m.length).equals(m);
  if (EXECUTABLE.some(startsWith)) throw refuse('Programs cannot be attached', 'executable_file');
  if (kind.magic && !kind.magic.some(startsWith)) throw refuse('The file\'s content does not match its type', 'content_mismatch');
}
