// The customer's side of a sent quote, on the public endpoint platform (modules/public): the API
// under /api/v1/public/quotes/{token} (GET summary, GET pdf, POST accept, POST reject) and the
// page /q/{token} (the manifest's `pages`). No login: the signed token is the only key.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { bindDb } from '../../core/bind-db.ts';
import { AppError } from '../../http/errors.ts';
import type { Locale } from '../../../shared/fields.ts';
import { PublicAcceptBody, PublicQuoteAnswer, PublicRejectBody } from '../../../shared/contracts/quotes.ts';
import { pdfFileName } from '../documents/documents.routes.ts';
import { publicRoutes, requestLocale } from '../public/public.platform.ts';
import { messagePage, PAGE_TEXT, quotePage } from './quotes.public.page.ts';
import { publicAnswer, publicPdf, publicQuote } from './quotes.public.ts';

const TokenParams = z.object({ token: z.string().max(600) });
const AnswerResult = z.object({ data: z.object({ status: z.string(), accepted_by_name: z.string().nullable(), accepted_at: z.string().nullable() }) });

/** ?lang= or ?locale=, else Accept-Language (requestLocale), else English. */
function pageLocale(req: FastifyRequest): Locale {
  const q = req.query as Record<string, unknown> | undefined;
  const lang = typeof q?.lang === 'string' ? q.lang : undefined;
  return requestLocale(lang ? ({ query: { locale: lang }, headers: req.headers } as FastifyRequest) : req);
}

const messageOf = (locale: Locale, key: string) => PAGE_TEXT[locale][key] ?? PAGE_TEXT[locale].error!;
const wantsHtml = (req: FastifyRequest) => String(req.headers.accept ?? '').includes('text/html');
const apiPath = (token: string) => `/api/v1/public/quotes/${encodeURIComponent(token)}`;

function html(reply: FastifyReply, status: number, body: string) {
  return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
}

/** An error as the customer's page: not found, not open any more (with its reason), or a bad answer. */
function errorPage(reply: FastifyReply, locale: Locale, e: unknown) {
  if (!(e instanceof AppError)) throw e;
  const reason = !Array.isArray(e.details) ? (e.details?.reason as string | undefined) : undefined;
  if (e.code === 'not_found') return html(reply, 404, messagePage(locale, 'notFound'));
  if (e.code === 'quote_not_open') return html(reply, 409, messagePage(locale, reason ?? 'error'));
  throw e;
}

export async function quotePublicPages(app: FastifyInstance) {
  const svc = bindDb(app, { publicQuote });
  app.get('/q/:token', { config: { rateLimit: { max: 60, timeWindow: 60_000 } }, schema: { hide: true } }, async (req, reply) => {
    const locale = pageLocale(req);
    const token = String((req.params as { token?: string }).token ?? '').slice(0, 600);
    try {
      return html(reply, 200, quotePage(locale, await svc.publicQuote(token), apiPath(token)));
    } catch (e) {
      return errorPage(reply, locale, e);
    }
  });
}

export default async function quotePublicRoutes(app: FastifyInstance) {
  const svc = bindDb(app, { publicQuote, publicPdf, publicAnswer });
  await publicRoutes(app, async (pub) => {
    const tags = ['public'];
    pub.get('/quotes/:token', { schema: { tags, params: TokenParams, response: { 200: PublicQuoteAnswer } } }, async (req) => ({
      data: await svc.publicQuote((req.params as z.infer<typeof TokenParams>).token),
    }));
    pub.get('/quotes/:token/pdf', { schema: { tags, params: TokenParams } }, async (req, reply) => {
      const { pdf, number, hash } = await svc.publicPdf((req.params as z.infer<typeof TokenParams>).token);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${pdfFileName(number).replace(/[^\x20-\x7e]|"/g, '_')}"`)
        .header('x-content-sha256', hash).header('cache-control', 'private, no-store').send(pdf);
    });
    for (const accept of [true, false]) {
      pub.post(`/quotes/:token/${accept ? 'accept' : 'reject'}`, { config: { publicRoute: { max: 10 } }, schema: { tags, params: TokenParams } }, async (req, reply) => {
        const token = (req.params as z.infer<typeof TokenParams>).token;
        const locale = pageLocale(req);
        const parsed = (accept ? PublicAcceptBody : PublicRejectBody).safeParse(req.body ?? {});
        const body = (parsed.success ? parsed.data : {}) as { name?: string; reason?: string };
        if (!wantsHtml(req)) {
          if (!parsed.success) throw new AppError('validation_failed', 'Some fields are not valid', [{ field: accept ? 'name' : 'reason', message: 'Type your name to accept', code: 'required' }]);
          return AnswerResult.parse({ data: await svc.publicAnswer(token, accept, { ...body, ip: req.ip }) });
        }
        try {
          if (!parsed.success) throw new AppError('validation_failed', 'Type your name to accept', [{ field: 'name', message: 'required', code: 'required' }]);
          await svc.publicAnswer(token, accept, { ...body, ip: req.ip });
          return html(reply, 200, quotePage(locale, await svc.publicQuote(token), apiPath(token)));
        } catch (e) {
          if (e instanceof AppError && e.code === 'validation_failed') {
            return html(reply, 400, quotePage(locale, await svc.publicQuote(token), apiPath(token), messageOf(locale, 'nameRequired')));
          }
          if (e instanceof AppError && e.code === 'quote_not_open') {
            // Already answered: show the page with its answer rather than a bare error.
            const reason = !Array.isArray(e.details) ? e.details?.reason : undefined;
            if (reason === 'already_decided') return html(reply, 409, quotePage(locale, await svc.publicQuote(token), apiPath(token), messageOf(locale, 'already_decided')));
          }
          return errorPage(reply, locale, e);
        }
      });
    }
  });
}
