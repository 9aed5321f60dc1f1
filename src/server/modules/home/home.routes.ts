import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/auth-hook.ts';
import { bindDb } from '../../core/bind-db.ts';
import { HomePage } from '../../../shared/contracts/home.ts';
import { homePage } from './home.service.ts';

export default async function homeRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const svc = bindDb(app, { homePage });
  app.get('/home', { schema: { tags: ['home'], response: { 200: HomePage } } }, async (req) =>
    svc.homePage(actorOf(req), (key, err) => req.log.error({ err, widget: key }, 'home widget failed')));
}
