import type { FastifyInstance } from 'fastify';

// The deprecation policy of /api/v1 (docs/api.md "Versioning"), enforced rather than promised:
// a route marked `schema.deprecated: true` must name its end (`config.sunset`, an ISO date, at
// least six months after the release that deprecates it) or the app refuses to start; its
// answers then carry `Deprecation: true`, `Sunset: <HTTP date>` (RFC 8594) and, with a
// `config.successor`, a Link to the replacement. The OpenAPI document marks it deprecated.

export function useDeprecation(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (!(route.schema as { deprecated?: boolean } | undefined)?.deprecated) return;
    const sunset = route.config?.sunset;
    if (!sunset || Number.isNaN(Date.parse(sunset))) {
      throw new Error(`${String(route.method)} ${route.url} is deprecated: give it config.sunset (an ISO date) — docs/api.md "Versioning"`);
    }
  });
  app.addHook('onSend', async (req, reply) => {
    const config = req.routeOptions.config;
    if (!config?.sunset || !(req.routeOptions.schema as { deprecated?: boolean } | undefined)?.deprecated) return;
    reply.header('deprecation', 'true');
    reply.header('sunset', new Date(config.sunset).toUTCString());
    if (config.successor) reply.header('link', `<${config.successor}>; rel="successor-version"`);
  });
}
