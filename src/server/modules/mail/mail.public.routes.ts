// What a recipient's links reach, on the public endpoint platform (modules/public): the
// unsubscribe page and its one-click POST (RFC 8058), and the tracking pixel.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { bindDb } from '../../core/bind-db.ts';
import { AppError } from '../../http/errors.ts';
import type { Locale } from '../../../shared/fields.ts';
import { escapeHtml, publicPage, publicRoutes, requestLocale } from '../public/public.platform.ts';
import { checkUnsubscribe, recordOpen, unsubscribe, type TokenCheck } from './mail.suppressions.ts';

const TokenParams = z.object({ token: z.string().max(600) });
/** The smallest transparent GIF: every pixel request gets exactly these bytes. */
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

const TEXT: Record<Locale, { title: string; ask: string; button: string; done: string; invalid: string; expired: string }> = {
  en: {
    title: 'Unsubscribe', ask: 'Stop sending e-mails to {email}?', button: 'Unsubscribe',
    done: '{email} will receive no more of these e-mails.', invalid: 'This link is not valid.', expired: 'This link has expired.',
  },
  'zh-CN': {
    title: '退订', ask: '不再向 {email} 发送邮件？', button: '确认退订',
    done: '{email} 将不再收到此类邮件。', invalid: '此链接无效。', expired: '此链接已过期。',
  },
  'zh-TW': {
    title: '取消訂閱', ask: '不再寄送郵件給 {email}？', button: '確認取消訂閱',
    done: '{email} 將不再收到此類郵件。', invalid: '此連結無效。', expired: '此連結已過期。',
  },
};

/** Enough of the address for its owner to recognise it, not enough for someone holding a forwarded link. */
function masked(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}

function localeOf(req: FastifyRequest, check: TokenCheck): Locale {
  const q = (req.query as Record<string, unknown>)?.locale;
  if (!q && !req.headers['accept-language'] && check.ok && check.locale && check.locale in TEXT) return check.locale as Locale;
  return requestLocale(req);
}

function page(reply: FastifyReply, locale: Locale, status: number, body: string) {
  const t = TEXT[locale];
  return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(publicPage(locale, t.title, body));
}

function refusal(check: Extract<TokenCheck, { ok: false }>) {
  return new AppError('validation_failed', check.reason === 'expired_token' ? 'This link has expired' : 'This link is not valid', { reason: check.reason });
}

export default async function mailPublicRoutes(app: FastifyInstance) {
  const svc = bindDb(app, { checkUnsubscribe, unsubscribe, recordOpen });
  await publicRoutes(app, async (pub) => {
    // The link in the footer: a page asking to confirm (link scanners that follow GETs unsubscribe nobody).
    pub.get('/unsubscribe/:token', { config: { publicRoute: { max: 30 } }, schema: { tags: ['public'], params: TokenParams } }, async (req, reply) => {
      const check = await svc.checkUnsubscribe((req.params as z.infer<typeof TokenParams>).token);
      const locale = localeOf(req, check);
      const t = TEXT[locale];
      if (!check.ok) return page(reply, locale, 400, `<h1>${t.title}</h1><p>${check.reason === 'expired_token' ? t.expired : t.invalid}</p>`);
      return page(reply, locale, 200, `<h1>${t.title}</h1><form method="post"><p>${escapeHtml(t.ask.replace('{email}', masked(check.email)))}</p>
<input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit" style="padding:6px 16px;font:inherit">${t.button}</button></form>`);
    });
    // RFC 8058 one-click (mail providers POST `List-Unsubscribe=One-Click`), and the page's button.
    pub.post('/unsubscribe/:token', { config: { publicRoute: { max: 30 } }, schema: { tags: ['public'], params: TokenParams } }, async (req, reply) => {
      const check = await svc.unsubscribe((req.params as z.infer<typeof TokenParams>).token);
      const html = String(req.headers.accept ?? '').includes('text/html');
      const locale = localeOf(req, check);
      if (!check.ok) {
        if (html) return page(reply, locale, 400, `<h1>${TEXT[locale].title}</h1><p>${check.reason === 'expired_token' ? TEXT[locale].expired : TEXT[locale].invalid}</p>`);
        throw refusal(check);
      }
      if (html) return page(reply, locale, 200, `<h1>${TEXT[locale].title}</h1><p>${escapeHtml(TEXT[locale].done.replace('{email}', masked(check.email)))}</p>`);
      return { data: { unsubscribed: true } };
    });
    // The pixel: the same GIF for every request, a bad token only writes nothing.
    pub.get('/t/:file', { config: { publicRoute: { max: 300 } }, schema: { tags: ['public'], hide: true } }, async (req, reply) => {
      const file = String((req.params as { file?: string }).file ?? '');
      if (file.endsWith('.gif') && file.length < 600) await svc.recordOpen(file.slice(0, -4));
      return reply.type('image/gif').header('cache-control', 'no-store, max-age=0').send(GIF);
    });
  });
}
