/**
 * The text encoding of an uploaded CSV, decided from the WHOLE file's bytes in one streaming
 * pass (a file's first 64 KB can be plain ASCII while its Chinese or accented names start
 * later). Candidates are what spreadsheet programs actually write: UTF-8 (with or without a
 * BOM), UTF-16 ("Unicode text" from Excel), GB18030 (Chinese Excel) and Windows-1252
 * (Excel in Western Europe and the Americas).
 */

import { IMPORT_ENCODINGS, type ImportEncoding } from '../../../shared/imports.ts';

/** Encodings a user may choose (the import API's `encoding`, the wizard, `--encoding`). */
export const ENCODINGS = IMPORT_ENCODINGS;
export type Encoding = ImportEncoding;

export function isEncoding(s: unknown): s is Encoding {
  return typeof s === 'string' && (ENCODINGS as readonly string[]).includes(s);
}

/**
 * Statistics over every byte of a file:
 * - UTF-8: complete multi-byte sequences vs invalid bytes. A file with no invalid byte is
 *   UTF-8; one whose valid sequences outnumber its invalid bytes is UTF-8 with stray bytes
 *   (they decode to U+FFFD and those rows are rejected, never stored as garbage). GB18030 and
 *   Windows-1252 text form valid UTF-8 sequences only by accident (well under one in five
 *   characters), so they never reach that ratio.
 * - GB18030 vs Windows-1252, looking at each run of consecutive bytes >= 0x80: Chinese text
 *   comes as even runs of GB2312 pairs (lead A1–F7, trail A1–FE); accented Latin text as
 *   runs of one or two bytes between ASCII letters ("M\xE9xico"). GB18030 decodes "\xE9x" as
 *   閤, which is how "México" became "M閤ico": such a lone byte votes for Windows-1252.
 */
export class EncodingSniffer {
  private start: number[] = [];
  private need = 0;
  private utf8Valid = 0;
  private utf8Invalid = 0;
  private high = 0;
  private run = 0;
  private runGb = true;
  private gbVotes = 0;
  private latinVotes = 0;

  update(chunk: Uint8Array): void {
    if (this.start.length < 3) for (let i = 0; i < chunk.length && this.start.length < 3; i++) this.start.push(chunk[i]!);
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      this.utf8(b);
      if (b < 0x80) {
        this.closeRun();
        continue;
      }
      this.high++;
      const ok = this.run % 2 === 0 ? b >= 0xa1 && b <= 0xf7 : b >= 0xa1 && b <= 0xfe;
      this.runGb &&= ok;
      this.run++;
    }
  }

  private utf8(b: number): void {
    if (this.need > 0) {
      if ((b & 0xc0) === 0x80) {
        if (--this.need === 0) this.utf8Valid++;
        return;
      }
      this.need = 0;
      this.utf8Invalid++;
    }
    if (b < 0x80) return;
    if (b >= 0xc2 && b <= 0xdf) this.need = 1;
    else if (b >= 0xe0 && b <= 0xef) this.need = 2;
    else if (b >= 0xf0 && b <= 0xf4) this.need = 3;
    else this.utf8Invalid++;
  }

  private closeRun(): void {
    if (!this.run) return;
    if (this.run % 2 === 0 && this.runGb) this.gbVotes += this.run / 2;
    else if (this.run <= 2) this.latinVotes++;
    // Longer odd runs (GBK extension characters, GB18030 four-byte forms) vote for neither.
    this.run = 0;
    this.runGb = true;
  }

  /** The encoding, once every byte has been seen. */
  finish(): Encoding {
    this.closeRun();
    const [a, b, c] = this.start;
    if (a === 0xef && b === 0xbb && c === 0xbf) return 'utf-8';
    if (a === 0xff && b === 0xfe) return 'utf-16le';
    if (a === 0xfe && b === 0xff) return 'utf-16be';
    if (this.need > 0) this.utf8Invalid++;
    this.need = 0;
    if (!this.high || !this.utf8Invalid || this.utf8Valid > this.utf8Invalid) return 'utf-8';
    return this.gbVotes > this.latinVotes ? 'gb18030' : 'windows-1252';
  }
}

/** The encoding of bytes held in memory (tests, and files stored before encodings were recorded). */
export function detectEncoding(bytes: Uint8Array): Encoding {
  const s = new EncodingSniffer();
  s.update(bytes);
  return s.finish();
}
