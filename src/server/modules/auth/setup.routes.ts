import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import { doc, parse } from '../../http/validate.ts';
import { AppError } from '../../http/errors.ts';
import { LOCALES } from '../../../shared/fields.ts';
import { createUser } from '../users/users.service.ts';
import { NewPassword } from '../../core/password-policy.ts';

const SetupBody = z.object({
  email: z.email({ message: 'Not a valid email address' }).max(320),
  name: z.string().trim().min(1).max(200),
  password: NewPassword,
  locale: z.enum(LOCALES).optional(),
});

/**
 * First run: while no user exists, anyone who can reach the server may create the first
 * administrator (like the installers of other self-hosted apps). Afterwards it answers 409.
 */
export default async function setupRoutes(app: FastifyInstance) {
  const needed = async () => !(await app.db.selectFrom('users').select('id').limit(1).executeTakeFirst());
  app.get('/setup', { config: { public: true }, schema: { tags: ['auth'] } }, async () => ({ data: { needed: await needed() } }));
  app.post('/setup', {
    config: { public: true, rateLimit: { max: 5, timeWindow: '1 minute' } },
    schema: { tags: ['auth'], body: doc(SetupBody) },
  }, async (req, reply) => {
    const body = parse(SetupBody, req.body);
    // Serialised so two first-run requests cannot both create an admin.
    const user = await app.db.transaction().execute(async (trx) => {
      await sql`LOCK TABLE users IN EXCLUSIVE MODE`.execute(trx);
      if (await trx.selectFrom('users').select('id').limit(1).executeTakeFirst()) throw new AppError('conflict', 'Guanxi is already set up; sign in instead');
      return createUser(trx, { ...body, role: 'admin' }, null);
    });
    reply.status(201);
    return { data: user };
  });
}
