import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, adminOnly } from '../../http/auth-hook.ts';
import { bindDb } from '../../core/bind-db.ts';
import { IdParam } from '../../../shared/contracts/common.ts';
import { FormInput, PublicFormAnswer, PublicSettingsAnswer, PublicSubmitAnswer, SubmissionsAnswer, WebFormAnswer, WebFormsAnswer } from '../../../shared/contracts/forms.ts';
import { createWebForm, deleteWebForm, getWebForm, listFormSubmissions, listWebForms, updateWebForm } from './forms.service.ts';
import { publicForm, submitForm } from './forms.submit.ts';
import { PublicSettingsPatch, getPublicSettings, updatePublicSettings } from './public.settings.ts';
import { publicRoutes, requestLocale } from './public.platform.ts';

const KeyParams = z.object({ key: z.string().max(64) });
const LocaleQuery = z.object({ locale: z.string().max(35).optional() });
const SubmissionsQuery = z.object({ cursor: z.string().max(30).optional(), limit: z.coerce.number().int().min(1).max(200).optional() });
/** The snippet's script: renders the form from GET /public/forms/{key} and posts it as JSON. */
const EMBED_JS = fs.readFileSync(path.join(import.meta.dirname, 'assets/embed.js'), 'utf8');

/** Submissions per client address: a person sends a form a few times, a flood is cut at once. */
export const SUBMIT_LIMIT = { max: 5, timeWindow: 60_000 };

export default async function formsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const svc = bindDb(app, { listWebForms, getWebForm, createWebForm, updateWebForm, deleteWebForm, listFormSubmissions, getPublicSettings, updatePublicSettings, publicForm, submitForm });
  const admin = { preValidation: adminOnly, schema: { tags: ['forms'] } };

  // Administrators: forms, their submissions, the public address and allowed origins.
  app.get('/web-forms', { ...admin, schema: { ...admin.schema, response: { 200: WebFormsAnswer } } }, async () => ({ data: await svc.listWebForms() }));
  app.post('/web-forms', { ...admin, schema: { ...admin.schema, body: FormInput, response: { 201: WebFormAnswer } } }, async (req, reply) => {
    reply.status(201);
    return { data: await svc.createWebForm(actorOf(req).id, req.body) };
  });
  app.get('/web-forms/:id', { ...admin, schema: { ...admin.schema, params: IdParam, response: { 200: WebFormAnswer } } }, async (req) => ({ data: await svc.getWebForm(req.params.id) }));
  app.put('/web-forms/:id', { ...admin, schema: { ...admin.schema, params: IdParam, body: FormInput, response: { 200: WebFormAnswer } } }, async (req) => ({
    data: await svc.updateWebForm(actorOf(req).id, req.params.id, req.body),
  }));
  app.delete('/web-forms/:id', { ...admin, schema: { ...admin.schema, params: IdParam } }, async (req, reply) => {
    await svc.deleteWebForm(actorOf(req).id, req.params.id);
    reply.status(204).send();
  });
  app.get('/web-forms/:id/submissions', { ...admin, schema: { ...admin.schema, params: IdParam, querystring: SubmissionsQuery, response: { 200: SubmissionsAnswer } } }, async (req) =>
    svc.listFormSubmissions(req.params.id, req.query));
  app.get('/public-settings', { ...admin, schema: { ...admin.schema, response: { 200: PublicSettingsAnswer } } }, async () => ({ data: await svc.getPublicSettings() }));
  app.patch('/public-settings', { ...admin, schema: { ...admin.schema, body: PublicSettingsPatch, response: { 200: PublicSettingsAnswer } } }, async (req) => ({
    data: await svc.updatePublicSettings(actorOf(req).id, req.body),
  }));

  // Anyone: the form's definition, a submission, the snippet's script.
  await publicRoutes(app, async (pub) => {
    const p = pub.withTypeProvider<ZodTypeProvider>();
    p.get('/forms/embed.js', { config: { publicRoute: { max: 120 } }, schema: { tags: ['public'] } }, async (_req, reply) => {
      reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=300').send(EMBED_JS);
    });
    p.get('/forms/:key', { config: { publicRoute: { max: 60 } }, schema: { tags: ['public'], params: KeyParams, querystring: LocaleQuery, response: { 200: PublicFormAnswer } } }, async (req) => ({
      data: await svc.publicForm(req.params.key, requestLocale(req)),
    }));
    p.post('/forms/:key/submissions', { config: { publicRoute: SUBMIT_LIMIT }, schema: { tags: ['public'], params: KeyParams, querystring: LocaleQuery, body: z.record(z.string(), z.unknown()), response: { 200: PublicSubmitAnswer } } }, async (req) => {
      const origin = req.headers.origin;
      const own = `${req.protocol}://${req.host}`;
      return {
        data: await svc.submitForm(req.params.key, req.body, {
          ip: req.ip, userAgent: req.headers['user-agent'] ?? null, foreignOrigin: origin && origin !== own ? origin : null, locale: requestLocale(req),
        }),
      };
    });
  });
}
