import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../http/errors.ts';

/** An upload held in a temporary file until it has been checked; `remove` deletes it. */
export interface SpooledUpload {
  path: string;
  size: number;
  remove(): void;
}

export interface SpoolChecks {
  /** Larger uploads are refused (413) as soon as the limit is passed. */
  maxBytes?: number;
  /** How many first bytes `head` wants. */
  headBytes?: number;
  /** Sees the first bytes once (fewer if the file is shorter); throws to refuse. */
  head?: (first: Buffer) => void;
  /** Sees every chunk (an encoding sniffer). */
  chunk?: (data: Buffer) => void;
}

const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

/**
 * Receives an upload into a temporary file (never into memory), checking it on the way: a
 * refusal stops reading, removes the file and stores nothing anywhere.
 */
export async function spoolToTemp(source: AsyncIterable<Buffer>, checks: SpoolChecks = {}): Promise<SpooledUpload> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guanxi-upload-'));
  const file = path.join(dir, 'upload');
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  const want = checks.head ? (checks.headBytes ?? 16) : 0;
  let head: Buffer | null = want ? Buffer.alloc(0) : null;
  let size = 0;
  // Opened before reading, so a refusal of the first chunk never races the stream's own open.
  const out = fs.createWriteStream(file, { fd: fs.openSync(file, 'w') });
  let failed: Error | null = null;
  out.on('error', (e) => (failed = e));
  try {
    for await (const chunk of source) {
      size += chunk.length;
      if (checks.maxBytes !== undefined && size > checks.maxBytes) throw new AppError('payload_too_large', `The file is larger than ${mb(checks.maxBytes)}`);
      if (head) {
        head = Buffer.concat([head, chunk]);
        if (head.length >= want) {
          checks.head!(head.subarray(0, want));
          head = null;
        }
      }
      checks.chunk?.(chunk);
      if (failed) throw failed;
      if (!out.write(chunk)) await new Promise((r) => out.once('drain', r));
    }
    if (head) checks.head!(head);
    await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  } catch (e) {
    out.destroy();
    remove();
    throw e;
  }
  return { path: file, size, remove };
}
