import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, STATUS, type ErrorCode } from './errors.ts';
import { isDatabaseUnavailable } from '../db/unavailable.ts';

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
  column?: string;
}

/** Maps database constraint failures that clients can cause to client errors. */
function fromDatabase(e: PgError): AppError | null {
  switch (e.code) {
    case '23503':
      return new AppError('validation_failed', 'A linked record does not exist', [{ field: columnOf(e) ?? 'link', message: 'No such record', code: 'invalid_link' }]);
    case '23505':
      return new AppError('conflict', 'A record with the same unique value exists', e.constraint ? { constraint: e.constraint } : undefined);
    // A deadlock or serialization failure lost a race with another write: retryable, not a server fault.
    case '40P01':
    case '40001':
      return new AppError('conflict', 'Another change to the same records ran at the same time; retry', { reason: 'concurrent_write' });
    case '22P02':
    case '22003':
    case '22007':
    case '22008':
      return new AppError('validation_failed', 'A value has the wrong format');
    default:
      return null;
  }
}

function columnOf(e: PgError): string | undefined {
  const m = /Key \((\w+)\)/.exec(e.detail ?? '');
  return m?.[1] ?? e.column;
}

/** spaFallback: GETs outside the API that match no file get the web app's index.html (client-side routes). */
export function registerErrorHandler(app: FastifyInstance, opts: { spaFallback?: boolean } = {}): void {
  app.setErrorHandler((err: FastifyError & PgError, req, reply) => {
    let e: AppError | null = err instanceof AppError ? err : fromDatabase(err);
    // The database is restarting or unreachable: the client may retry; the pool reconnects.
    if (!e && isDatabaseUnavailable(err)) {
      req.log.warn({ err: err.message }, 'database unavailable');
      e = new AppError('unavailable', 'The database is not reachable right now; try again shortly');
      reply.header('retry-after', '5');
    }
    if (!e && err.statusCode === 429) e = new AppError('rate_limited', 'Too many requests; try again later');
    if (!e && err.statusCode === 413) e = new AppError('payload_too_large', 'The upload is too large');
    if (!e && err.validation) e = new AppError('validation_failed', err.message);
    if (!e && err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      e = new AppError(err.statusCode === 404 ? 'not_found' : 'validation_failed', err.message);
    }
    if (!e) {
      req.log.error({ err }, 'unhandled error');
      e = new AppError('internal', 'Something went wrong on our side');
    }
    const body: { error: { code: ErrorCode; message: string; details?: unknown } } = { error: { code: e.code, message: e.message } };
    if (e.details !== undefined) body.error.details = e.details;
    reply.status(STATUS[e.code]).send(body);
  });
  app.setNotFoundHandler((req, reply) => {
    if (opts.spaFallback && req.method === 'GET' && !req.url.startsWith('/api/')) return reply.sendFile('index.html');
    reply.status(404).send({ error: { code: 'not_found', message: `No route ${req.method} ${req.url.split('?')[0]}` } });
  });
}
