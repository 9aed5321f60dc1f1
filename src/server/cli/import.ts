import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/connect.ts';
import { saveFile } from '../modules/imports/file-store.ts';
import { createImport, getImport, runImport, startImport } from '../modules/imports/imports.service.ts';
import type { DuplicateMode } from '../modules/imports/pipeline.ts';
import { cliActor } from './actor.ts';

interface ImportOptions {
  object: string;
  file: string;
  duplicates: string;
  as?: string;
  server?: string;
  token?: string;
}

interface Outcome {
  status: string;
  processed_rows: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  error?: string | null;
}

function report(o: Outcome, errors: { line: number; reason: string }[]): number {
  console.log(`${o.status}: ${o.processed_rows} rows read, ${o.created + o.updated} imported (${o.created} created, ${o.updated} updated), ${o.skipped} duplicates skipped, ${o.failed} rejected`);
  for (const e of errors) console.log(`  line ${e.line}: ${e.reason}`);
  if (o.error) console.error(`import failed: ${o.error}`);
  return o.status === 'done' ? 0 : 1;
}

/** `guanxi import`: straight into the database, or through a running server's API with --server. */
export async function importFile(database: Database | null, o: ImportOptions): Promise<number> {
  if (!database) return importThroughServer(o);
  const { db } = database;
  const actor = await cliActor(db, o.as);
  const upload = await saveFile(db, path.basename(o.file), null, fs.createReadStream(o.file), actor.id);
  const imp = await createImport(db, actor, o.object, { ...upload, name: path.basename(o.file) });
  const unmapped = Object.entries(imp.suggested_mapping).filter(([, v]) => !v).map(([k]) => k);
  if (unmapped.length) console.log(`columns not imported (no matching field): ${unmapped.join(', ')}`);
  await startImport(db, async () => 0, actor, imp.id, imp.suggested_mapping, o.duplicates as DuplicateMode);
  await runImport(db, imp.id, { id: 0, attempt: 1, heartbeat: async () => {} });
  const done = await getImport(db, actor, imp.id);
  const errors = await db.selectFrom('import_errors').select(['line', 'reason']).where('import_id', '=', imp.id).orderBy('line').execute();
  return report(done as Outcome, errors);
}

async function importThroughServer(o: ImportOptions): Promise<number> {
  const base = o.server!.replace(/\/$/, '') + '/api/v1';
  const headers = { authorization: `Bearer ${o.token ?? process.env.GUANXI_TOKEN ?? ''}` };
  const call = async (p: string, init: RequestInit = {}): Promise<any> => {
    const res = await fetch(base + p, { ...init, headers: { ...headers, ...(init.headers ?? {}) } });
    const body = res.headers.get('content-type')?.includes('json') ? await res.json() : await res.text();
    if (!res.ok) throw new Error(`${res.status} ${JSON.stringify(body)}`);
    return body;
  };
  const form = new FormData();
  form.set('object', o.object);
  form.set('file', new Blob([fs.readFileSync(o.file)]), path.basename(o.file));
  const created = (await call('/imports', { method: 'POST', body: form })).data;
  await call(`/imports/${created.id}/start`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ mapping: created.suggested_mapping, duplicate_mode: o.duplicates }),
  });
  let imp: Outcome;
  do {
    await new Promise((r) => setTimeout(r, 500));
    imp = (await call(`/imports/${created.id}`)).data;
  } while (imp.status === 'queued' || imp.status === 'running');
  const csv = (await call(`/imports/${created.id}/errors.csv`)) as string;
  const errors = csv.replace(/^\ufeff/, '').trim().split('\n').slice(1).filter(Boolean).map((l) => {
    const i = l.indexOf(',');
    return { line: Number(l.slice(0, i)), reason: l.slice(i + 1).replace(/^"|"$/g, '').replace(/""/g, '"') };
  });
  return report(imp, errors);
}
