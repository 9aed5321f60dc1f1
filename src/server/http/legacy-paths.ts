import type { FastifyInstance, RawRequestDefaultExpression } from 'fastify';
import { objectNames } from '../records/registry.ts';
import { resourcePath } from '../../shared/resource-path.ts';

// Multi-word resources answer under hyphenated paths (`/price-books`), the API's convention; the
// underscore paths released before (`/price_books`, every object named with an underscore, and
// the module paths a manifest lists in `legacyPaths`) keep answering exactly the same: the URL is
// rewritten before routing (Fastify `rewriteUrl`), so one route serves both and nothing is copied.
// Their answers say the path is deprecated and name the canonical one (Deprecation + Link); there
// is no Sunset: they go only with /api/v2 (docs/api.md "Paths").

/** The underscore segments that answer under their hyphenated form. */
function legacySegments(extra: readonly string[]): Set<string> {
  return new Set([...objectNames(), ...extra].filter((n) => n.includes('_')));
}

/**
 * The `rewriteUrl` of the app: `/api/v1/price_books/3?x` → `/api/v1/price-books/3?x`. Objects are
 * read from the registry on each request (modules register theirs before the app starts).
 */
export function legacyPathRewriter(prefix: string, extra: readonly string[]): (req: RawRequestDefaultExpression) => string {
  const head = `${prefix}/`;
  return (req) => {
    const url = req.url ?? '/';
    if (!url.startsWith(head)) return url;
    const match = /^([a-z0-9_]+)(?=[/?#]|$)/.exec(url.slice(head.length));
    if (!match || !match[1]!.includes('_') || !legacySegments(extra).has(match[1]!)) return url;
    return head + resourcePath(match[1]!) + url.slice(head.length + match[1]!.length);
  };
}

/** Answers to a rewritten (legacy) path carry `Deprecation: true` and a Link to the canonical path. */
export function useLegacyPathHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply) => {
    if (req.originalUrl === req.url) return;
    reply.header('deprecation', 'true');
    reply.header('link', `<${req.url.split('?')[0]}>; rel="successor-version"`);
  });
}
