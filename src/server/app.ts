import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import './http/context.ts';
import type { Database } from './db/connect.ts';
import type { Config } from './config.ts';
import { registerAuth } from './http/auth-hook.ts';
import { registerErrorHandler } from './http/error-handler.ts';
import { rejectNulBytes } from './http/validate.ts';
import { openApiTransform, useContracts } from './http/contracts.ts';
import { withObjectSchemas } from './http/openapi-objects.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { createJobQueue } from './jobs/queue.ts';
import { registerOutbox } from './jobs/outbox.ts';
import { registerRetention } from './jobs/retention.ts';
import authRoutes from './modules/auth/auth.routes.ts';
import setupRoutes from './modules/auth/setup.routes.ts';
import usersRoutes from './modules/users/users.routes.ts';
import rolesRoutes from './modules/users/roles.routes.ts';
import apiKeysRoutes from './modules/users/api-keys.routes.ts';
import customFieldsRoutes from './modules/custom-fields/custom-fields.routes.ts';
import viewsRoutes from './modules/views/views.routes.ts';
import auditRoutes from './modules/audit/audit.routes.ts';
import searchRoutes from './modules/search/search.routes.ts';
import metaRoutes from './modules/records/meta.routes.ts';
import accountsRoutes from './modules/accounts/accounts.routes.ts';
import contactsRoutes from './modules/contacts/contacts.routes.ts';
import activitiesRoutes from './modules/activities/activities.routes.ts';
import tasksRoutes from './modules/tasks/tasks.routes.ts';
import settingsRoutes from './modules/settings/settings.routes.ts';
import importsRoutes, { registerImportJobs } from './modules/imports/imports.routes.ts';
import { registerSearchJobs } from './modules/search/reindex.ts';
import { loadPhoneRegion } from './modules/settings/settings.service.ts';

export const API_PREFIX = '/api/v1';
/** Trust the nearest `n` proxies (Fastify's own meaning of a number, which its types omit). */
const hops = (n: number) => (_addr: string, i: number) => i < n;
const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;

export async function buildApp(database: Database, config: Config, opts: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] } : false,
    bodyLimit: 10 * 1024 * 1024,
    // Proxy headers only from configured proxies (GUANXI_TRUST_PROXY): otherwise any client could
    // pick its own address for the sign-in limits.
    trustProxy: typeof config.trustProxy === 'number' ? hops(config.trustProxy) : config.trustProxy,
  });
  app.decorate('database', database);
  app.decorate('db', database.db);
  app.decorate('config', config);
  app.decorate('jobs', createJobQueue(database.db, app.log));
  // Record events reach subscribers through the outbox; old rows and files go by retention.
  const stopOutbox = registerOutbox(app.jobs, database.db, app.log);
  app.addHook('onClose', stopOutbox);
  registerRetention(app.jobs, database.db, config.retention);
  // Requests are validated and answers serialised from each route's zod contract (http/contracts.ts).
  useContracts(app);
  // One guard for every route: PostgreSQL text cannot hold U+0000 (a 400, never a 500).
  app.addHook('preValidation', rejectNulBytes);
  const hasWeb = fs.existsSync(path.join(config.webDir, 'index.html'));
  registerErrorHandler(app, { spaFallback: hasWeb });

  await registerSecurityHeaders(app);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Guanxi API', version: '1', description: 'Guanxi CRM REST API. See docs/api.md for conventions.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: openApiTransform,
    transformObject: withObjectSchemas(API_PREFIX),
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
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
      for (const routes of [
        authRoutes, setupRoutes, usersRoutes, rolesRoutes, apiKeysRoutes, customFieldsRoutes, viewsRoutes, auditRoutes,
        searchRoutes, metaRoutes, accountsRoutes, contactsRoutes, activitiesRoutes, tasksRoutes, importsRoutes,
        settingsRoutes,
      ]) await api.register(routes);
    },
    { prefix: API_PREFIX },
  );
  registerImportJobs(app);
  registerSearchJobs(app);
  app.addHook('onReady', async () => loadPhoneRegion(database.db));

  if (hasWeb) {
    await app.register(fastifyStatic, { root: config.webDir, prefix: '/' });
  } else {
    app.get('/', { config: { public: true }, schema: { hide: true } }, async (_req, reply) =>
      reply.type('text/plain').send('Guanxi API is running. The web app is not built: run `npm run build:web`.'));
  }
  return app;
}
