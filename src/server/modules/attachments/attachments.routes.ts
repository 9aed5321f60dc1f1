import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/auth-hook.ts';
import { AppError } from '../../http/errors.ts';
import { attachmentDisposition } from '../../http/content-disposition.ts';
import { IdParam } from '../../../shared/contracts/common.ts';
import { bindDb } from '../../core/bind-db.ts';
import { spoolToTemp, type SpooledUpload } from '../../core/upload-spool.ts';
import type { ObjectDef } from '../../records/types.ts';
import { attachFile, downloadAttachment, listAttachments, removeAttachment, requireAttachRight } from './attachments.service.ts';
import { checkFirstBytes, kindOrRefuse, SNIFF_BYTES } from './file-kinds.ts';
import { resourcePath } from '../../../shared/resource-path.ts';

const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z.string().max(500).optional(),
});

/** GET and POST /{object}/{id}/attachments, for objects whose definition says `attachments: true`. */
export function registerAttachmentRoutes(fastify: FastifyInstance, def: ObjectDef): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const svc = bindDb(app, { listAttachments, attachFile });
  app.get(`/${resourcePath(def.name)}/:id/attachments`, { schema: { tags: [def.name], params: IdParam, querystring: ListQuery } }, async (req) =>
    svc.listAttachments(def, actorOf(req), req.params.id, req.query));

  app.post(`/${resourcePath(def.name)}/:id/attachments`, { schema: { tags: [def.name], params: IdParam, consumes: ['multipart/form-data'] } }, async (req, reply) => {
    const actor = actorOf(req);
    // A role that may not write is refused before a byte of the body is read.
    requireAttachRight(actor, def);
    if (!req.isMultipart()) throw new AppError('validation_failed', 'Send the file as multipart/form-data (field: file)');
    let up: (SpooledUpload & { name: string; type: string }) | null = null;
    try {
      for await (const part of req.parts()) {
        if (part.type !== 'file') continue;
        if (up) throw new AppError('validation_failed', 'Send one file per upload');
        const name = part.filename.trim().slice(0, 255);
        const kind = kindOrRefuse(name);
        const spooled = await spoolToTemp(part.file, { maxBytes: app.config.attachments.maxBytes, headBytes: SNIFF_BYTES, head: (h) => checkFirstBytes(kind, h) });
        up = { ...spooled, name, type: kind.type };
      }
      if (!up) throw new AppError('validation_failed', 'No file in the upload', [{ field: 'file', message: 'Required', code: 'required' }]);
      if (!up.size) throw new AppError('validation_failed', 'The file is empty', [{ field: 'file', message: 'Empty file', code: 'empty_file' }]);
      const data = await svc.attachFile(def, actor, req.params.id, { name: up.name, contentType: up.type, path: up.path, size: up.size });
      reply.status(201);
      return { data };
    } finally {
      up?.remove();
    }
  });
}

/** Download and delete by attachment id: the record's visibility decides, a hidden one answers 404. */
export default async function attachmentRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const svc = bindDb(app, { downloadAttachment, removeAttachment });
  app.get('/attachments/:id/download', { schema: { tags: ['attachments'], params: IdParam } }, async (req, reply) => {
    const file = await svc.downloadAttachment(actorOf(req), req.params.id);
    reply.header('content-disposition', attachmentDisposition(file.name)).header('content-length', file.size).type(file.contentType);
    return reply.send(file.stream);
  });
  app.delete('/attachments/:id', { schema: { tags: ['attachments'], params: IdParam } }, async (req, reply) => {
    await svc.removeAttachment(actorOf(req), req.params.id);
    reply.status(204);
  });
}
