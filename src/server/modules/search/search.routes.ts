import { canDo } from '../../core/access.ts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hook.ts';
import { bindDb } from '../../core/bind-db.ts';
import { parse } from '../../http/validate.ts';
import { getObject, objectNames } from '../../records/registry.ts';
import { search } from './search.service.ts';

const SearchQuery = z.object({
  q: z.string().max(200).default(''),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  types: z.string().max(200).optional(),
});

/** Documentation only (a plain JSON schema: the answer is serialised as it is, http/contracts.ts). */
const SearchAnswerDoc = {
  200: {
    type: 'object', required: ['data'],
    properties: {
      data: {
        type: 'array',
        items: {
          type: 'object', required: ['type', 'id', 'title', 'subtitle', 'score'],
          properties: {
            type: { type: 'string', description: 'the singular of the object (account, contact…)' }, id: { type: 'integer' },
            title: { type: 'string' }, subtitle: { type: 'string', nullable: true }, score: { type: 'number', description: 'best first' },
          },
        },
      },
    },
  },
};

/** The objects the global search box searches: those declaring search.global. */
const globalObjects = () => objectNames().map(getObject).filter((d) => d.search?.global);

export default async function searchRoutes(app: FastifyInstance) {
  const searcher = bindDb(app, { search });
  app.get('/search', { schema: { tags: ['search'], querystring: SearchQuery, response: SearchAnswerDoc } }, async (req) => {
    const actor = actorOf(req);
    const q = parse(SearchQuery, req.query);
    const wanted = q.types?.split(',').map((t) => t.trim()) ?? null;
    // Objects the role may not list are left out, as if they had no matches.
    const objects = globalObjects().filter((d) => (!wanted || wanted.includes(d.singular) || wanted.includes(d.name)) && canDo(actor, d, 'list'));
    return { data: await searcher.search(actor, q.q, objects, q.limit) };
  });
}
