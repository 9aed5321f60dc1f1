import type { FastifyInstance } from 'fastify';
import { registerRecordRoutes } from '../../records/routes.ts';
import { contactsObject } from './contacts.object.ts';

// Contacts take `accounts` (their account links) in create and update bodies; duplicates,
// merge and the timeline come from the platform modules (their definitions ask for them).
export default async function contactsRoutes(app: FastifyInstance) {
  registerRecordRoutes(app, contactsObject, { allowExtra: ['accounts'] });
}
