import type { FastifyInstance } from 'fastify';

/**
 * One log line per answered request (Fastify's own request logging, two lines each, is off):
 * method, route pattern, status and time. The route pattern, not the URL, so tokens in paths
 * (signed links) and query strings never reach the log. Written at `info`, so a production
 * server (log level `warn` by default, config.ts) writes none until GUANXI_LOG_LEVEL=info;
 * server errors are logged at `error` by the error handler whatever the level.
 */
export function useRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', async (req, reply) => {
    req.log.info({ method: req.method, route: req.routeOptions.url ?? '(no route)', status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
  });
}
