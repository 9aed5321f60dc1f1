// The platform of public endpoints: what any module uses to answer the world without a login
// (web forms here; survey answers, quote acceptance, callback requests later).
//
//   export default async function routes(app) {
//     await publicRoutes(app, async (pub) => {
//       pub.post('/surveys/:key/answers', { config: { publicRoute: { max: 10, timeWindow: '1 minute' } }, schema }, handler);
//     });
//   }
//
// Every route registered on `pub` is under /api/v1/public/…, and gets:
// - no session and no CSRF check (`config.public`; `anonymous`: a cookie or token sent along is
//   not even looked up), nothing else skipped: zod contracts, the
//   error mapping, security headers and the NUL-byte guard still apply;
// - a limit per client address (@fastify/rate-limit; the address is Fastify's `req.ip`, which
//   believes X-Forwarded-For only from the proxies GUANXI_TRUST_PROXY names): 429 `rate_limited`
//   with Retry-After before the handler runs, so a flood writes nothing;
// - a body limit (64 KB unless the route says otherwise);
// - CORS for embedding: an origin on the allow-list (public.settings.ts) gets
//   Access-Control-Allow-Origin, its preflight 204; any other origin's preflight is refused (403),
//   and a write sent with another origin is refused too (403, nothing written). No credentials
//   are ever allowed, so a visitor's CRM session never rides along.
// - `application/x-www-form-urlencoded` bodies (plain HTML forms, RFC 8058 one-click POSTs).
import { createHmac } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Locale } from '../../../shared/fields.ts';
import { AppError } from '../../http/errors.ts';
import { bindDb } from '../../core/bind-db.ts';
import { signingKeys } from '../../core/signed-tokens.ts';
import { getPublicSettings } from './public.settings.ts';

export const PUBLIC_PREFIX = '/public';
/** Requests per client address and window, unless a route says otherwise. */
export const DEFAULT_PUBLIC_LIMIT = { max: 30, timeWindow: 60_000 };
export const DEFAULT_PUBLIC_BODY_LIMIT = 64 * 1024;
/** The field a bot fills and a person never sees (hidden by CSS in the snippet and hosted page). */
export const HONEYPOT_FIELD = '_gx_website';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Public routes: this route's limit per client address (max requests per timeWindow ms or '1 minute'). */
    publicRoute?: { max?: number; timeWindow?: number | string };
  }
}

/** A bot filled the hidden field: answer as if all went well, store nothing. */
export function honeypotTripped(body: unknown, field = HONEYPOT_FIELD): boolean {
  if (!body || typeof body !== 'object') return false;
  const v = (body as Record<string, unknown>)[field];
  return v != null && String(v).trim() !== '';
}

/** The client address as an HMAC under the installation's key: floods are visible, people are not. */
export async function ipHash(db: Parameters<typeof signingKeys>[0], ip: string): Promise<string> {
  const keys = await signingKeys(db);
  return createHmac('sha256', keys.current).update(`ip\n${ip}`).digest('hex').slice(0, 32);
}

/** The origin of this server as the client sees it (a same-origin page is always allowed). */
function ownOrigin(req: FastifyRequest): string {
  return `${req.protocol}://${req.host}`;
}

function originAllowed(req: FastifyRequest, origin: string, list: string[]): boolean {
  return origin === ownOrigin(req) || list.includes('*') || list.includes(origin);
}

export async function publicRoutes(app: FastifyInstance, register: (pub: FastifyInstance) => Promise<void> | void): Promise<void> {
  const svc = bindDb(app, { getPublicSettings });
  await app.register(
    async (pub) => {
      pub.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(String(body))));
      });
      pub.addHook('onRoute', (route) => {
        route.config = { ...(route.config ?? {}), public: true, anonymous: true } as typeof route.config;
        route.bodyLimit ??= DEFAULT_PUBLIC_BODY_LIMIT;
        const own = (route.config as { publicRoute?: { max?: number; timeWindow?: number | string } }).publicRoute ?? {};
        const limiter = app.rateLimit({ ...DEFAULT_PUBLIC_LIMIT, ...own });
        const hooks = [route.onRequest ?? []].flat();
        route.onRequest = [cors, limiter as never, ...hooks];
      });

      async function cors(req: FastifyRequest, reply: FastifyReply): Promise<void> {
        // Embeddable from other sites (the snippet's script, the pixel in a webmail page).
        reply.header('cross-origin-resource-policy', 'cross-origin');
        const origin = req.headers.origin;
        if (!origin) return;
        const allowed = originAllowed(req, origin, (await svc.getPublicSettings()).allowed_origins);
        reply.header('vary', 'Origin');
        if (allowed) {
          reply.header('access-control-allow-origin', origin);
          return;
        }
        // A browser on another site may not write here (a GET answers, unreadable to its page).
        if (req.method !== 'GET' && req.method !== 'HEAD') throw new AppError('forbidden', 'This origin may not call the public API', { reason: 'origin_not_allowed' });
      }

      // Preflights: allowed origins may send JSON; nobody may send credentials. One catch-all
      // route serves every module's public routes (the first module to call this registers it).
      if (!pub.hasRoute({ method: 'OPTIONS', url: `${pub.prefix}/*` })) pub.options('/*', { schema: { hide: true } }, async (req, reply) => {
        if (!req.headers.origin || !reply.getHeader('access-control-allow-origin')) {
          throw new AppError('forbidden', 'This origin may not call the public API', { reason: 'origin_not_allowed' });
        }
        reply.header('access-control-allow-methods', 'GET, POST');
        reply.header('access-control-allow-headers', 'content-type');
        reply.header('access-control-max-age', '600');
        reply.status(204).send();
      });

      await register(pub);
    },
    { prefix: PUBLIC_PREFIX },
  );
}

/**
 * The language of a public answer: `?locale=` (en, zh-CN, zh-TW, or a browser tag such as
 * zh-Hant-TW), else Accept-Language, else English. Traditional-script regions get zh-TW.
 */
export function requestLocale(req: FastifyRequest): Locale {
  const asked = (req.query as Record<string, unknown> | undefined)?.locale;
  const tags = [typeof asked === 'string' ? asked : '', ...String(req.headers['accept-language'] ?? '').split(',').map((s) => s.split(';')[0]!.trim())];
  for (const raw of tags) {
    const tag = raw.toLowerCase();
    if (!tag) continue;
    if (/^zh-(tw|hk|mo|hant)/.test(tag)) return 'zh-TW';
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'en';
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

/** A small page for people who followed a link (unsubscribe, hosted form): no script of its own. */
export function publicPage(locale: Locale, title: string, body: string): string {
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title></head><body style="font-family: system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', sans-serif; max-width: 560px; margin: 3rem auto; padding: 0 1rem; color: #1f1f1f; line-height: 1.5">
${body}</body></html>`;
}
