import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';
import { invalidateAuthCache, resolveToken } from '../modules/auth/auth.service.ts';
import { requireCan, type Actor } from '../core/access.ts';

export const SESSION_COOKIE = 'gx_session';
export const CSRF_COOKIE = 'gx_csrf';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Resolves who calls every request; routes not marked public require someone. */
export function registerAuth(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('authVia', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/') || req.routeOptions.config?.anonymous) return;
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const r = await resolveToken(app.db, app.config, requestToken(req) ?? '');
      if (r) {
        req.actor = r.actor;
        req.authVia = r.via === 'api_key' ? 'api_key' : 'bearer';
      }
    } else {
      const token = req.cookies[SESSION_COOKIE];
      if (token) {
        const r = await resolveToken(app.db, app.config, token);
        if (r) {
          req.actor = r.actor;
          req.authVia = 'cookie';
          // Cookies ride along on cross-site requests; the CSRF token (double submit) does not.
          if (UNSAFE.has(req.method) && !req.routeOptions.config?.public) {
            const sent = req.headers['x-csrf-token'];
            if (!sent || sent !== req.cookies[CSRF_COOKIE]) throw new AppError('forbidden', 'Missing or wrong CSRF token (x-csrf-token header)');
          }
        }
      }
    }
    if (!req.actor && !req.routeOptions.config?.public) throw new AppError('unauthenticated', 'Sign in first');
  });
  // Who a token is stays cached for a moment (auth.service.ts). A write may have changed it
  // (logout, a revoked key, a role's permissions, a user's role, team or status): it has
  // committed by now, and the cache is cleared before the client hears back from it.
  app.addHook('onSend', async (req) => {
    if (UNSAFE.has(req.method) && req.url.startsWith('/api/')) invalidateAuthCache();
  });
}

/** The session token or API key this request came with (cookie, else bearer header). */
export function requestToken(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || undefined;
  return req.cookies[SESSION_COOKIE] || undefined;
}

export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('unauthenticated', 'Sign in first');
  return req.actor;
}

/**
 * Route option `preValidation: adminOnly`: a caller who may not administer is refused before
 * the body is checked, so a 403 never turns into a 400 that describes the contract.
 */
export async function adminOnly(req: FastifyRequest): Promise<void> {
  requireCan(actorOf(req), 'admin');
}
