import type { Kysely } from 'kysely';
import { stringify } from 'csv-stringify/sync';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../core/access.ts';
import { decodeCursor } from '../../records/query.ts';
import { pageOf } from '../../records/page.ts';
import { getImport } from './imports.service.ts';
import { selectErrors, selectImports, selectSkipped, selectWarnings } from './imports.repo.ts';

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
  else table = [['line', 'reason'], ...(await selectErrors(db, imp.id, CSV_ROWS)).map((r) => [r.line, r.reason])];
  return { importId: imp.id, csv: '\ufeff' + stringify(table) };
}
