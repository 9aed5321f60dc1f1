import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { LoginAnswer, LoginBody, Me, MeAnswer } from '../../../shared/contracts/auth.ts';
import { actorOf, CSRF_COOKIE, requestToken, SESSION_COOKIE } from '../../http/auth-hook.ts';
import { login, logout } from './auth.service.ts';
import { randomToken, tokenHash } from '../../core/passwords.ts';
import { bindDb } from '../../core/bind-db.ts';
import { MeBody, updateMe } from './me.service.ts';

export { LoginBody };

export function meView(a: { id: number; email: string; name: string; role: string; team_id: number | null; locale: string; permissions: unknown }): z.infer<typeof Me> {
  return { id: a.id, email: a.email, name: a.name, role: a.role, team_id: a.team_id, locale: a.locale, permissions: a.permissions as z.infer<typeof Me>['permissions'] };
}

export default async function authRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const auth = bindDb(app, { login, logout, updateMe });
  // Failed attempts are limited per account and per address in auth.service (login-throttle.ts).
  app.post('/auth/login', {
    config: { public: true },
    schema: { tags: ['auth'], body: LoginBody, response: { 200: LoginAnswer } },
  }, async (req, reply) => {
    const body = req.body;
    const r = await auth.login(app.config, { ...body, ip: req.ip, userAgent: req.headers['user-agent'] });
    const secure = req.protocol === 'https';
    reply.setCookie(SESSION_COOKIE, r.token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: r.expiresAt });
    reply.setCookie(CSRF_COOKIE, randomToken(18), { path: '/', httpOnly: false, sameSite: 'lax', secure, expires: r.expiresAt });
    return { data: { token: r.token, user: meView(r.actor) } };
  });

  app.post('/auth/logout', { config: { public: true }, schema: { tags: ['auth'] } }, async (req, reply) => {
    const token = requestToken(req);
    if (token) await auth.logout(token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
    return { data: { ok: true } };
  });

  app.get('/auth/me', { schema: { tags: ['auth'], response: { 200: MeAnswer } } }, async (req) => ({ data: meView(actorOf(req)) }));

  app.patch('/auth/me', { schema: { tags: ['auth'], body: MeBody, response: { 200: MeAnswer } } }, async (req) => {
    const actor = actorOf(req);
    const body = req.body;
    const current = requestToken(req);
    await auth.updateMe(actor, body, req.authVia === 'api_key' || !current ? undefined : tokenHash(current));
    return { data: meView({ ...actor, ...(body.name ? { name: body.name } : {}), ...(body.locale ? { locale: body.locale } : {}) }) };
  });
}
