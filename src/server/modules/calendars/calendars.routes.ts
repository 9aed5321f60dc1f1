import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, adminOnly } from '../../http/auth-hook.ts';
import { bindDb } from '../../core/bind-db.ts';
import {
  AddAnswer, AddBody, CalendarAnswer, CalendarBody, CalendarList, CalendarParam, CalendarPatch, ExceptionAnswer, ExceptionBody,
  ExceptionList, ExceptionParam, ExceptionsQuery, MinutesAnswer, MinutesQuery, SeedAnswer, SeedBody,
} from '../../../shared/contracts/calendars.ts';
import {
  addToCalendar, createCalendar, getCalendar, listCalendarExceptions, listCalendars, minutesBetween, putException, removeException, reseedYear, updateCalendar,
} from './calendars.service.ts';

/**
 * Business calendars. Administrators edit them (audited); every signed-in user may compute with
 * them (the task form's "due in N working days", SLAs later), which reveals no record.
 */
export default async function calendarsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const cals = bindDb(app, {
    listCalendars, getCalendar, createCalendar, updateCalendar, listCalendarExceptions, putException, removeException, reseedYear, addToCalendar, minutesBetween,
  });
  const tags = ['calendars'];
  const admin = { preValidation: adminOnly };

  app.get('/calendars', { ...admin, schema: { tags, response: { 200: CalendarList } } }, async () => ({ data: await cals.listCalendars(), next_cursor: null }));

  app.post('/calendars', { ...admin, schema: { tags, body: CalendarBody, response: { 201: CalendarAnswer } } }, async (req, reply) => {
    reply.status(201);
    return { data: await cals.createCalendar(actorOf(req), req.body) };
  });

  app.get('/calendars/:id', { ...admin, schema: { tags, params: CalendarParam, response: { 200: CalendarAnswer } } }, async (req) => ({ data: await cals.getCalendar(req.params.id) }));

  app.patch('/calendars/:id', { ...admin, schema: { tags, params: CalendarParam, body: CalendarPatch, response: { 200: CalendarAnswer } } }, async (req) => ({
    data: await cals.updateCalendar(actorOf(req), req.params.id, req.body),
  }));

  app.get('/calendars/:id/exceptions', { ...admin, schema: { tags, params: CalendarParam, querystring: ExceptionsQuery, response: { 200: ExceptionList } } }, async (req) => ({
    data: await cals.listCalendarExceptions(req.params.id, req.query.year),
    next_cursor: null,
  }));

  app.put('/calendars/:id/exceptions/:day', { ...admin, schema: { tags, params: ExceptionParam, body: ExceptionBody, response: { 200: ExceptionAnswer } } }, async (req) => ({
    data: await cals.putException(actorOf(req), req.params.id, req.params.day, req.body),
  }));

  app.delete('/calendars/:id/exceptions/:day', { ...admin, schema: { tags, params: ExceptionParam } }, async (req, reply) => {
    await cals.removeException(actorOf(req), req.params.id, req.params.day);
    reply.status(204).send();
  });

  app.post('/calendars/:id/seed', { ...admin, schema: { tags, params: CalendarParam, body: SeedBody, response: { 200: SeedAnswer } } }, async (req) => ({
    data: await cals.reseedYear(actorOf(req), req.params.id, req.body.year),
  }));

  app.post('/calendars/:id/add', { schema: { tags, params: CalendarParam, body: AddBody, response: { 200: AddAnswer } } }, async (req) => {
    actorOf(req);
    return { data: await cals.addToCalendar(req.params.id, req.body) };
  });

  app.get('/calendars/:id/business-minutes', { schema: { tags, params: CalendarParam, querystring: MinutesQuery, response: { 200: MinutesAnswer } } }, async (req) => {
    actorOf(req);
    return { data: await cals.minutesBetween(req.params.id, req.query.from, req.query.to) };
  });
}
