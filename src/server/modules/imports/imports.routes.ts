import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hook.ts';
import { doc, idParam, parse } from '../../http/validate.ts';
import { AppError } from '../../http/errors.ts';
import { requireCan } from '../../core/access.ts';
import { saveFile } from './file-store.ts';
import { checkUpload, encodingOrRefuse, formatOrRefuse, spoolUpload, type CheckedUpload } from './upload-check.ts';
import { createImport, getImport, IMPORT_JOB, IMPORTABLE, inspect, runImport, setEncoding, startImport, validateImport } from './imports.service.ts';
import { ENCODINGS } from './encoding.ts';
import { failOrphanedImports } from './recovery.ts';
import { decodeCursor, encodeCursor } from '../../records/query.ts';

const StartBody = z.object({
  mapping: z.record(z.string(), z.string().nullable()),
  duplicate_mode: z.enum(['skip', 'update', 'create']).default('skip'),
});
const PatchBody = z.object({ encoding: z.enum(['auto', ...ENCODINGS]) });
const REPORT_ROWS = 1000;

export function registerImportJobs(app: FastifyInstance): void {
  app.jobs.register(IMPORT_JOB, (payload, ctx) => runImport(app.db, Number(payload.import_id), ctx));
  app.addHook('onReady', async () => {
    const failed = await failOrphanedImports(app.db);
    if (failed.length) app.log.warn({ imports: failed }, 'imports interrupted with no job to resume them were marked failed');
  });
}

