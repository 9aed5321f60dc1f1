// The hosted page of a web form, /f/{key}: a page of this server's own that loads the same
// script as the snippet (script-src 'self' allows it; the page has no inline script).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { bindDb } from '../../core/bind-db.ts';
import { publicForm } from './forms.submit.ts';
import { escapeHtml, publicPage, requestLocale } from './public.platform.ts';
import { AppError } from '../../http/errors.ts';

const Key = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const NOT_FOUND = { en: 'This form does not exist or is closed.', 'zh-CN': '此表单不存在或已关闭。', 'zh-TW': '此表單不存在或已關閉。' };

export default async function formPages(app: FastifyInstance) {
  const svc = bindDb(app, { publicForm });
  app.get('/f/:key', { config: { rateLimit: { max: 60, timeWindow: 60_000 } }, schema: { hide: true } }, async (req, reply) => {
    const locale = requestLocale(req);
    const key = Key.safeParse((req.params as { key?: string }).key);
    let name: string | null = null;
    try {
      if (key.success) name = (await svc.publicForm(key.data, locale)).name;
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'not_found')) throw e;
    }
    reply.type('text/html; charset=utf-8');
    if (!name || !key.success) return reply.status(404).send(publicPage(locale, '404', `<p>${NOT_FOUND[locale]}</p>`));
    return publicPage(locale, name, `<div data-guanxi-form="${escapeHtml(key.data)}" data-locale="${locale}"></div>
<script src="/api/v1/public/forms/embed.js"></script>`);
  });
}
