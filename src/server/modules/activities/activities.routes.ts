import type { FastifyInstance } from 'fastify';
import { registerRecordRoutes } from '../../records/routes.ts';
import { activitiesObject } from './activities.object.ts';

export default async function activitiesRoutes(app: FastifyInstance) {
  registerRecordRoutes(app, activitiesObject);
}
