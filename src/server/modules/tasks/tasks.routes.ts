import type { FastifyInstance } from 'fastify';
import { registerRecordRoutes } from '../../records/routes.ts';
import { tasksObject } from './tasks.object.ts';

export default async function tasksRoutes(app: FastifyInstance) {
  registerRecordRoutes(app, tasksObject);
}
