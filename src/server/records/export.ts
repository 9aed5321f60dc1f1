import { PassThrough, Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import type { DB } from '../db/schema.ts';
import { actorOf } from '../http/auth-hook.ts';
import { requireDo, type Actor } from '../core/access.ts';
import { invalid } from '../http/errors.ts';
import { visibleFields } from './fields.ts';
import type { ListParams } from './service.ts';
import { listRecords } from './list.ts';
import { listParams } from './routes.ts';
import type { ObjectDef, Row } from './types.ts';
import type { ResolvedField } from './fields.ts';
import { writeAudit } from '../core/audit.ts';
import { csvSafe } from './csv-formula.ts';
import { LOCALES } from '../../shared/fields.ts';
import { asLocale } from './labels.ts';
import { checkTimeZone, readableColumns, type ExportColumn } from './readable-export.ts';

const PAGE = 200;

/** Every visible record matching the list parameters, page by page (memory stays flat). */
export async function* iterateRecords(db: Kysely<DB>, def: ObjectDef, actor: Actor, p: ListParams): AsyncGenerator<Row> {
  let cursor: string | undefined;
  do {
    const page = await listRecords(db, def, actor, { ...p, limit: PAGE, cursor });
    yield* page.data;
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
}

/**
 * The column written beside a link or user field with the linked record's name (its title):
 * account_id → account_name, owner_id → owner_name, parent_id → parent_name, a custom link
 * `supplier` → supplier_name. Ids mean nothing in another database; the importer resolves
 * links by these names (modules/imports/import-links.ts).
 */
export function linkNameColumn(key: string): string {
  return key.endsWith('_id') ? `${key.slice(0, -3)}_name` : `${key}_name`;
}

/** The file's columns: each chosen link or user field followed by its name column. */
export function withLinkNames(columns: string[], fields: ResolvedField[]): { key: string; link?: string }[] {
  const out: { key: string; link?: string }[] = [];
  for (const k of columns) {
    out.push({ key: k });
    const f = fields.find((x) => x.key === k);
    const name = linkNameColumn(k);
    if (f && (f.type === 'user' || (f.type === 'link' && f.link)) && !columns.includes(name) && !fields.some((x) => x.key === name)) out.push({ key: name, link: k });
  }
  return out;
}

/** A cell of an exported row: a field's value, or the title of the record a link column points to. */
export function columnCell(r: Row, c: { key: string; link?: string }): string | number | boolean {
  return cell(c.link ? (r.refs as Record<string, { title?: string }> | undefined)?.[c.link]?.title : r[c.key]);
}

/** One value as a spreadsheet cell (lists joined with ';', as the importer splits them). */
export function cell(v: unknown): string | number | boolean {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join(';');
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') return JSON.stringify(v);
  return v as string | number | boolean;
}

/** The raw columns: field keys as headers, values as the API answers them, a name column after each link. */
function rawColumns(chosen: string[], fields: ResolvedField[]): ExportColumn[] {
  const money = new Set(fields.filter((f) => f.type === 'money').map((f) => f.key));
  return withLinkNames(chosen, fields).map((c) => ({ header: c.key, value: (r: Row) => columnCell(r, c), money: money.has(c.key) }));
}

/**
 * GET /<object>/export. `style=raw` (the default, for API clients): field keys and ids, as the
 * API answers; `style=readable` (the web app's button): labels in `locale` (else the user's
 * language), names, option labels, date-times in `tz` (else UTC). Either imports back.
 */
export async function exportRecords(app: FastifyInstance, def: ObjectDef, req: FastifyRequest, reply: FastifyReply) {
  const actor = actorOf(req);
  requireDo(actor, def, 'export');
  const q = req.query as Record<string, string | undefined>;
  const format = q.format ?? 'csv';
  if (format !== 'csv' && format !== 'xlsx') throw invalid([{ field: 'format', message: 'csv or xlsx', code: 'unknown_format' }]);
  const style = q.style ?? 'raw';
  if (style !== 'raw' && style !== 'readable') throw invalid([{ field: 'style', message: 'raw or readable', code: 'unknown_style' }]);
  if (q.locale && !(LOCALES as readonly string[]).includes(q.locale)) throw invalid([{ field: 'locale', message: LOCALES.join(', '), code: 'unknown_locale' }]);
  const tz = checkTimeZone(q.tz);
  const fields = await visibleFields(app.db, def, actor);
  const readable = style === 'readable';
  const wanted = q.columns ? q.columns.split(',').map((s) => s.trim()) : [...(readable ? [] : ['id']), ...fields.map((f) => f.key)];
  const chosen = wanted.filter((k) => k === 'id' || fields.some((f) => f.key === k));
  const columns = readable ? readableColumns(def, fields, chosen, asLocale(q.locale ?? actor.locale), tz) : rawColumns(chosen, fields);
  const params = listParams(req);
  delete params.cursor;
  // The file's columns are chosen above (a field the actor cannot see is left out, not refused).
  delete params.columns;
  // Validate filters and sort now, so a bad request gets a JSON error rather than a broken file.
  await listRecords(app.db, def, actor, { ...params, limit: 1 });
  await writeAudit(app.db, { actorId: actor.id, action: 'export', object: def.name, recordId: null, changes: { format, style, filters: params.filters, columns: chosen } });
  const rows = iterateRecords(app.db, def, actor, params);
  const stamp = new Date().toISOString().slice(0, 10);
  reply.header('content-disposition', `attachment; filename="${def.name}-${stamp}.${format}"`);
  if (format === 'csv') {
    reply.type('text/csv; charset=utf-8');
    // BOM: Excel opens UTF-8 CSV with Chinese text correctly only with it.
    return reply.send(Readable.from(csvLines(columns, rows)));
  }
  reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const out = new PassThrough();
  void writeXlsx(columns, rows, out, readable).catch((e) => out.destroy(e));
  return reply.send(out);
}

async function* csvLines(columns: ExportColumn[], rows: AsyncIterable<Row>) {
  yield '\ufeff' + stringify([columns.map((c) => csvSafe(c.header))]);
  let batch: unknown[][] = [];
  for await (const r of rows) {
    batch.push(columns.map((c) => csvSafe(cell(c.value(r)))));
    if (batch.length >= PAGE) {
      yield stringify(batch);
      batch = [];
    }
  }
  if (batch.length) yield stringify(batch);
}

// Money: exact text in CSV, a number cell in .xlsx (a spreadsheet sums numbers; its cells are
// doubles anyway), shown grouped with two decimals in a readable file.
async function writeXlsx(columns: ExportColumn[], rows: AsyncIterable<Row>, out: PassThrough, readable: boolean) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: readable });
  const ws = wb.addWorksheet('export');
  if (readable) ws.columns = columns.map((c) => ({ key: c.header, width: Math.min(40, Math.max(12, c.header.length * 2)), ...(c.money ? { style: { numFmt: '#,##0.00' } } : {}) }));
  ws.addRow(columns.map((c) => c.header)).commit();
  for await (const r of rows) {
    ws.addRow(columns.map((c) => {
      const v = c.value(r);
      return c.money && typeof v === 'string' && v !== '' ? Number(v.replace(/,/g, '')) : cell(v);
    })).commit();
  }
  ws.commit();
  await wb.commit();
}
