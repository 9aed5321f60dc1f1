import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../http/auth-hook.ts';
import { idParam, parse } from '../../http/validate.ts';
import { registerRecordRoutes } from '../../records/routes.ts';
import { bindDb } from '../../core/bind-db.ts';
import { accountContacts } from './account-contacts.service.ts';
import { accountsObject } from './accounts.object.ts';
import { listParams } from '../../records/routes.ts';

export default async function accountsRoutes(app: FastifyInstance) {
  registerRecordRoutes(app, accountsObject);

  const accounts = bindDb(app, { accountContacts });
  app.get('/accounts/:id/contacts', { schema: { tags: ['accounts'] } }, async (req) => {
    const actor = actorOf(req);
    const { id } = parse(idParam, req.params);
    return accounts.accountContacts(actor, id, listParams(req));
  });
}
