import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../http/auth-hook.ts';
import { bindDb } from '../../core/bind-db.ts';
import { getObject, objectNames } from '../../records/registry.ts';
import { toMeta, visibleFields } from '../../records/fields.ts';
import { visibilityOf, can } from '../../core/access.ts';

/** What the web app builds forms, columns and filters from. */
export default async function metaRoutes(app: FastifyInstance) {
  const meta = bindDb(app, { visibleFields });
  app.get('/meta/objects', { schema: { tags: ['meta'] } }, async (req) => {
    const actor = actorOf(req);
    return { data: objectNames().map((name) => ({ name, singular: getObject(name).singular, visibility: visibilityOf(actor, name) })) };
  });
  app.get('/meta/objects/:object', { schema: { tags: ['meta'] } }, async (req) => {
    const actor = actorOf(req);
    const def = getObject((req.params as { object: string }).object);
    const fields = await meta.visibleFields(def, actor);
    return {
      data: {
        object: def.name,
        singular: def.singular,
        title_field: def.titleField,
        default_sort: def.defaultSort ?? '-created_at',
        can_write: can(actor, 'write'),
        fields: fields.map(toMeta),
      },
    };
  });
}