export default async function importsRoutes(app: FastifyInstance) {
  app.post('/imports', { schema: { tags: ['imports'], consumes: ['multipart/form-data'] } }, async (req, reply) => {
    const actor = actorOf(req);
    requireCan(actor, 'import');
    if (!req.isMultipart()) throw new AppError('validation_failed', 'Send the file as multipart/form-data (fields: object, file)');
    const query = req.query as { object?: string; encoding?: string };
    let object = query.object;
    let encoding: string | undefined = query.encoding;
    let upload: CheckedUpload | null = null;
    let mimetype: string | null = null;
    try {
      for await (const part of req.parts()) {
        if (part.type === 'field' && part.fieldname === 'object') object = String(part.value);
        if (part.type === 'field' && part.fieldname === 'encoding') encoding = String(part.value);
        if (part.type === 'file') {
          formatOrRefuse(part.filename);
          mimetype = part.mimetype;
          upload = await spoolUpload(part.file, part.filename);
          if (part.file.truncated) throw new AppError('payload_too_large', 'The file is larger than 1 GB');
        }
      }
      if (!upload) throw new AppError('validation_failed', 'No file in the upload', [{ field: 'file', message: 'Required' }]);
      // Everything that can be refused is refused before the file is stored.
      if (!IMPORTABLE.includes(object ?? '')) throw new AppError('validation_failed', `object must be one of ${IMPORTABLE.join(', ')}`, [{ field: 'object', message: 'Unknown object' }]);
      const chosen = encodingOrRefuse(encoding);
      if (chosen && upload.format === 'csv') upload.encoding = chosen;
      await checkUpload(upload);
    } catch (e) {
      upload?.remove();
      throw e;
    }
    let stored: { id: number; size: number };
    try {
      stored = await saveFile(app.db, upload.name, mimetype, fs.createReadStream(upload.path), actor.id);
    } finally {
      upload.remove();
    }
    const data = await createImport(app.db, actor, object!, { ...stored, name: upload.name }, upload.encoding);
    reply.status(201);
    return { data };
  });

  app.get('/imports', { schema: { tags: ['imports'] } }, async (req) => {
    const actor = actorOf(req);
    const { cursor } = req.query as { cursor?: string };
    let q = app.db.selectFrom('imports').selectAll().orderBy('id', 'desc').limit(51);
    if (!actor.permissions.can?.admin) q = q.where('created_by', '=', actor.id);
    if (cursor) q = q.where('id', '<', decodeCursor(cursor)[1]);
    const rows = await q.execute();
    const data = rows.slice(0, 50);
    return { data, next_cursor: rows.length > 50 ? encodeCursor(null, data.at(-1)!.id) : null };
  });

  app.get('/imports/:id', { schema: { tags: ['imports'] } }, async (req) => {
    const actor = actorOf(req);
    const imp = await getImport(app.db, actor, parse(idParam, req.params).id);
    // Until it starts, an import reopened in the wizard needs its samples and suggestions again.
    if (imp.status !== 'uploaded' || !imp.file_id) return { data: imp };
    const info = await inspect(app.db, imp.file_id, imp.format, imp.object, actor, imp.encoding);
    return { data: { ...imp, preview: info.preview, suggested_mapping: info.suggested_mapping } };
  });

  // The encoding can be changed until the import starts: the headers and samples are read again.
  app.patch('/imports/:id', { schema: { tags: ['imports'], body: doc(PatchBody) } }, async (req) => {
    const body = parse(PatchBody, req.body);
    return { data: await setEncoding(app.db, actorOf(req), parse(idParam, req.params).id, encodingOrRefuse(body.encoding)) };
  });

  /** The first rows rejected (errors) and the cells left out of imported rows (warnings). */
  app.get('/imports/:id/report', { schema: { tags: ['imports'] } }, async (req) => {
    const imp = await getImport(app.db, actorOf(req), parse(idParam, req.params).id);
    const errors = await app.db.selectFrom('import_errors').select(['line', 'reason']).where('import_id', '=', imp.id).orderBy('line').limit(REPORT_ROWS).execute();
    const warnings = await app.db.selectFrom('import_warnings').select(['line', 'field', 'reason']).where('import_id', '=', imp.id).orderBy('line').orderBy('field').limit(REPORT_ROWS).execute();
    return { data: { errors, warnings } };
  });

  app.get('/imports/:id/warnings.csv', { schema: { tags: ['imports'] } }, async (req, reply) => {
    const imp = await getImport(app.db, actorOf(req), parse(idParam, req.params).id);
    const rows = await app.db.selectFrom('import_warnings').select(['line', 'field', 'reason']).where('import_id', '=', imp.id).orderBy('line').orderBy('field').limit(100_000).execute();
    reply.header('content-disposition', `attachment; filename="import-${imp.id}-warnings.csv"`).type('text/csv; charset=utf-8');
    return '\ufeff' + stringify([['line', 'field', 'reason'], ...rows.map((r) => [r.line, r.field, r.reason])]);
  });

  app.post('/imports/:id/validate', { schema: { tags: ['imports'], body: doc(StartBody) } }, async (req) => {
    const body = parse(StartBody, req.body);
    return { data: await validateImport(app.db, actorOf(req), parse(idParam, req.params).id, body.mapping, body.duplicate_mode) };
  });

  app.post('/imports/:id/start', { schema: { tags: ['imports'], body: doc(StartBody) } }, async (req, reply) => {
    const body = parse(StartBody, req.body);
    reply.status(202);
    return { data: await startImport(app.db, (n, p) => app.jobs.enqueue(n, p), actorOf(req), parse(idParam, req.params).id, body.mapping, body.duplicate_mode) };
  });

  // The rows skipped as duplicates, each with the record it matched (docs/api.md, "Import matching").
  app.get('/imports/:id/skipped.csv', { schema: { tags: ['imports'] } }, async (req, reply) => {
    const imp = await getImport(app.db, actorOf(req), parse(idParam, req.params).id);
    const rows = await app.db.selectFrom('import_skipped').select(['line', 'record_id', 'record_title', 'reason']).where('import_id', '=', imp.id).orderBy('line').limit(100_000).execute();
    reply.header('content-disposition', `attachment; filename="import-${imp.id}-skipped.csv"`).type('text/csv; charset=utf-8');
    return '\ufeff' + stringify([['line', 'record_id', 'record_title', 'reason'], ...rows.map((r) => [r.line, r.record_id ?? '', r.record_title ?? '', r.reason])]);
  });

  app.get('/imports/:id/errors.csv', { schema: { tags: ['imports'] } }, async (req, reply) => {
    const imp = await getImport(app.db, actorOf(req), parse(idParam, req.params).id);
    const rows = await app.db.selectFrom('import_errors').select(['line', 'reason']).where('import_id', '=', imp.id).orderBy('line').limit(100_000).execute();
    reply.header('content-disposition', `attachment; filename="import-${imp.id}-errors.csv"`).type('text/csv; charset=utf-8');
    return '\ufeff' + stringify([['line', 'reason'], ...rows.map((r) => [r.line, r.reason])]);
  });
}
