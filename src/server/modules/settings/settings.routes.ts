import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../http/auth-hook.ts';
import { bindDb } from '../../core/bind-db.ts';
import { doc, parse } from '../../http/validate.ts';
import { requireCan } from '../../core/access.ts';
import { SettingsPatch, getSettings, updateSettings } from './settings.service.ts';

/** Organisation settings: every signed-in user reads them (the UI formats amounts with them); admins change them. */
export default async function settingsRoutes(app: FastifyInstance) {
  const settings = bindDb(app, { getSettings, updateSettings });
  app.get('/settings', { schema: { tags: ['settings'] } }, async (req) => {
    actorOf(req);
    return { data: await settings.getSettings() };
  });

  app.patch('/settings', { schema: { tags: ['settings'], body: doc(SettingsPatch) } }, async (req) => {
    const actor = actorOf(req);
    requireCan(actor, 'admin');
    const patch = parse(SettingsPatch, req.body);
    return { data: await settings.updateSettings(actor.id, patch) };
  });
}
