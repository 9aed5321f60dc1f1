import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, adminOnly } from '../../http/auth-hook.ts';
import { bindDb } from '../../core/bind-db.ts';
import { listSequences, setSequencePattern } from '../../core/numbering.ts';
import { NumberPatternPatch, NumberSequenceAnswer, NumberSequencesAnswer, NumberTypeParams } from '../../../shared/contracts/numbering.ts';

/** Document number types: administrators see each pattern and next number, and change patterns. */
export default async function numberingRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const numbering = bindDb(app, { listSequences, setSequencePattern });
  app.get('/settings/numbering', { preValidation: adminOnly, schema: { tags: ['settings'], response: { 200: NumberSequencesAnswer } } }, async () => {
    return { data: await numbering.listSequences() };
  });

  app.patch(
    '/settings/numbering/:type',
    { preValidation: adminOnly, schema: { tags: ['settings'], params: NumberTypeParams, body: NumberPatternPatch, response: { 200: NumberSequenceAnswer } } },
    async (req) => {
      const actor = actorOf(req);
      return { data: await numbering.setSequencePattern(actor.id, req.params.type, req.body.pattern) };
    },
  );
}
