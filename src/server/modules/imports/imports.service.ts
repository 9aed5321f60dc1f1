import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { requireCan, type Actor } from '../../core/access.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { allFields } from '../../records/fields.ts';
import { getObject } from '../../records/registry.ts';
import { loadActor } from '../auth/auth.service.ts';
import type { JobContext } from '../../jobs/queue.ts';
import { readFile } from './file-store.ts';
import { formatOf, readRows, type ImportFormat } from './readers.ts';
import { writeAudit } from '../../core/audit.ts';
import { suggestMapping } from './mapping.ts';
import { planColumns, prepareRow, writeBatch, type DuplicateMode, type ImportPlan, type PreparedRow } from './pipeline.ts';

export const IMPORTABLE = ['contacts', 'accounts'];
export const IMPORT_JOB = 'import.run';
const BATCH = 500;
const PREVIEW_ROWS = 20;
const DRY_RUN_ROWS = 1000;

export async function getImport(db: Kysely<DB>, actor: Actor, id: number) {
  const row = await db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || (row.created_by !== actor.id && !actor.permissions.can?.admin)) throw notFound('Import');
  return row;
}

/** Reads the header and the first rows of a stored file for the mapping step. */
export async function inspect(db: Kysely<DB>, fileId: number, format: ImportFormat, object: string, actor: Actor) {
  const rows: string[][] = [];
  const stream = readFile(db, fileId);
  try {
    for await (const r of readRows(stream, format)) {
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
  return { headers, preview: rows.slice(1), suggested_mapping: suggestMapping(headers, fields.filter((f) => actor.permissions.field_rules?.[object]?.[f.key] === undefined), object) };
}

async function planFor(db: Kysely<DB>, imp: Record<string, any>, actor: Actor, mapping: Record<string, string | null>, mode: DuplicateMode): Promise<ImportPlan> {
  const def = getObject(imp.object);
  const fields = await allFields(db, def);
  return { def, fields, actor, columns: planColumns(imp.headers as string[], mapping, fields, def.name), duplicateMode: mode };
}

/** Registers an uploaded (stored) file as an import and reads its header and first rows. */
export async function createImport(
  db: Kysely<DB>, actor: Actor, object: string, upload: { id: number; size: number; name: string },
): Promise<Record<string, any> & { id: number; preview: string[][]; suggested_mapping: Record<string, string | null> }> {
  requireCan(actor, 'import');
  if (!IMPORTABLE.includes(object)) throw new AppError('validation_failed', `object must be one of ${IMPORTABLE.join(', ')}`, [{ field: 'object', message: 'Unknown object' }]);
  const format = formatOf(upload.name);
  if (!format) throw new AppError('validation_failed', 'Upload a .csv or .xlsx file', [{ field: 'file', message: 'Unsupported file type' }]);
  const info = await inspect(db, upload.id, format, object, actor);
  const imp: Record<string, any> = await db
    .insertInto('imports')
    .values({ object, file_id: upload.id, file_name: upload.name, format, headers: JSON.stringify(info.headers), created_by: actor.id })
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeAudit(db, { actorId: actor.id, action: 'import', object, recordId: null, changes: { import_id: imp.id, file: upload.name, size: upload.size } });
  return { ...imp, id: imp.id as number, preview: info.preview, suggested_mapping: info.suggested_mapping };
}

/** Dry run over the first rows: what would be rejected, and why. */
export async function validateImport(db: Kysely<DB>, actor: Actor, id: number, mapping: Record<string, string | null>, mode: DuplicateMode) {
  const imp = await getImport(db, actor, id);
  const plan = await planFor(db, imp, actor, mapping, mode);
  const errors: { line: number; reason: string }[] = [];
  let checked = 0;
  const stream = readFile(db, imp.file_id);
  try {
    let header = true;
    for await (const r of readRows(stream, imp.format)) {
      if (header) { header = false; continue; }
      const p = prepareRow(plan, r);
      if ('reason' in p) errors.push(p);
      if (++checked >= DRY_RUN_ROWS) break;
    }
  } finally {
    stream.destroy();
  }
  return { rows_checked: checked, errors: errors.slice(0, 200) };
}

export async function startImport(db: Kysely<DB>, enqueue: (name: string, p: Record<string, unknown>) => Promise<number>, actor: Actor, id: number, mapping: Record<string, string | null>, mode: DuplicateMode) {
  requireCan(actor, 'import');
  const imp = await getImport(db, actor, id);
  if (imp.status !== 'uploaded') throw new AppError('conflict', `This import is ${imp.status} already`);
  await planFor(db, imp, actor, mapping, mode);
  await db.updateTable('imports').set({ status: 'queued', mapping: JSON.stringify(mapping), duplicate_mode: mode }).where('id', '=', id).execute();
  await enqueue(IMPORT_JOB, { import_id: id });
  return getImport(db, actor, id);
}

/**
 * The import job. Each batch commits its rows, errors and progress together, so after a
 * crash the job resumes after the last committed row and no row is imported twice.
 */
export async function runImport(db: Kysely<DB>, importId: number, job: JobContext): Promise<void> {
  const imp = await db.selectFrom('imports').selectAll().where('id', '=', importId).executeTakeFirst();
  if (!imp || imp.status === 'done' || imp.status === 'failed') return;
  const actor = await loadActor(db, imp.created_by);
  if (!actor) throw new Error('the user who started the import no longer exists');
  try {
    const plan = await planFor(db, imp, actor, imp.mapping, imp.duplicate_mode);
    if (imp.total_rows === null) {
      await db.updateTable('imports').set({ status: 'running', started_at: new Date() }).where('id', '=', importId).execute();
      const total = await countRows(db, imp.file_id, imp.format);
      await db.updateTable('imports').set({ total_rows: total }).where('id', '=', importId).execute();
      await job.heartbeat();
    }
    const skip = imp.processed_rows as number;
    const accountCache = new Map<string, { id: number; name: string }>();
    let seen = 0;
    let batch: PreparedRow[] = [];
    let errors: { line: number; reason: string }[] = [];
    let batchRows = 0;
    const flush = async () => {
      if (!batchRows) return;
      await db.transaction().execute(async (trx) => {
        const r = await writeBatch(trx, plan, batch, accountCache, importId);
        const allErrors = [...errors, ...r.errors];
        if (allErrors.length) await trx.insertInto('import_errors').values(allErrors.map((e) => ({ import_id: importId, ...e }))).onConflict((oc) => oc.doNothing()).execute();
        await sql`UPDATE imports SET processed_rows = processed_rows + ${batchRows}, created = created + ${r.created},
          updated = updated + ${r.updated}, skipped = skipped + ${r.skipped}, failed = failed + ${allErrors.length} WHERE id = ${importId}`.execute(trx);
      });
      await job.heartbeat();
      batch = [];
      errors = [];
      batchRows = 0;
    };
    const stream = readFile(db, imp.file_id);
    let header = true;
    for await (const r of readRows(stream, imp.format)) {
      if (header) { header = false; continue; }
      if (seen++ < skip) continue;
      const p = prepareRow(plan, r);
      if ('reason' in p) errors.push(p);
      else batch.push(p);
      if (++batchRows >= BATCH) await flush();
    }
    await flush();
    await db.updateTable('imports').set({ status: 'done', finished_at: new Date() }).where('id', '=', importId).execute();
  } catch (e) {
    await db.updateTable('imports').set({ status: 'failed', error: String((e as Error).message).slice(0, 1000), finished_at: new Date() }).where('id', '=', importId).execute();
  }
}

async function countRows(db: Kysely<DB>, fileId: number, format: ImportFormat): Promise<number> {
  let n = -1;
  for await (const _ of readRows(readFile(db, fileId), format)) n++;
  return Math.max(n, 0);
}
