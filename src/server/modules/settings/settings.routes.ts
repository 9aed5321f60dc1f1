import type { FastifyInstance } from 'fastify';
import { actorOf, adminOnly } from '../../http/auth-hook.ts';
import { bindDb } from '../../core/bind-db.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ExchangeRatesAnswer, RetentionAnswer, RetentionPatch, SettingsAnswer } from '../../../shared/contracts/settings.ts';
import { getRetention, updateRetention } from '../../jobs/retention-settings.ts';
import { ExchangeRatesPut, listRates, putRates } from './exchange-rates.service.ts';
import { SettingsPatch, getSettings, updateSettings } from './settings.service.ts';

/** Organisation settings: every signed-in user reads them (the UI formats amounts with them); admins change them. */
export default async function settingsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const settings = bindDb(app, { getSettings, updateSettings, listRates, putRates, getRetention, updateRetention });
  app.get('/settings', { schema: { tags: ['settings'], response: { 200: SettingsAnswer } } }, async (req) => {
    actorOf(req);
    return { data: await settings.getSettings() };
  });

  app.patch('/settings', { preValidation: adminOnly, schema: { tags: ['settings'], body: SettingsPatch, response: { 200: SettingsAnswer } } }, async (req) => {
    const actor = actorOf(req);
    return { data: await settings.updateSettings(actor.id, req.body) };
  });

  // Exchange rates into the organisation currency (totals convert with them): administrators only.
  app.get('/settings/exchange-rates', { preValidation: adminOnly, schema: { tags: ['settings'], response: { 200: ExchangeRatesAnswer } } }, async () =>
    ({ data: await settings.listRates() }));
  app.put('/settings/exchange-rates', { preValidation: adminOnly, schema: { tags: ['settings'], body: ExchangeRatesPut, response: { 200: ExchangeRatesAnswer } } }, async (req) =>
    ({ data: await settings.putRates(actorOf(req).id, req.body) }));

  // How long the audit log, import files, finished jobs and delivered events are kept (jobs/retention.ts).
  app.get('/settings/retention', { preValidation: adminOnly, schema: { tags: ['settings'], response: { 200: RetentionAnswer } } }, async () =>
    ({ data: await settings.getRetention(app.config.retention) }));
  app.put('/settings/retention', { preValidation: adminOnly, schema: { tags: ['settings'], body: RetentionPatch, response: { 200: RetentionAnswer } } }, async (req) =>
    ({ data: await settings.updateRetention(actorOf(req).id, app.config.retention, req.body) }));
}
