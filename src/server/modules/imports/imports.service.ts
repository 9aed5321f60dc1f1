import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { canDo, requireDo, type Actor } from '../../core/access.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { allFields } from '../../records/fields.ts';
import { withOptionLabels } from '../../records/labels.ts';
import { getObject, objectNames } from '../../records/registry.ts';
import { loadActor } from '../auth/auth.service.ts';
import type { JobContext } from '../../jobs/queue.ts';
import { readFile } from '../../core/file-store.ts';
import { formatOf, readRows, type ImportFormat } from './readers.ts';
import { writeAudit } from '../../core/audit.ts';
import { suggestMapping } from './mapping.ts';
import { batchKeys, completeRow, createTarget, loadColumns, newImportState, planColumns, prepareRow, resolveBatch, type DuplicateMode, type ImportPlan, type ImportWarning, type PreparedRow, type RowError } from './pipeline.ts';
import { writeBatch } from './write-batch.ts';
import type { ObjectDef } from '../../records/types.ts';
import { deliverSoon, writeEvents } from '../../core/events.ts';
import { dateOrderOf, detectStoredEncoding } from './file-facts.ts';
import { BatchWriter } from './batch-writer.ts';
import { warmNormalizer } from '../../text/normalize.ts';
import { orgCurrency } from '../../records/money.ts';
import { VACUUM_AFTER_IMPORT_ROWS, vacuumSoon } from '../../jobs/vacuum.ts';

/** The objects that declare how they are imported (ObjectDef `import`), in registration order. */
export function importable(): string[] {
  return objectNames().filter((n) => getObject(n).import);
}

/** Refuses an object that is not importable (also the answer for an unknown name). */
export function assertImportable(object: string | undefined): void {
  const names = importable();
  if (!object || !names.includes(object)) throw new AppError('validation_failed', `object must be one of ${names.join(', ')}`, [{ field: 'object', message: 'Unknown object', code: 'unknown_object' }]);
}
export const IMPORT_JOB = 'import.run';

/** Whether the role may import into some object (checked before an upload is read). */
export function mayImportSome(actor: Actor): boolean {
  return importable().some((o) => canDo(actor, getObject(o), 'import'));
}

/** An importable object the role may import into, else 400 (unknown object) or 403. */
export function requireImportOf(actor: Actor, object: string | undefined): void {
  assertImportable(object);
  requireDo(actor, getObject(object!), 'import');
}
/** Rows per batch (one transaction). Exported for the tests. */
export const BATCH = 2000;
const ANALYZE_MIN_ROWS = 2 * BATCH;
const CHECKPOINT_ROWS = 50_000;
const YIELD_ROWS = 100;
/** Batches written at once on PostgreSQL (see batch-writer.ts); 2 cores: the reader and two writers. */
const WRITERS = 2;
const PREVIEW_ROWS = 20;
const DRY_RUN_ROWS = 1000;

export async function getImport(db: Kysely<DB>, actor: Actor, id: number) {
  const row = await db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || (row.created_by !== actor.id && !actor.permissions.can?.admin)) throw notFound('Import');
  return row;
}

/** Reads the header and the first rows of a stored file for the mapping step. */
export async function inspect(db: Kysely<DB>, fileId: number, format: ImportFormat, object: string, actor: Actor, encoding: string | null = null) {
  const rows: string[][] = [];
  const stream = readFile(db, fileId);
  try {
    for await (const r of readRows(stream, format, { encoding })) {
      rows.push(r.cells);
      if (rows.length > PREVIEW_ROWS) break;
    }
  } catch (e) {
    throw new AppError('validation_failed', `The file cannot be read as ${format.toUpperCase()}: ${(e as Error).message}`);
  } finally {
    stream.destroy();
  }
  if (!rows.length) throw new AppError('validation_failed', 'The file is empty');
  const headers = rows[0]!.map((h, i) => h.trim() || `column_${i + 1}`);
  const fields = await allFields(db, getObject(object));
  return { headers, preview: rows.slice(1), suggested_mapping: suggestMapping(headers, fields.filter((f) => actor.permissions.field_rules?.[object]?.[f.key] === undefined), getObject(object)) };
}

