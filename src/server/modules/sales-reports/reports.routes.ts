import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/auth-hook.ts';
import { bindDb } from '../../core/bind-db.ts';
import {
  ActivityAnswer, ActivityQuery, FunnelAnswer, FunnelQuery, FunnelRecordsQuery, PipelineAnswer, PipelineQuery, ReportRecords,
  RevenueAnswer, RevenueQuery, RevenueRecordsQuery, WinRateAnswer, WinRateQuery,
} from '../../../shared/contracts/sales-reports.ts';
import { activityReport, funnelReport, pipelineReport, revenueReport, winRateReport } from './reports.service.ts';
import { funnelStageRecords, revenueBucketRecords } from './reports.records.ts';

// GET /reports/sales/…: the sales reports and the records behind the figures the list cannot filter for.
export async function salesReportsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const svc = bindDb(app, { pipelineReport, funnelReport, winRateReport, revenueReport, activityReport, funnelStageRecords, revenueBucketRecords });
  const tags = ['reports'];
  app.get('/reports/sales/pipeline', { schema: { tags, querystring: PipelineQuery, response: { 200: PipelineAnswer } } }, async (req) => svc.pipelineReport(actorOf(req), req.query));
  app.get('/reports/sales/funnel', { schema: { tags, querystring: FunnelQuery, response: { 200: FunnelAnswer } } }, async (req) => svc.funnelReport(actorOf(req), req.query));
  app.get('/reports/sales/funnel/records', { schema: { tags, querystring: FunnelRecordsQuery, response: { 200: ReportRecords } } }, async (req) => svc.funnelStageRecords(actorOf(req), req.query));
  app.get('/reports/sales/win-rate', { schema: { tags, querystring: WinRateQuery, response: { 200: WinRateAnswer } } }, async (req) => svc.winRateReport(actorOf(req), req.query));
  app.get('/reports/sales/revenue', { schema: { tags, querystring: RevenueQuery, response: { 200: RevenueAnswer } } }, async (req) => svc.revenueReport(actorOf(req), req.query));
  app.get('/reports/sales/revenue/records', { schema: { tags, querystring: RevenueRecordsQuery, response: { 200: ReportRecords } } }, async (req) => svc.revenueBucketRecords(actorOf(req), req.query));
  app.get('/reports/sales/activity', { schema: { tags, querystring: ActivityQuery, response: { 200: ActivityAnswer } } }, async (req) => svc.activityReport(actorOf(req), req.query));
}
