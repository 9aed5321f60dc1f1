import fs from 'node:fs';
import path from 'node:path';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import { webCacheHeaders } from './http/web-cache.ts';
import './http/context.ts';
import type { Database } from './db/connect.ts';
import type { Config } from './config.ts';
import { registerAuth } from './http/auth-hook.ts';
import { registerErrorHandler } from './http/error-handler.ts';
import { rejectNulBytes } from './http/validate.ts';
import { openApiTransform, useContracts } from './http/contracts.ts';
import { finishOpenApiDocument } from './http/openapi-document.ts';
import { registerApiDocs } from './http/api-docs.ts';
import { useDeprecation } from './http/deprecation.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { createJobQueue } from './jobs/queue.ts';
import { registerOutbox } from './jobs/outbox.ts';
import { registerRetention } from './jobs/retention.ts';
import { registerVacuum } from './jobs/vacuum.ts';
import { useRequestLog } from './http/request-log.ts';
import { loadModules } from './core/module-loader.ts';
import { useConfiguredSigningSecret } from './core/signed-tokens.ts';
import { keyFileKeys, useSecretKeys } from './core/secrets.ts';
import { getObject, objectNames } from './records/registry.ts';
import { legacyPathRewriter, useLegacyPathHeaders } from './http/legacy-paths.ts';
import { resourcePath } from '../shared/resource-path.ts';
import { registerRecordRoutes } from './records/routes.ts';

export const API_PREFIX = '/api/v1';
/** Trust the nearest `n` proxies (Fastify's own meaning of a number, which its types omit). */
const hops = (n: number) => (_addr: string, i: number) => i < n;
const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;

/**
 * `opts.modules`: module folders beside the built-in ones and config.modules (GUANXI_MODULES);
 * their migrations and bootstrap steps must have run (migrate/bootstrap with the same list).
 */
export async function buildApp(
  database: Database, config: Config, opts: { logger?: boolean; logStream?: NodeJS.WritableStream; modules?: string[] } = {},
): Promise<FastifyInstance> {
  const modules = await loadModules([...config.modules, ...(opts.modules ?? [])]);
  const app = Fastify({
    logger: opts.logger || opts.logStream
      ? { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'], ...(opts.logStream ? { stream: opts.logStream } : {}) }
      : false,
    // One line per request instead of two (http/request-log.ts).
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 10 * 1024 * 1024,
    // Proxy headers only from configured proxies (GUANXI_TRUST_PROXY): otherwise any client could
    // pick its own address for the sign-in limits.
    trustProxy: typeof config.trustProxy === 'number' ? hops(config.trustProxy) : config.trustProxy,
    // Released underscore paths (/price_books) answer as their hyphenated ones (http/legacy-paths.ts).
    rewriteUrl: legacyPathRewriter(API_PREFIX, modules.flatMap((m) => m.legacyPaths ?? [])),
  });
  app.decorate('database', database);
  app.decorate('db', database.db);
  app.decorate('config', config);
  useRequestLog(app);
  useConfiguredSigningSecret(config.signingSecret, config.signingSecretPrevious);
  useSecretKeys(config.secretKey ? { current: config.secretKey, previous: config.secretKeyPrevious ?? null }
    : database.dataDir ? keyFileKeys(`${database.dataDir}.secret-key`) : null);
  app.decorate('jobs', createJobQueue(database.db, app.log));
  // Record events reach subscribers through the outbox; old rows and files go by retention.
  const stopOutbox = registerOutbox(app.jobs, database.db, app.log);
  app.addHook('onClose', stopOutbox);
  registerRetention(app.jobs, database.db, { ...config.retention, archiveDir: path.join(config.dataDir, 'audit-archive') });
  registerVacuum(app.jobs, database);
  // Requests are validated and answers serialised from each route's zod contract (http/contracts.ts).
  useContracts(app);
  // One guard for every route: PostgreSQL text cannot hold U+0000 (a 400, never a 500).
  app.addHook('preValidation', rejectNulBytes);
  // Deprecated routes name their Sunset date, and their answers carry it.
  useDeprecation(app);
  useLegacyPathHeaders(app);
  const hasWeb = fs.existsSync(path.join(config.webDir, 'index.html'));
  registerErrorHandler(app, { spaFallback: hasWeb });

  await registerSecurityHeaders(app);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Guanxi API', version: '1', description: 'Guanxi CRM REST API. See docs/api.md for conventions.' },
    },
    // Contracts become schemas per route; the finished document adds operationIds, security,
    // the error envelope and the record schemas per object (http/openapi-document.ts).
    transform: openApiTransform,
    transformObject: finishOpenApiDocument(API_PREFIX),
  });
  await registerApiDocs(app);
  registerAuth(app);

  await app.register(
    async (api) => {
      // For load balancers and supervisors: 503 while the database does not answer.
      api.get('/health', { config: { public: true }, schema: { tags: ['meta'] } }, async (_req, reply) => {
        const up = await database.ping();
        reply.status(up ? 200 : 503);
        return { status: up ? 'ok' : 'unavailable', database: up ? 'ok' : 'down' };
      });
      api.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
      // Every module's routes; each is a plugin of its own, so the order does not matter.
      for (const m of modules) if (m.routes) await api.register(m.routes);
      // Every object gets the standard record surface (unless its module mounted it with options
      // of its own), then what the platform modules offer the objects declaring it.
      for (const name of objectNames()) {
        const def = getObject(name);
        if (!api.hasRoute({ method: 'GET', url: `${API_PREFIX}/${resourcePath(name)}/count` })) registerRecordRoutes(api, def);
        for (const m of modules) m.objectRoutes?.(api, def);
      }
    },
    { prefix: API_PREFIX },
  );
  for (const m of modules) m.jobs?.(app);
  for (const m of modules) if (m.pages) await app.register(m.pages);

  if (hasWeb) {
    await app.register(fastifyStatic, { root: config.webDir, prefix: '/', preCompressed: true, setHeaders: webCacheHeaders });
  } else {
    app.get('/', { config: { public: true }, schema: { hide: true } }, async (_req, reply) =>
      reply.type('text/plain').send('Guanxi API is running. The web app is not built: run `npm run build:web`.'));
  }
  return app;
}
