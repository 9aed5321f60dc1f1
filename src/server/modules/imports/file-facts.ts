import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { fieldIndex } from '../../records/validate.ts';
import { dateOrderEvidence, type DateOrder } from '../../records/typed-formats.ts';
import { EncodingSniffer, type Encoding } from './encoding.ts';
import { readFile } from '../../core/file-store.ts';
import { readRows, type ImportFormat } from './readers.ts';
import type { ImportPlan } from './pipeline.ts';

/** The encoding of a stored CSV, from every one of its bytes (one streaming pass). */
export async function detectStoredEncoding(db: Kysely<DB>, fileId: number): Promise<Encoding> {
  const sniffer = new EncodingSniffer();
  for await (const chunk of readFile(db, fileId) as AsyncIterable<Buffer>) sniffer.update(chunk);
  return sniffer.finish();
}

/**
 * The day/month order of a file's numeric dates (3/5/2024), one for the whole file: day first
 * if any cell of a mapped date column has a first part above 12; otherwise month first if
 * any has a second part above 12; otherwise day first (the order of most of the world; year-
 * first forms such as 2024-03-05 or 2024/3/5 are never ambiguous). Reads the file up to the
 * first proof of day-first, only when a date field is mapped.
 */
export async function dateOrderOf(db: Kysely<DB>, imp: { file_id: number; format: ImportFormat; encoding: string | null }, plan: ImportPlan): Promise<DateOrder> {
  const byKey = fieldIndex(plan.fields);
  const dates = plan.columns.filter((c) => ['date', 'datetime'].includes(byKey.get(c.key)?.type ?? '')).map((c) => c.index);
  if (!dates.length) return 'dmy';
  let monthFirst = false;
  const stream = readFile(db, imp.file_id);
  try {
    let header = true;
    for await (const r of readRows(stream, imp.format, { encoding: imp.encoding })) {
      if (header) { header = false; continue; }
      for (const i of dates) {
        const e = dateOrderEvidence(r.cells[i] ?? '');
        if (e === 'dmy') return 'dmy';
        if (e === 'mdy') monthFirst = true;
      }
    }
  } finally {
    stream.destroy();
  }
  return monthFirst ? 'mdy' : 'dmy';
}
