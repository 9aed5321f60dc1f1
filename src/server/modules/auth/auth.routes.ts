import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { doc, parse } from '../../http/validate.ts';
import { actorOf, CSRF_COOKIE, requestToken, SESSION_COOKIE } from '../../http/auth-hook.ts';
import { login, logout } from './auth.service.ts';
import { randomToken, hashPassword, verifyPassword, tokenHash } from '../../core/passwords.ts';
import { assertPasswordPolicy, NewPassword } from '../../core/password-policy.ts';
import { endSessions } from '../users/users.service.ts';
import { AppError } from '../../http/errors.ts';
import { LOCALES } from '../../../shared/fields.ts';
import { writeAudit } from '../../core/audit.ts';

export const LoginBody = z.object({ email: z.string().trim().min(3).max(320), password: z.string().min(1).max(500) });
export const MeBody = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  locale: z.enum(LOCALES).optional(),
  password: NewPassword.optional(),
  current_password: z.string().optional(),
});

export function meView(a: { id: number; email: string; name: string; role: string; team_id: number | null; locale: string; permissions: unknown }) {
  return { id: a.id, email: a.email, name: a.name, role: a.role, team_id: a.team_id, locale: a.locale, permissions: a.permissions };
}

export default async function authRoutes(app: FastifyInstance) {
  // Failed attempts are limited per account and per address in auth.service (login-throttle.ts).
  app.post('/auth/login', {
    config: { public: true },
    schema: { tags: ['auth'], body: doc(LoginBody) },
  }, async (req, reply) => {
    const body = parse(LoginBody, req.body);
    const r = await login(app.db, app.config, { ...body, ip: req.ip, userAgent: req.headers['user-agent'] });
    const secure = req.protocol === 'https';
    reply.setCookie(SESSION_COOKIE, r.token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: r.expiresAt });
    reply.setCookie(CSRF_COOKIE, randomToken(18), { path: '/', httpOnly: false, sameSite: 'lax', secure, expires: r.expiresAt });
    return { data: { token: r.token, user: meView(r.actor) } };
  });

  app.post('/auth/logout', { config: { public: true }, schema: { tags: ['auth'] } }, async (req, reply) => {
    const token = requestToken(req);
    if (token) await logout(app.db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
    return { data: { ok: true } };
  });

  app.get('/auth/me', { schema: { tags: ['auth'] } }, async (req) => ({ data: meView(actorOf(req)) }));

  app.patch('/auth/me', { schema: { tags: ['auth'], body: doc(MeBody) } }, async (req) => {
    const actor = actorOf(req);
    const body = parse(MeBody, req.body);
    const set: Record<string, unknown> = { updated_at: new Date() };
    if (body.name) set.name = body.name;
    if (body.locale) set.locale = body.locale;
    if (body.password) {
      const u = await app.db.selectFrom('users').select('password_hash').where('id', '=', actor.id).executeTakeFirstOrThrow();
      if (!body.current_password || !(await verifyPassword(body.current_password, u.password_hash))) {
        throw new AppError('validation_failed', 'The current password is wrong', [{ field: 'current_password', message: 'Wrong password' }]);
      }
      assertPasswordPolicy(body.password, actor.email);
      set.password_hash = await hashPassword(body.password);
    }
    await app.db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set(set).where('id', '=', actor.id).execute();
      // Whoever knew the old password is signed out everywhere else; this session stays.
      if (body.password) {
        const current = requestToken(req);
        await endSessions(trx, actor.id, req.authVia === 'api_key' || !current ? undefined : tokenHash(current));
      }
      const changed = Object.keys(set).filter((k) => k !== 'updated_at').map((k) => (k === 'password_hash' ? 'password' : k));
      await writeAudit(trx, { actorId: actor.id, action: 'update', object: 'users', recordId: actor.id, changes: { fields: changed } });
    });
    return { data: meView({ ...actor, ...(body.name ? { name: body.name } : {}), ...(body.locale ? { locale: body.locale } : {}) }) };
  });
}
