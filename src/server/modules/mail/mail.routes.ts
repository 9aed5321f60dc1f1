import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, adminOnly } from '../../http/auth-hook.ts';
import { bindDb } from '../../core/bind-db.ts';
import { MailTemplateAnswer, MailTemplatesAnswer, OutboxAnswer, OutboxQuery, PreviewAnswer, SmtpAnswer, TestSendAnswer } from '../../../shared/contracts/mail.ts';
import { SmtpPatch, getSmtpSettings, updateSmtpSettings } from './mail.settings.ts';
import { TemplateBody, listTemplates, previewTemplate, resetTemplate, saveTemplate } from './mail.templates.ts';
import { sendTestMail } from './mail.test-send.ts';
import { listOutbox } from './mail.outbox.ts';
import { LOCALES } from './mail.types.ts';

const TemplateParams = z.object({ key: z.string().max(100), locale: z.string().max(10) });
const TestBody = z.object({ to: z.string().max(320), locale: z.enum(LOCALES).optional() }).strict();

/** E-mail out: SMTP settings, test send, templates and the outbox. Administrators only. */
export default async function mailRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const mail = bindDb(app, { getSmtpSettings, updateSmtpSettings, sendTestMail, listTemplates, saveTemplate, resetTemplate, listOutbox });
  const admin = { preValidation: adminOnly };

  app.get('/mail/settings', { ...admin, schema: { tags: ['mail'], response: { 200: SmtpAnswer } } }, async () => ({ data: await mail.getSmtpSettings() }));

  app.patch('/mail/settings', { ...admin, schema: { tags: ['mail'], body: SmtpPatch, response: { 200: SmtpAnswer } } }, async (req) => ({
    data: await mail.updateSmtpSettings(actorOf(req).id, req.body),
  }));

  app.post('/mail/test', { ...admin, schema: { tags: ['mail'], body: TestBody, response: { 200: TestSendAnswer } } }, async (req) => ({
    data: await mail.sendTestMail(req.body.to, req.body.locale ?? 'en'),
  }));

  app.get('/mail/templates', { ...admin, schema: { tags: ['mail'], response: { 200: MailTemplatesAnswer } } }, async () => ({ data: await mail.listTemplates() }));

  app.post('/mail/templates/:key/:locale/preview', { ...admin, schema: { tags: ['mail'], params: TemplateParams, body: TemplateBody, response: { 200: PreviewAnswer } } }, async (req) => ({
    data: await previewTemplate(req.params.key, req.params.locale, req.body),
  }));

  app.put('/mail/templates/:key/:locale', { ...admin, schema: { tags: ['mail'], params: TemplateParams, body: TemplateBody, response: { 200: MailTemplateAnswer } } }, async (req) => ({
    data: await mail.saveTemplate(actorOf(req).id, req.params.key, req.params.locale, req.body),
  }));

  app.delete('/mail/templates/:key/:locale', { ...admin, schema: { tags: ['mail'], params: TemplateParams, response: { 200: MailTemplateAnswer } } }, async (req) => ({
    data: await mail.resetTemplate(actorOf(req).id, req.params.key, req.params.locale),
  }));

  app.get('/mail/outbox', { ...admin, schema: { tags: ['mail'], querystring: OutboxQuery, response: { 200: OutboxAnswer } } }, async (req) =>
    mail.listOutbox(req.query));
}
