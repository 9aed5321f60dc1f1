import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/auth-hook.ts';
import { attachmentDisposition } from '../../http/content-disposition.ts';
import { IdParam } from '../../../shared/contracts/common.ts';
import { LOCALES } from '../../../shared/fields.ts';
import { bindDb } from '../../core/bind-db.ts';
import type { ObjectDef } from '../../records/types.ts';
import { printRecord } from './documents.service.ts';
import { resourcePath } from '../../../shared/resource-path.ts';

const PdfQuery = z.object({ locale: z.enum(LOCALES).optional() });

/** A document number as a file name: path and reserved characters replaced, never empty. */
export function pdfFileName(number: string): string {
  const base = number.replace(/[/\\:*?"<>|\x00-\x1f\x7f]/g, '_').trim().slice(0, 120);
  return `${base || 'document'}.pdf`;
}

/** GET /{object}/{id}/pdf for objects whose definition has `printable`. */
export function registerPdfRoute(fastify: FastifyInstance, def: ObjectDef): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const svc = bindDb(app, { printRecord });
  app.get(`/${resourcePath(def.name)}/:id/pdf`, { schema: { tags: [def.name], params: IdParam, querystring: PdfQuery } }, async (req, reply) => {
    const { pdf, number } = await svc.printRecord(def, actorOf(req), req.params.id, req.query.locale);
    reply
      .type('application/pdf')
      .header('content-disposition', attachmentDisposition(pdfFileName(number)))
      .header('content-length', pdf.length)
      // A business document is private to who may read the record: never kept by a shared cache.
      .header('cache-control', 'private, no-store');
    return reply.send(pdf);
  });
}
