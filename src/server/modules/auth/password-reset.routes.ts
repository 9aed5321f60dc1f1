import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { bindDb } from '../../core/bind-db.ts';
import { confirmPasswordReset, requestPasswordReset, resetAvailable, ResetConfirmBody, ResetRequestBody } from './password-reset.service.ts';

const Ok = z.object({ data: z.object({ ok: z.literal(true) }) });

// Public: the sign-in page's "Forgot password?" (password-reset.service.ts says what each guarantees).
export default async function passwordResetRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const svc = bindDb(app, { requestPasswordReset, confirmPasswordReset, resetAvailable });
  const tags = ['auth'];
  app.get('/auth/password-reset', {
    config: { public: true },
    schema: { tags, description: 'Whether reset by e-mail is available here (outgoing mail and the public address are set).', response: { 200: z.object({ data: z.object({ available: z.boolean() }) }) } },
  }, async () => ({ data: { available: await svc.resetAvailable() } }));
  app.post('/auth/password-reset', {
    config: { public: true },
    schema: { tags, body: ResetRequestBody, description: 'Sends a reset link to the account with this address, if any; the answer is the same either way.', response: { 200: Ok } },
  }, async (req) => {
    await svc.requestPasswordReset({ email: req.body.email, ip: req.ip ?? null });
    return { data: { ok: true as const } };
  });
  app.post('/auth/password-reset/confirm', {
    config: { public: true },
    schema: { tags, body: ResetConfirmBody, description: 'Sets a new password with the token of a reset link (once, within 30 minutes); signs the account out everywhere.', response: { 200: Ok } },
  }, async (req) => {
    await svc.confirmPasswordReset(req.body);
    return { data: { ok: true as const } };
  });
}
