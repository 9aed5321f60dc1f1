import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, adminOnly } from '../../http/auth-hook.ts';
import { bindDb } from '../../core/bind-db.ts';
import { IdParam } from '../../../shared/contracts/common.ts';
import { MailListAnswer, MailListQuery, MailMessageAnswer, MailboxAnswer, MailboxBody, MailboxPatch, MailboxesAnswer } from '../../../shared/contracts/inbox.ts';
import { attachmentDisposition } from '../../http/content-disposition.ts';
import { createMailbox, listMailboxes, removeMailbox, updateMailbox } from './mailboxes.service.ts';
import { downloadMessageFile, getMessage, listMessages } from './messages.service.ts';

const FileParams = z.object({ id: z.coerce.number().int().positive(), fileId: z.coerce.number().int().positive() });

/** Mailboxes and the message lists: administrators. One message: whoever may read a record it is on. */
export default async function inboxRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const svc = bindDb(app, { listMailboxes, createMailbox, updateMailbox, removeMailbox, listMessages, getMessage, downloadMessageFile });
  const admin = { preValidation: adminOnly };
  const tags = ['inbox'];

  app.get('/inbox/mailboxes', { ...admin, schema: { tags, response: { 200: MailboxesAnswer } } }, async () => ({ data: await svc.listMailboxes() }));

  app.post('/inbox/mailboxes', { ...admin, schema: { tags, body: MailboxBody, response: { 201: MailboxAnswer } } }, async (req, reply) => {
    reply.status(201);
    return { data: await svc.createMailbox(actorOf(req).id, req.body) };
  });

  app.patch('/inbox/mailboxes/:id', { ...admin, schema: { tags, params: IdParam, body: MailboxPatch, response: { 200: MailboxAnswer } } }, async (req) => ({
    data: await svc.updateMailbox(actorOf(req).id, req.params.id, req.body),
  }));

  app.delete('/inbox/mailboxes/:id', { ...admin, schema: { tags, params: IdParam } }, async (req, reply) => {
    await svc.removeMailbox(actorOf(req).id, req.params.id);
    reply.status(204);
  });

  app.get('/inbox/messages', { ...admin, schema: { tags, querystring: MailListQuery, response: { 200: MailListAnswer } } }, async (req) => svc.listMessages(req.query));

  app.get('/inbox/messages/:id', { schema: { tags, params: IdParam, response: { 200: MailMessageAnswer } } }, async (req) => ({
    data: await svc.getMessage(actorOf(req), req.params.id),
  }));

  app.get('/inbox/messages/:id/files/:fileId', { schema: { tags, params: FileParams } }, async (req, reply) => {
    const file = await svc.downloadMessageFile(actorOf(req), req.params.id, req.params.fileId);
    reply.header('content-disposition', attachmentDisposition(file.name)).header('content-length', file.size).type(file.contentType);
    return reply.send(file.stream);
  });
}
