import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParam } from '../../../shared/contracts/common.ts';
import {
  AudienceAnswer, AudienceBody, EntriesAnswer, PutEntriesBody, PutRelationsBody, RelationsAnswer, ResolveAnswer, ResolveBody,
} from '../../../shared/contracts/price-books.ts';
import { actorOf } from '../../http/auth-hook.ts';
import { bindDb } from '../../core/bind-db.ts';
import { parseIfMatch } from '../../records/versions.ts';
import { getAudience, getEntries, putAudience, putEntries } from './entries.service.ts';
import { resolvePrices } from './resolve.service.ts';
import { getRelations, putRelations } from './relations.service.ts';

/** Entries and audience of a price book, price resolution, product relations. Policy and visibility are checked in the services. */
export default async function priceBookRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const svc = bindDb(app, { getEntries, putEntries, getAudience, putAudience, resolvePrices, getRelations, putRelations });
  const tags = ['price_books'];
  app.get('/price-books/:id/entries', { schema: { tags, params: IdParam, response: { 200: EntriesAnswer } } }, async (req) => ({
    data: await svc.getEntries(actorOf(req), req.params.id),
  }));
  app.put('/price-books/:id/entries', { schema: { tags, params: IdParam, body: PutEntriesBody, response: { 200: EntriesAnswer } } }, async (req) => ({
    data: await svc.putEntries(actorOf(req), req.params.id, req.body, parseIfMatch(req.headers['if-match'])),
  }));
  app.get('/price-books/:id/audience', { schema: { tags, params: IdParam, response: { 200: AudienceAnswer } } }, async (req) => ({
    data: await svc.getAudience(actorOf(req), req.params.id),
  }));
  app.put('/price-books/:id/audience', { schema: { tags, params: IdParam, body: AudienceBody, response: { 200: AudienceAnswer } } }, async (req) => ({
    data: await svc.putAudience(actorOf(req), req.params.id, req.body.audience),
  }));
  app.post('/pricing/resolve', { schema: { tags, body: ResolveBody, response: { 200: ResolveAnswer } } }, async (req) => ({
    data: await svc.resolvePrices(actorOf(req), req.body),
  }));
  app.get('/products/:id/relations', { schema: { tags: ['products'], params: IdParam, response: { 200: RelationsAnswer } } }, async (req) => ({
    data: await svc.getRelations(actorOf(req), req.params.id),
  }));
  app.put('/products/:id/relations', { schema: { tags: ['products'], params: IdParam, body: PutRelationsBody, response: { 200: RelationsAnswer } } }, async (req) => ({
    data: await svc.putRelations(actorOf(req), req.params.id, req.body),
  }));
}
