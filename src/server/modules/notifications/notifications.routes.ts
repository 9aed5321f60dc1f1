import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/auth-hook.ts';
import { bindDb } from '../../core/bind-db.ts';
import { IdParam } from '../../../shared/contracts/common.ts';
import {
  NotificationListQuery, NotificationPage, NotificationPreferences, NotificationPreferencesBody, UnreadCount,
} from '../../../shared/contracts/notifications.ts';
import { getPreferences, listNotifications, readAll, readOne, setPreferences, unreadCount } from './notifications.read.ts';

/** The caller's own notifications and e-mail preferences; nobody reads another user's. */
export default async function notificationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const svc = bindDb(app, { listNotifications, unreadCount, readOne, readAll, getPreferences, setPreferences });
  const tags = ['notifications'];

  app.get('/notifications', { schema: { tags, querystring: NotificationListQuery, response: { 200: NotificationPage } } }, async (req) =>
    svc.listNotifications(actorOf(req), req.query));

  app.get('/notifications/unread-count', { schema: { tags, response: { 200: UnreadCount } } }, async (req) => svc.unreadCount(actorOf(req)));

  app.post('/notifications/read-all', { schema: { tags, response: { 200: z.object({ updated: z.number().int() }) } } }, async (req) => svc.readAll(actorOf(req)));

  app.post('/notifications/:id/read', { schema: { tags, params: IdParam } }, async (req, reply) => {
    await svc.readOne(actorOf(req), req.params.id);
    reply.status(204);
  });

  app.get('/notifications/preferences', { schema: { tags, response: { 200: z.object({ data: NotificationPreferences }) } } }, async (req) => ({
    data: await svc.getPreferences(actorOf(req)),
  }));

  app.put('/notifications/preferences', { schema: { tags, body: NotificationPreferencesBody, response: { 200: z.object({ data: NotificationPreferences }) } } }, async (req) => ({
    data: await svc.setPreferences(actorOf(req), req.body),
  }));
}
