import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SetupStatus } from '../../../shared/contracts/auth.ts';
import { bindDb } from '../../core/bind-db.ts';
import { createFirstAdmin, setupNeeded, SetupBody } from './setup.service.ts';

/**
 * First run: while no user exists, anyone who can reach the server may create the first
 * administrator (like the installers of other self-hosted apps). Afterwards it answers 409.
 */
export default async function setupRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const setup = bindDb(app, { setupNeeded, createFirstAdmin });
  app.get('/setup', { config: { public: true }, schema: { tags: ['auth'], response: { 200: SetupStatus } } }, async () => ({ data: { needed: await setup.setupNeeded() } }));
  app.post('/setup', {
    config: { public: true, rateLimit: { max: 5, timeWindow: '1 minute' } },
    schema: { tags: ['auth'], body: SetupBody },
  }, async (req, reply) => {
    const user = await setup.createFirstAdmin(req.body);
    reply.status(201);
    return { data: user };
  });
}
