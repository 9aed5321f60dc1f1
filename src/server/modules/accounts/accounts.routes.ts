import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../http/auth-hook.ts';
import { idParam, parse } from '../../http/validate.ts';
import { registerRecordRoutes } from '../../records/routes.ts';
import { loadVisible } from '../../records/service.ts';
import { listRecords } from '../../records/list.ts';
import { registerTimelineRoute } from '../timeline/timeline.routes.ts';
import { registerDuplicateRoutes } from '../duplicates/duplicates.routes.ts';
import { contactsObject } from '../contacts/contacts.object.ts';
import { accountsObject } from './accounts.object.ts';
import { listParams } from '../../records/routes.ts';

export default async function accountsRoutes(app: FastifyInstance) {
  registerDuplicateRoutes(app, accountsObject);
  registerRecordRoutes(app, accountsObject);
  registerTimelineRoute(app, accountsObject, 'account_id');

  // The people at an account (primary or not), as a contacts list with the link's role.
  app.get('/accounts/:id/contacts', { schema: { tags: ['accounts'] } }, async (req) => {
    const actor = actorOf(req);
    const { id } = parse(idParam, req.params);
    await loadVisible(app.db, accountsObject, actor, id);
    const p = listParams(req);
    const links = await app.db.selectFrom('account_contacts').select(['contact_id', 'role', 'is_primary']).where('account_id', '=', id).limit(1000).execute();
    const ids = links.map((l) => l.contact_id);
    if (!ids.length) return { data: [], next_cursor: null };
    const page = await listRecords(app.db, contactsObject, actor, { ...p, filters: [...(p.filters ?? []), { field: 'id', op: 'in', value: ids.join(',') }] });
    const byId = new Map(links.map((l) => [l.contact_id, l]));
    return { ...page, data: page.data.map((c) => ({ ...c, account_role: byId.get(c.id as number)?.role ?? null, is_primary: byId.get(c.id as number)?.is_primary ?? false })) };
  });
}
