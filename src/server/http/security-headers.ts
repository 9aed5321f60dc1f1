import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * Security headers on every answer (helmet): a content security policy the built web
 * app and /api/docs run under, no framing, no MIME sniffing, no referrer to other sites.
 *
 * - scripts only from this origin: Vite emits no inline script, so an injected `<script>` or
 *   `onclick=` never runs;
 * - styles also inline: Ant Design writes its CSS-in-JS into `<style>` elements and `style`
 *   attributes at run time (and swagger-ui sets style attributes);
 * - images also `data:` (the app's icon, swagger-ui's SVGs) and `blob:` (downloaded exports);
 * - no `upgrade-insecure-requests`: a server reached over plain HTTP on a LAN address must not
 *   have its own assets rewritten to an https:// that does not exist.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  // One helmet middleware, built once: @fastify/helmet built it again for every request
  // (parsing the policy each time), a measurable share of a list request's CPU.
  const headers = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    // HSTS only matters over HTTPS (browsers ignore it on http://); not for sibling subdomains.
    strictTransportSecurity: { maxAge: 15_552_000, includeSubDomains: false },
    referrerPolicy: { policy: 'same-origin' },
  });
  app.addHook('onRequest', (req, reply, done) => headers(req.raw, reply.raw, (err?: unknown) => done(err as Error | undefined)));
}
