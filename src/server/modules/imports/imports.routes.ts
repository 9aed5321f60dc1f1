import fs from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hook.ts';
import { doc, idParam, parse } from '../../http/validate.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import { saveFile } from '../../core/file-store.ts';
import { checkUpload, encodingOrRefuse, formatOrRefuse, spoolUpload, type CheckedUpload } from './upload-check.ts';
import { createImport, getImport, IMPORT_JOB, inspect, mayImportSome, requireImportOf, runImport, setEncoding, startImport, validateImport } from './imports.service.ts';
import { ENCODINGS } from './encoding.ts';
import { failOrphanedImports } from './recovery.ts';
import { bindDb } from '../../core/bind-db.ts';
import { importReport, importReportCsv, listImports, type ReportFile } from './import-reports.service.ts';

const StartBody = z.object({
  mapping: z.record(z.string(), z.string().nullable()),
  duplicate_mode: z.enum(['skip', 'update', 'create']).default('skip'),
});
const PatchBody = z.object({ encoding: z.enum(['auto', ...ENCODINGS]) });

export function registerImportJobs(app: FastifyInstance): void {
  const imports = bindDb(app, { runImport, failOrphanedImports });
  app.jobs.register(IMPORT_JOB, (payload, ctx) => imports.runImport(Number(payload.import_id), ctx));
  app.addHook('onReady', async () => {
    const failed = await imports.failOrphanedImports();
    if (failed.length) app.log.warn({ imports: failed }, 'imports interrupted with no job to resume them were marked failed');
  });
}

export default async function importsRoutes(app: FastifyInstance) {
  const imports = bindDb(app, { saveFile, createImport, getImport, inspect, setEncoding, validateImport, startImport, listImports, importReport, importReportCsv });
  const reportCsv = async (req: FastifyRequest, reply: FastifyReply, kind: ReportFile) => {
    const { importId, csv } = await imports.importReportCsv(actorOf(req), parse(idParam, req.params).id, kind);
    reply.header('content-disposition', `attachment; filename="import-${importId}-${kind}.csv"`).type('text/csv; charset=utf-8');
    return csv;
  };

  app.post('/imports', { schema: { tags: ['imports'], consumes: ['multipart/form-data'] } }, async (req, reply) => {
    const actor = actorOf(req);
    if (!mayImportSome(actor)) throw forbidden('Your role may not import');
    const query = req.query as { object?: string; encoding?: string };
    // An object named in the address is checked before the body is read: a refused import reads nothing.
    if (query.object) requireImportOf(actor, query.object);
    if (!req.isMultipart()) throw new AppError('validation_failed', 'Send the file as multipart/form-data (fields: object, file)');
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
      if (!upload) throw new AppError('validation_failed', 'No file in the upload', [{ field: 'file', message: 'Required', code: 'required' }]);
      // Everything that can be refused is refused before the file is stored.
      requireImportOf(actor, object);
      const chosen = encodingOrRefuse(encoding);
      if (chosen && upload.format === 'csv') upload.encoding = chosen;
      await checkUpload(upload);
    } catch (e) {
      upload?.remove();
      throw e;
    }
    let stored: { id: number; size: number };
    try {
      stored = await imports.saveFile(upload.name, mimetype, fs.createReadStream(upload.path), actor.id);
    } finally {
      upload.remove();
    }
    const data = await imports.createImport(actor, object!, { ...stored, name: upload.name }, upload.encoding);
    reply.status(201);
    return { data };
  });

  app.get('/imports', { schema: { tags: ['imports'] } }, async (req) => {
    const actor = actorOf(req);
    return imports.listImports(actor, (req.query as { cursor?: string }).cursor);
  });

  app.get('/imports/:id', { schema: { tags: ['imports'] } }, async (req) => {
    const actor = actorOf(req);
    const imp = await imports.getImport(actor, parse(idParam, req.params).id);
    // Until it starts, an import reopened in the wizard needs its samples and suggestions again.
    if (imp.status !== 'uploaded' || !imp.file_id) return { data: imp };
    const info = await imports.inspect(imp.file_id, imp.format, imp.object, actor, imp.encoding);
    return { data: { ...imp, preview: info.preview, suggested_mapping: info.suggested_mapping } };
  });

  // The encoding can be changed until the import starts: the headers and samples are read again.
  app.patch('/imports/:id', { schema: { tags: ['imports'], body: doc(PatchBody) } }, async (req) => {
    const body = parse(PatchBody, req.body);
    return { data: await imports.setEncoding(actorOf(req), parse(idParam, req.params).id, encodingOrRefuse(body.encoding)) };
  });

  app.get('/imports/:id/report', { schema: { tags: ['imports'] } }, async (req) => ({
    data: await imports.importReport(actorOf(req), parse(idParam, req.params).id),
  }));

  app.get('/imports/:id/warnings.csv', { schema: { tags: ['imports'] } }, async (req, reply) => reportCsv(req, reply, 'warnings'));

  app.post('/imports/:id/validate', { schema: { tags: ['imports'], body: doc(StartBody) } }, async (req) => {
    const body = parse(StartBody, req.body);
    return { data: await imports.validateImport(actorOf(req), parse(idParam, req.params).id, body.mapping, body.duplicate_mode) };
  });

  app.post('/imports/:id/start', { schema: { tags: ['imports'], body: doc(StartBody) } }, async (req, reply) => {
    const body = parse(StartBody, req.body);
    reply.status(202);
    return { data: await imports.startImport((n, p) => app.jobs.enqueue(n, p), actorOf(req), parse(idParam, req.params).id, body.mapping, body.duplicate_mode) };
  });

  // The rows skipped as duplicates, each with the record it matched (docs/api.md, "Import matching").
  app.get('/imports/:id/skipped.csv', { schema: { tags: ['imports'] } }, async (req, reply) => reportCsv(req, reply, 'skipped'));

  app.get('/imports/:id/errors.csv', { schema: { tags: ['imports'] } }, async (req, reply) => reportCsv(req, reply, 'errors'));
}
