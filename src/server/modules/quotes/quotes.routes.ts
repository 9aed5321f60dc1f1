// The quote's actions and what hangs off them (under /api/v1): POST submit / approve /
// reject-approval / send / accept / reject / revise, GET approval, versions, sent-pdf,
// public-link; administrators' GET/PATCH /settings/quotes. The customer's side is
// quotes.public.routes.ts.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, adminOnly } from '../../http/auth-hook.ts';
import { attachmentDisposition } from '../../http/content-disposition.ts';
import { bindDb } from '../../core/bind-db.ts';
import { IdParam } from '../../../shared/contracts/common.ts';
import { ApiRecord } from '../../../shared/contracts/records.ts';
import {
  AcceptBody, ApprovalAnswer, CommentBody, QuoteSettingsAnswer, QuoteSettingsPatch, ReasonBody, SendBody, VersionBody, VersionsAnswer,
} from '../../../shared/contracts/quotes.ts';
import { pdfFileName } from '../documents/documents.routes.ts';
import { answerQuote, approveQuote, quoteApproval, rejectQuoteApproval, submitQuote } from './quotes.actions.ts';
import { quoteVersions, reviseQuote } from './quotes.revise.ts';
import { quotePublicLink, sendQuote, sentPdf } from './quotes.send.ts';
import { getQuoteSettings, updateQuoteSettings } from './quotes.settings.ts';

type ApiRecord = z.infer<typeof ApiRecord>;
const RecordAnswer = z.object({ data: ApiRecord });
const Link = z.object({ url: z.string(), path: z.string(), expires_at: z.string() });
const SendAnswer = z.object({ data: ApiRecord, link: Link, mail: z.string() });

export default async function quotesRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const svc = bindDb(app, {
    submitQuote, approveQuote, rejectQuoteApproval, answerQuote, reviseQuote, quoteVersions, quoteApproval, sendQuote, sentPdf, quotePublicLink, getQuoteSettings, updateQuoteSettings,
  });
  const tags = ['quotes'];
  const action = <B extends z.ZodType>(path: string, body: B, run: (req: { params: { id: number }; body: z.infer<B> }, actor: ReturnType<typeof actorOf>) => Promise<unknown>) =>
    app.post(`/quotes/:id/${path}`, { schema: { tags, params: IdParam, body, response: { 200: RecordAnswer } } }, async (req) => ({
      data: await run(req as never, actorOf(req)),
    }) as never);

  action('submit', VersionBody, (req, a) => svc.submitQuote(a, req.params.id, req.body));
  action('approve', CommentBody, (req, a) => svc.approveQuote(a, req.params.id, req.body));
  action('reject-approval', CommentBody, (req, a) => svc.rejectQuoteApproval(a, req.params.id, req.body));
  action('accept', AcceptBody, (req, a) => svc.answerQuote(a, req.params.id, req.body, true));
  action('reject', ReasonBody, (req, a) => svc.answerQuote(a, req.params.id, req.body, false));
  app.post('/quotes/:id/revise', { schema: { tags, params: IdParam, body: VersionBody, response: { 201: RecordAnswer } } }, async (req, reply) => {
    reply.status(201);
    return { data: (await svc.reviseQuote(actorOf(req), req.params.id, req.body)) as ApiRecord };
  });
  app.post('/quotes/:id/send', { schema: { tags, params: IdParam, body: SendBody, response: { 200: SendAnswer } } }, async (req) => {
    const r = await svc.sendQuote(actorOf(req), req.params.id, req.body);
    return { ...r, data: r.data as ApiRecord };
  });

  app.get('/quotes/:id/approval', { schema: { tags, params: IdParam, response: { 200: ApprovalAnswer } } }, async (req) => ({
    data: await svc.quoteApproval(actorOf(req), req.params.id),
  }));
  app.get('/quotes/:id/versions', { schema: { tags, params: IdParam, response: { 200: VersionsAnswer } } }, async (req) => ({
    data: await svc.quoteVersions(actorOf(req), req.params.id),
  }));
  app.get('/quotes/:id/public-link', { schema: { tags, params: IdParam, response: { 200: z.object({ data: Link }) } } }, async (req) => ({
    data: await svc.quotePublicLink(actorOf(req), req.params.id),
  }));
  app.get('/quotes/:id/sent-pdf', { schema: { tags, params: IdParam } }, async (req, reply) => {
    const { pdf, number, hash } = await svc.sentPdf(actorOf(req), req.params.id);
    return reply.type('application/pdf').header('content-disposition', attachmentDisposition(pdfFileName(number)))
      .header('content-length', pdf.length).header('x-content-sha256', hash).header('cache-control', 'private, no-store').send(pdf);
  });

  const admin = { preValidation: adminOnly, schema: { tags: ['settings'] } };
  app.get('/settings/quotes', { ...admin, schema: { ...admin.schema, response: { 200: QuoteSettingsAnswer } } }, async () => ({ data: await svc.getQuoteSettings() }));
  app.patch('/settings/quotes', { ...admin, schema: { ...admin.schema, body: QuoteSettingsPatch, response: { 200: QuoteSettingsAnswer } } }, async (req) => ({
    data: await svc.updateQuoteSettings(actorOf(req).id, req.body),
  }));
}
