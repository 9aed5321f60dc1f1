import type { FastifyInstance } from 'fastify';
import { registerRecordRoutes } from '../../records/routes.ts';
import { registerTimelineRoute } from '../timeline/timeline.routes.ts';
import { registerDuplicateRoutes } from '../duplicates/duplicates.routes.ts';
import { contactsObject } from './contacts.object.ts';

export default async function contactsRoutes(app: FastifyInstance) {
  registerDuplicateRoutes(app, contactsObject);
  registerRecordRoutes(app, contactsObject, { allowExtra: ['accounts'] });
  registerTimelineRoute(app, contactsObject);
}
