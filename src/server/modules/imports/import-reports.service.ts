import type { Kysely } from 'kysely';
import { stringify } from 'csv-stringify/sync';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../core/access.ts';
import { decodeCursor } from '../../records/query.ts';
import { pageOf } from '../../records/page.ts';
import { getImport } from './imports.service.ts';
import { selectErrors, selectImports, selectSkipped, selectWarnings } from './imports.repo.ts';
import { readFile } from '../../core/file-store.ts';
import { readRows, type ImportFormat } from './readers.ts';
import { LOCALES, type Locale } from '../../../shared/fields.ts';

const asLocale = (v: unknown): Locale => ((LOCALES as readonly unknown[]).includes(v) ? (v as Locale) : 'en');

const PAGE = 50;
const REPORT_ROWS = 1000;
const CSV_ROWS = 100_000;

/** The actor's imports (every import for an administrator), newest first. */
export async function listImports(db: Kysely<DB>, actor: Actor, cursor: string | undefined) {
  const before = cursor ? decodeCursor(cursor)[1] : null;
  const rows = await selectImports(db, actor.permissions.can?.admin ? null : actor.id, before, PAGE + 1);
  return pageOf(rows, PAGE, (r) => [null, r.id]);
}

/** The first rows rejected (errors) and the cells left out of imported rows (warnings). */
export async function importReport(db: Kysely<DB>, actor: Actor, id: number) {
  const imp = await getImport(db, actor, id);
  return { errors: await selectErrors(db, imp.id, REPORT_ROWS), warnings: await selectWarnings(db, imp.id, REPORT_ROWS) };
}

export type ReportFile = 'warnings' | 'skipped' | 'errors';

/** One report of an import the actor may see as CSV (with a BOM for spreadsheet programs). */
export async function importReportCsv(db: Kysely<DB>, actor: Actor, id: number, kind: ReportFile): Promise<{ importId: number; csv: string }> {
  const imp = await getImport(db, actor, id);
  let table: unknown[][];
  if (kind === 'warnings') table = [['line', 'field', 'reason'], ...(await selectWarnings(db, imp.id, CSV_ROWS)).map((r) => [r.line, r.field, r.reason])];
  else if (kind === 'skipped') table = [['line', 'record_id', 'record_title', 'reason'], ...(await selectSkipped(db, imp.id, CSV_ROWS)).map((r) => [r.line, r.record_id ?? '', r.record_title ?? '', r.reason])];
  else table = await errorRows(db, { id: imp.id, file_id: imp.file_id as number | null, format: imp.format as ImportFormat, encoding: imp.encoding as string | null }, asLocale(actor.locale));
  return { importId: imp.id, csv: '\ufeff' + stringify(table) };
}

const ERROR_HEADERS: Record<Locale, [string, string]> = { en: ['Import error', 'Line'], 'zh-CN': ['导入错误', '行号'], 'zh-TW': ['匯入錯誤', '行號'] };

/**
 * The rejected rows as they were in the file — its own header and cells, so a person fixes them
 * in Excel and imports the file again with the same mapping — then the reasons and the line
 * number in two added columns (headers in the user's language, which no field's header matches).
 * Once the uploaded file is gone (retention), only line and reason are left to give.
 */
async function errorRows(db: Kysely<DB>, imp: { id: number; file_id: number | null; format: ImportFormat; encoding: string | null }, locale: Locale): Promise<unknown[][]> {
  const errors = await selectErrors(db, imp.id, CSV_ROWS);
  const reasons = new Map<number, string[]>();
  for (const e of errors) reasons.set(e.line, [...(reasons.get(e.line) ?? []), e.reason]);
  const plain = [['line', 'reason'], ...errors.map((r) => [r.line, r.reason])];
  if (!errors.length || imp.file_id == null) return plain;
  const stream = readFile(db, imp.file_id);
  const table: unknown[][] = [];
  let width = 0;
  try {
    for await (const r of readRows(stream, imp.format, { encoding: imp.encoding })) {
      if (r.line === 1) {
        width = r.cells.length;
        table.push([...r.cells, ...ERROR_HEADERS[locale]]);
        continue;
      }
      const why = reasons.get(r.line);
      if (!why) continue;
      const cells = [...r.cells, ...Array(Math.max(0, width - r.cells.length)).fill('')];
      table.push([...cells, why.join('; '), r.line]);
      if (table.length > reasons.size) break;
    }
  } catch {
    return plain;
  } finally {
    stream.destroy();
  }
  return table.length > 1 ? table : plain;
}
