import type { FastifyInstance } from 'fastify';
import swaggerUi from '@fastify/swagger-ui';

// The API reference page (swagger-ui) at /api/docs, with its document at /api/docs/json. Both
// are public, like /api/v1/openapi.json: the document describes the routes of this open-source
// version, never an install's data (custom fields are read from GET /meta/objects, signed in).
// "Try it out" runs as whoever is signed in to the web app in that browser — the session cookie
// rides along and the CSRF header writes need is added below — or with an API key given under
// "Authorize" (kept across reloads by persistAuthorization).

export const DOCS_PREFIX = '/api/docs';

/**
 * Runs in the browser (swagger-ui serialises it into its initializer script): a write made with
 * the session cookie must send the gx_csrf cookie's value as x-csrf-token (http/auth-hook.ts).
 * Self-contained on purpose: nothing outside the function exists where it runs.
 */
export function sendCsrfHeader(request: { [prop: string]: any }) {
  const headers = request.headers as Record<string, string>;
  const doc = (globalThis as { document?: { cookie: string } }).document;
  const found = doc ? /(?:^|;\s*)gx_csrf=([^;]*)/.exec(doc.cookie) : null;
  if (found && !headers.Authorization) headers['x-csrf-token'] = decodeURIComponent(found[1] ?? '');
  return request;
}

export async function registerApiDocs(app: FastifyInstance): Promise<void> {
  // Every route swagger-ui adds under the prefix is public (the auth hook reads config.public).
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith(DOCS_PREFIX)) route.config = { ...(route.config as object | undefined), public: true };
  });
  await app.register(swaggerUi, {
    routePrefix: DOCS_PREFIX,
    theme: { title: 'Guanxi API' },
    uiConfig: { persistAuthorization: true, displayOperationId: true, requestInterceptor: sendCsrfHeader },
  });
}
