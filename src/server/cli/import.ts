import fs from 'node:fs';
import type { Database } from '../db/connect.ts';
import { AppError } from '../http/errors.ts';
import { createJobQueue } from '../jobs/queue.ts';
import { saveFile } from '../core/file-store.ts';
import { createImport, getImport, IMPORT_JOB, runImport, startImport } from '../modules/imports/imports.service.ts';
import type { DuplicateMode } from '../modules/imports/pipeline.ts';
import { failOrphanedImports } from '../modules/imports/recovery.ts';
import { checkLocalFile, encodingOrRefuse } from '../modules/imports/upload-check.ts';
import { cliActor } from './actor.ts';

export interface ImportOptions {
  object: string;
  file: string;
  duplicates: string;
  as?: string;
  server?: string;
  token?: string;
  /** `--map column=field` (repeatable; `column=` leaves the column out). */
  map?: string[];
  encoding?: string;
}

interface Outcome {
  id: number;
  file_name: string;
  status: string;
  processed_rows: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  warned: number;
  error?: string | null;
}

type Problems = { errors: { line: number; reason: string }[]; warnings: { line: number; field: string; reason: string }[] };

/** Exit status: 0 all rows imported (warnings allowed), 1 rows rejected or the import failed, 3 interrupted. */
function report(o: Outcome, p: Problems): number {
  console.log(`${o.status}: ${o.processed_rows} rows read, ${o.created + o.updated} imported (${o.created} created, ${o.updated} updated), ${o.skipped} duplicates skipped, ${o.failed} rejected, ${o.warned ?? 0} cells left out`);
  for (const e of p.errors) console.log(`  line ${e.line}: ${e.reason}`);
  for (const w of p.warnings) console.log(`  line ${w.line}: ${w.field} left out: ${w.reason}`);
  if (o.error) console.error(`import failed: ${o.error}`);
  if (o.status === 'queued' || o.status === 'running') {
    console.error(`import ${o.id} was interrupted: run \`guanxi import\` again (or start the server) and it resumes after its last committed batch`);
    return 3;
  }
  return o.status === 'done' && o.failed === 0 ? 0 : 1;
}

/** The suggested mapping with the user's `--map column=field` applied; every column must exist. */
export function applyMap(suggested: Record<string, string | null>, map: string[] = []): Record<string, string | null> {
  const out = { ...suggested };
  for (const m of map) {
    const i = m.lastIndexOf('=');
    if (i <= 0) throw new AppError('validation_failed', `--map takes column=field, not "${m}"`);
    const column = m.slice(0, i).trim();
    if (!(column in out)) throw new AppError('validation_failed', `--map: the file has no column "${column}" (columns: ${Object.keys(out).join(', ')})`);
    out[column] = m.slice(i + 1).trim() || null;
  }
  return out;
}

function printUnmapped(mapping: Record<string, string | null>): void {
  const unmapped = Object.entries(mapping).filter(([, v]) => !v).map(([k]) => k);
  if (unmapped.length) console.log(`columns not imported (map them with --map "column=field"): ${unmapped.join(', ')}`);
}

export type CheckedFile = Awaited<ReturnType<typeof checkLocalFile>>;

/**
 * What can be refused before the database is opened: the options, the file (format, zip
 * limits, a readable header) and the columns --map names.
 */
export async function precheckImport(o: ImportOptions): Promise<CheckedFile> {
  const local = await checkLocalFile(o.file, encodingOrRefuse(o.encoding));
  applyMap(Object.fromEntries(local.header.map((h) => [h, null])), o.map);
  return local;
}

/** `guanxi import`: straight into the database, or through a running server's API with --server. */
export async function importFile(database: Database | null, o: ImportOptions, local: CheckedFile): Promise<number> {
  if (!database) return importThroughServer(o);
  const { db } = database;
  const actor = await cliActor(db, o.as);
  for (const id of await failOrphanedImports(db)) console.log(`import ${id}: interrupted with nothing to resume it, marked failed`);
  const upload = await saveFile(db, local.name, null, fs.createReadStream(o.file), actor.id);
  const imp = await createImport(db, actor, o.object, { ...upload, name: local.name }, local.encoding);
  const mapping = applyMap(imp.suggested_mapping, o.map);
  printUnmapped(mapping);
  // As a job, like the server's imports: if this process dies, the job is still there and the
  // next CLI import or server start resumes it after its last committed batch.
  const queue = createJobQueue(db, { error: () => {} });
  queue.register(IMPORT_JOB, (payload, ctx) => runImport(db, Number(payload.import_id), ctx));
  await startImport(db, (n, p) => queue.enqueue(n, p), actor, imp.id, mapping, o.duplicates as DuplicateMode);
  const stop = () => {
    console.error('stopping after the batch being written…');
    void queue.stop({ interrupt: true });
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  try {
    const earlier = await db.selectFrom('imports').select('id').where('status', 'in', ['queued', 'running']).where('id', '<', imp.id).execute();
    console.log(`importing ${local.name} into ${o.object} (import ${imp.id})…`);
    // Runs every import job that is ready, oldest first: interrupted ones, then this one.
    await queue.drain();
    if (earlier.length) {
      const now = await db.selectFrom('imports').select(['id', 'file_name', 'status', 'processed_rows']).where('id', 'in', earlier.map((e) => e.id)).execute();
      for (const e of now) console.log(`import ${e.id} (${e.file_name}), interrupted earlier: ${e.status}, ${e.processed_rows} rows read`);
    }
  } finally {
    process.off('SIGTERM', stop);
    process.off('SIGINT', stop);
  }
  const done = (await getImport(db, actor, imp.id)) as unknown as Outcome;
  const errors = await db.selectFrom('import_errors').select(['line', 'reason']).where('import_id', '=', imp.id).orderBy('line').limit(1000).execute();
  const warnings = await db.selectFrom('import_warnings').select(['line', 'field', 'reason']).where('import_id', '=', imp.id).orderBy('line').orderBy('field').limit(1000).execute();
  return report(done, { errors, warnings });
}

async function importThroughServer(o: ImportOptions): Promise<number> {
  const base = o.server!.replace(/\/$/, '') + '/api/v1';
  const headers = { authorization: `Bearer ${o.token ?? process.env.GUANXI_TOKEN ?? ''}` };
  const call = async (p: string, init: RequestInit = {}): Promise<any> => {
    const res = await fetch(base + p, { ...init, headers: { ...headers, ...(init.headers ?? {}) } });
    const body: any = res.headers.get('content-type')?.includes('json') ? await res.json() : await res.text();
    if (!res.ok) throw new AppError('validation_failed', `the server answered ${res.status}: ${body?.error?.message ?? JSON.stringify(body)}`);
    return body;
  };
  const form = new FormData();
  form.set('object', o.object);
  if (o.encoding) form.set('encoding', o.encoding);
  form.set('file', new Blob([fs.readFileSync(o.file)]), o.file.split(/[\\/]/).pop()!);
  const created = (await call('/imports', { method: 'POST', body: form })).data;
  const mapping = applyMap(created.suggested_mapping, o.map);
  printUnmapped(mapping);
  await call(`/imports/${created.id}/start`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ mapping, duplicate_mode: o.duplicates }),
  });
  let imp: Outcome;
  do {
    await new Promise((r) => setTimeout(r, 500));
    imp = (await call(`/imports/${created.id}`)).data;
  } while (imp.status === 'queued' || imp.status === 'running');
  return report(imp, (await call(`/imports/${created.id}/report`)).data);
}