async function planFor(db: Kysely<DB>, imp: Record<string, any>, actor: Actor, mapping: Record<string, string | null>, mode: DuplicateMode): Promise<ImportPlan> {
  const def = getObject(imp.object);
  // Option labels filled in: a readable export's '潜在客户' reads back as its option.
  const fields = withOptionLabels(def, await allFields(db, def));
  return { def, fields, actor, ...planColumns(imp.headers as string[], mapping, fields, def, actor), duplicateMode: mode, dateOrder: imp.date_order ?? undefined, orgCurrency: await orgCurrency(db) };
}

/** The file's day/month order (see dateOrderOf), decided once and kept with the import. */
async function withDateOrder(db: Kysely<DB>, imp: Record<string, any>, plan: ImportPlan, save: boolean): Promise<void> {
  if (plan.dateOrder) return;
  plan.dateOrder = await dateOrderOf(db, imp as { file_id: number; format: ImportFormat; encoding: string | null }, plan);
  if (save) await db.updateTable('imports').set({ date_order: plan.dateOrder }).where('id', '=', imp.id).execute();
}

/** Changes the encoding of an import not started yet: its headers and samples are read again. */
export async function setEncoding(db: Kysely<DB>, actor: Actor, id: number, encoding: string | null) {
  const imp = await getImport(db, actor, id);
  if (imp.status !== 'uploaded') throw new AppError('conflict', `This import is ${imp.status} already`);
  if (imp.format !== 'csv') throw new AppError('validation_failed', 'Only CSV files have an encoding', [{ field: 'encoding', message: 'Not a CSV file', code: 'not_csv' }]);
  const chosen = encoding ?? (await detectStoredEncoding(db, imp.file_id));
  const info = await inspect(db, imp.file_id, imp.format, imp.object, actor, chosen);
  const row = await db.updateTable('imports').set({ encoding: chosen, headers: JSON.stringify(info.headers) }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  return { ...row, preview: info.preview, suggested_mapping: info.suggested_mapping };
}

/** Registers an uploaded (stored) file as an import and reads its header and first rows. */
export async function createImport(
  db: Kysely<DB>, actor: Actor, object: string, upload: { id: number; size: number; name: string }, encoding: string | null = null,
): Promise<Record<string, any> & { id: number; preview: string[][]; suggested_mapping: Record<string, string | null> }> {
  requireImportOf(actor, object);
  const format = formatOf(upload.name);
  if (!format) throw new AppError('validation_failed', 'Upload a .csv or .xlsx file', [{ field: 'file', message: 'Unsupported file type', code: 'unsupported_file' }]);
  // Files checked on the way in (upload-check.ts) come with the encoding of all their bytes.
  if (format === 'csv' && !encoding) encoding = await detectStoredEncoding(db, upload.id);
  const info = await inspect(db, upload.id, format, object, actor, encoding);
  const imp: Record<string, any> = await db
    .insertInto('imports')
    .values({ object, file_id: upload.id, file_name: upload.name, format, encoding, headers: JSON.stringify(info.headers), created_by: actor.id })
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeAudit(db, { actorId: actor.id, action: 'import', object, recordId: null, changes: { import_id: imp.id, file: upload.name, size: upload.size } });
  return { ...imp, id: imp.id as number, preview: info.preview, suggested_mapping: info.suggested_mapping };
}

/** Dry run over the first rows: what would be rejected, and why. */
export async function validateImport(db: Kysely<DB>, actor: Actor, id: number, mapping: Record<string, string | null>, mode: DuplicateMode) {
  const imp = await getImport(db, actor, id);
  const plan = await planFor(db, imp, actor, mapping, mode);
  await withDateOrder(db, imp, plan, false);
  const errors: RowError[] = [];
  const warnings: ImportWarning[] = [];
  let checked = 0;
  const stream = readFile(db, imp.file_id);
  try {
    let header = true;
    for await (const r of readRows(stream, imp.format, { encoding: imp.encoding })) {
      if (header) { header = false; continue; }
      const p = prepareRow(plan, r);
      if ('reason' in p) errors.push(p);
      else if (p.warnings) warnings.push(...p.warnings);
      if (++checked >= DRY_RUN_ROWS) break;
    }
  } finally {
    stream.destroy();
  }
  return { rows_checked: checked, date_order: plan.dateOrder ?? null, errors: errors.slice(0, 200), warnings: warnings.slice(0, 200) };
}

export async function startImport(db: Kysely<DB>, enqueue: (name: string, p: Record<string, unknown>) => Promise<number>, actor: Actor, id: number, mapping: Record<string, string | null>, mode: DuplicateMode) {
  const imp = await getImport(db, actor, id);
  requireImportOf(actor, imp.object);
  if (imp.status !== 'uploaded') throw new AppError('conflict', `This import is ${imp.status} already`);
  await planFor(db, imp, actor, mapping, mode);
  await db.updateTable('imports').set({ status: 'queued', mapping: JSON.stringify(mapping), duplicate_mode: mode }).where('id', '=', id).execute();
  await enqueue(IMPORT_JOB, { import_id: id });
  return getImport(db, actor, id);
}

/** Thrown when the job was asked to stop (its signal aborted): the import stays resumable. */
export class ImportInterrupted extends Error {
  constructor() {
    super('the import was interrupted; it resumes after its last committed batch');
  }
}

/**
 * The import job. Each batch commits its rows, errors and progress together, so after a
 * crash the job resumes after the last committed row and no row is imported twice.
 *
 * Batches are written one after the other (each in its own transaction). On PostgreSQL the
 * next batch is read, validated and given its search documents while the previous one is
 * being written, so the application's CPU work and the server's overlap (PGlite runs in this
 * thread: there it waits).
 */
export async function runImport(db: Kysely<DB>, importId: number, job: JobContext): Promise<void> {
  const imp = await db.selectFrom('imports').selectAll().where('id', '=', importId).executeTakeFirst();
  if (!imp || imp.status === 'done' || imp.status === 'failed') return;
  const actor = await loadActor(db, imp.created_by);
  if (!actor) throw new Error('the user who started the import no longer exists');
  try {
    const plan = await planFor(db, imp, actor, imp.mapping, imp.duplicate_mode);
    await withDateOrder(db, imp, plan, true);
    warmNormalizer();
    if (imp.started_at === null) {
      await db.updateTable('imports').set({ status: 'running', started_at: new Date() }).where('id', '=', importId).execute();
    }
    // CSV: the total is estimated from the bytes read so far and the file's size (reading the
    // file once more only to count it cost as much as a third of the import); Excel files are
    // counted first, as their compressed size says little about their rows.
    let fileSize = 0;
    if (imp.format === 'csv') {
      fileSize = Number((await db.selectFrom('files').select('size').where('id', '=', imp.file_id).executeTakeFirst())?.size ?? 0);
    } else if (imp.total_rows === null) {
      const total = await countRows(db, imp.file_id, imp.format);
      await db.updateTable('imports').set({ total_rows: total }).where('id', '=', importId).execute();
      await job.heartbeat();
    }
    const maintenance = await maintenanceFor(db, plan.def);
    const skip = imp.processed_rows as number;
    const state = newImportState();
    await loadColumns(db, state, plan.def);
    let seen = 0;
    let bytes = 0;
    let batch: PreparedRow[] = [];
    let errors: RowError[] = [];
    let warnings: ImportWarning[] = [];
    let batchRows = 0;
    // PGlite runs in this thread: one batch at a time. `update` locks existing records, which
    // two batches written at once could take in opposite orders: one at a time too.
    const writer = new BatchWriter({ writers: maintenance.pglite || plan.duplicateMode === 'update' ? 1 : WRITERS });
    const write = async (rows: PreparedRow[], dropped: PreparedRow[], rowErrors: RowError[], rowWarnings: ImportWarning[], n: number, total: number | null, prev: Promise<void>, narrow: (keys: Set<string>) => void) => {
      let created = 0;
      await db.transaction().execute(async (trx) => {
        // Committed after the batch before it, or not at all (see batch-writer.ts).
        const r = await writeBatch(trx, plan, rows, state, importId, prev, narrow, dropped);
        created = r.created;
        const allErrors = [...rowErrors, ...r.errors];
        const recordErrors = allErrors.length
          ? sql`errs AS (INSERT INTO import_errors (import_id, line, reason, issues)
              SELECT ${importId}::bigint, u.l, u.r, u.i::jsonb FROM unnest(${sql.val(allErrors.map((e) => e.line))}::int[], ${sql.val(allErrors.map((e) => e.reason))}::text[],
                ${sql.val(allErrors.map((e) => (e.issues?.length ? JSON.stringify(e.issues.map(({ field, code, message }) => ({ field, code, message }))) : null)))}::text[]) AS u(l, r, i)
              ON CONFLICT DO NOTHING)`
          : null;
        const sk = r.skippedRows;
        const recordSkipped = sk.length
          ? sql`skips AS (INSERT INTO import_skipped (import_id, line, record_id, record_title, reason)
              SELECT ${importId}::bigint, * FROM unnest(${sql.val(sk.map((s) => s.line))}::int[], ${sql.val(sk.map((s) => s.recordId))}::bigint[],
                ${sql.val(sk.map((s) => s.title))}::text[], ${sql.val(sk.map((s) => s.reason))}::text[])
              ON CONFLICT DO NOTHING)`
          : null;
        const recordWarnings = rowWarnings.length
          ? sql`warns AS (INSERT INTO import_warnings (import_id, line, field, reason, code)
              SELECT ${importId}::bigint, * FROM unnest(${sql.val(rowWarnings.map((w) => w.line))}::int[], ${sql.val(rowWarnings.map((w) => w.field))}::text[], ${sql.val(rowWarnings.map((w) => w.reason))}::text[],
                ${sql.val(rowWarnings.map((w) => w.code ?? null))}::text[])
              ON CONFLICT DO NOTHING)`
          : null;
        const ctes = [recordErrors, recordSkipped, recordWarnings].filter((c) => c !== null);
        await sql`${ctes.length ? sql`WITH ${sql.join(ctes)} ` : sql``}UPDATE imports SET processed_rows = processed_rows + ${n}, created = created + ${r.created},
          warned = warned + ${rowWarnings.length}, updated = updated + ${r.updated}, skipped = skipped + ${r.skipped}, failed = failed + ${allErrors.length}
          ${total === null ? sql`` : sql`, total_rows = GREATEST(${total}::int, processed_rows + ${n})`} WHERE id = ${importId}`.execute(trx);
        await writeEvents(trx, r.events);
      });
      deliverSoon();
      return created;
    };
    const afterBatch = async (created: number) => {
      await job.heartbeat();
      await maintenance.afterBatch(created);
    };
    const flush = async () => {
      if (!batchRows) return;
      const total = fileSize && bytes ? Math.round((seen * fileSize) / bytes) : null;
      const rows = batch;
      const rowErrors = errors;
      const rowWarnings = warnings;
      const n = batchRows;
      batch = [];
      errors = [];
      warnings = [];
      batchRows = 0;
      // Duplicate mode `skip`: a row sharing a key with a batch still being written duplicates
      // the record that batch leaves; skipped here, the two batches can be written side by side.
      let kept = rows;
      let dropped: PreparedRow[] = [];
      if (plan.duplicateMode === 'skip') {
        const taken = await writer.creating(batchKeys(rows));
        if (taken.size) {
          kept = rows.filter((r) => !r.keys!.some((k) => taken.has(k)));
          dropped = rows.filter((r) => r.keys!.some((k) => taken.has(k)));
        }
      }
      const resolved = await resolveBatch(db, plan, state, kept);
      rowErrors.push(...resolved.errors);
      const ok = resolved.rows;
      await writer.start(batchKeys(ok), (prev, narrow) => write(ok, dropped, rowErrors, rowWarnings, n, total, prev, narrow), afterBatch);
      // PGlite runs in this thread: nothing to overlap, and a batch less in memory.
      if (maintenance.pglite) await writer.finish();
    };
    const stream = readFile(db, imp.file_id);
    try {
      let header = true;
      for await (const r of readRows(stream, imp.format, { encoding: imp.encoding })) {
        if (header) { header = false; continue; }
        seen++;
        if (r.bytes) bytes = r.bytes;
        if (seen <= skip) continue;
        const p = prepareRow(plan, r);
        if ('reason' in p) errors.push(p);
        else {
          if (p.warnings) warnings.push(...p.warnings);
          batch.push(completeRow(plan, state, p, r.cells));
        }
        if (++batchRows >= BATCH) {
          await flush();
          // Stopped (SIGTERM): what was read is committed batch by batch; the rest waits for the job to be resumed.
          if (job.signal?.aborted) throw new ImportInterrupted();
        }
        // A 1 MB chunk holds thousands of rows, all parsed without waiting: let the batches being
        // written proceed (their next statements) instead of waiting for the whole chunk.
        else if (batchRows % YIELD_ROWS === 0) await new Promise(setImmediate);
      }
      await flush();
    } catch (e) {
      await writer.drain();
      throw e;
    } finally {
      stream.destroy();
    }
    await writer.finish();
    await maintenance.done();
    const done = await db.updateTable('imports').set({ status: 'done', finished_at: new Date(), total_rows: sql<number>`processed_rows` })
      .where('id', '=', importId).returning('total_rows').executeTakeFirst();
    // A large import leaves dead rows and index entries behind (PGlite has no autovacuum).
    if (Number(done?.total_rows ?? 0) >= VACUUM_AFTER_IMPORT_ROWS) await vacuumSoon(db);
  } catch (e) {
    if (e instanceof ImportInterrupted) throw e;
    await db.updateTable('imports').set({ status: 'failed', error: String((e as Error).message).slice(0, 1000), finished_at: new Date() }).where('id', '=', importId).execute();
  }
}

/**
 * Planner statistics and (PGlite) checkpoints during a long import. Without statistics the
 * duplicate lookups of each batch are planned as full scans (quadratic over the import), and
 * PGlite has no autovacuum; the key columns are analysed each time the table has doubled.
 * PGlite has no checkpointer either: without a CHECKPOINT its WAL grows with the import.
 */
async function maintenanceFor(db: Kysely<DB>, def: ObjectDef) {
  const table = def.name;
  // The identity key columns (the duplicate lookups), and the table of the records a name
  // column creates (small: whole, else a column list would skip an expression index's statistics).
  const keyColumns = sql`(${sql.join([...new Set((def.import?.identity ?? []).map((i) => i.column))].map((c) => sql.ref(c)))})`;
  const linkedTable = createTarget(def);
  const { rows: [info] } = await sql<{ tuples: number; pglite: boolean }>`SELECT greatest(reltuples, 0)::float8 AS tuples, version() LIKE '%PGlite%' AS pglite
    FROM pg_class WHERE oid = to_regclass(${table})`.execute(db);
  let analyzed = info?.tuples ?? 0;
  let sinceAnalyze = 0;
  let sinceCheckpoint = 0;
  const target = sql.table(table);
  return {
    pglite: Boolean(info?.pglite),
    async afterBatch(created: number) {
      sinceAnalyze += created;
      sinceCheckpoint += created;
      if (sinceAnalyze >= Math.max(ANALYZE_MIN_ROWS, analyzed)) {
        await sql`ANALYZE ${target} ${keyColumns}`.execute(db);
        if (linkedTable) await sql`ANALYZE ${sql.table(linkedTable)}`.execute(db);
        analyzed += sinceAnalyze;
        sinceAnalyze = 0;
      }
      if (info?.pglite && sinceCheckpoint >= CHECKPOINT_ROWS) {
        await sql`CHECKPOINT`.execute(db);
        sinceCheckpoint = 0;
      }
    },
    async done() {
      // PGlite: every column analysed once at the end, as autovacuum would do on PostgreSQL.
      if (info?.pglite && analyzed + sinceAnalyze > 0) {
        await sql`ANALYZE ${target}`.execute(db);
        if (linkedTable) await sql`ANALYZE ${sql.table(linkedTable)}`.execute(db);
      }
    },
  };
}

async function countRows(db: Kysely<DB>, fileId: number, format: ImportFormat): Promise<number> {
  let n = -1;
  for await (const _ of readRows(readFile(db, fileId), format)) n++;
  return Math.max(n, 0);
}
