import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../http/auth-hook.ts';
import { bindDb } from '../../core/bind-db.ts';
import { getObject, objectNames } from '../../records/registry.ts';
import { toMeta, visibleFields } from '../../records/fields.ts';
import { describeObject, describeObjectFull, mayUseObject } from '../../records/descriptor.ts';
import { notFound } from '../../http/errors.ts';

/** What the web app builds its menu, routes, forms, columns and filters from (src/shared/objects.ts). */
export default async function metaRoutes(app: FastifyInstance) {
  const meta = bindDb(app, { visibleFields });
  app.get('/meta/objects', { schema: { tags: ['meta'] } }, async (req) => {
    const actor = actorOf(req);
    const defs = objectNames().map(getObject).filter((def) => mayUseObject(def, actor));
    return { data: defs.map((def) => describeObject(def, actor)) };
  });
  app.get('/meta/objects/:object', { schema: { tags: ['meta'] } }, async (req) => {
    const actor = actorOf(req);
    const name = (req.params as { object: string }).object;
    const def = getObject(name);
    // An object the role may neither list nor read answers like one that does not exist.
    if (!mayUseObject(def, actor)) throw notFound(`Object ${name}`);
    const fields = await meta.visibleFields(def, actor);
    return { data: describeObjectFull(def, actor, fields.map(toMeta)) };
  });
}
