import type { FastifyInstance, FastifySchema, FastifySchemaCompiler, FastifySerializerCompiler } from 'fastify';
import { z } from 'zod';
import { serializerCompiler as zodSerializer } from 'fastify-type-provider-zod';
import { invalid, type FieldIssue } from './errors.ts';
import { toOpenApi30 } from './openapi-schema30.ts';

// Routes declare their request and response contracts as zod schemas (src/shared/contracts,
// or beside the service): Fastify validates requests and serialises answers from them, and
// the OpenAPI document is generated from the same schemas. A route may still give a plain JSON
// schema (documentation only): it is passed through untouched.

const isZod = (s: unknown): s is z.ZodType => s instanceof z.ZodType;

/**
 * A zod failure as the API's per-field details (`field` is the dotted path, `(body)` for the
 * whole payload). The code is zod's (too_small, invalid_type…), or for a custom rule the one it
 * names in `params.code` (password_too_short…), so clients translate without reading words.
 */
export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => {
    const own = i.code === 'custom' ? (i.params as { code?: unknown } | undefined)?.code : undefined;
    return { field: i.path.join('.') || '(body)', message: i.message, code: typeof own === 'string' ? own : i.code };
  });
}

/** Validates with the route's zod contract; a missing body is read as `{}` (as parse() always did). */
export const zodValidator: FastifySchemaCompiler<unknown> = ({ schema }) => (data) => {
  if (!isZod(schema)) return { value: data };
  const r = schema.safeParse(data ?? {});
  // An AppError keeps its code through Fastify's wrapper: the error handler answers it as is.
  return r.success ? { value: r.data } : { error: invalid(issuesOf(r.error)) };
};

const plainSerializer = (data: unknown) => JSON.stringify(data);
/** Zod response schemas strip what they do not declare (nothing leaks by accident); others: plain JSON. */
export const zodSerializerCompiler: FastifySerializerCompiler<unknown> = (route) =>
  isZod(route.schema) ? zodSerializer(route as Parameters<typeof zodSerializer>[0]) : plainSerializer;

/** OpenAPI JSON schema of a zod contract, as a request reads it (`input`) or a response writes it (`output`). */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output' = 'input'): Record<string, unknown> {
  return toOpenApi30(z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' }) as Record<string, unknown>);
}

// A plain JSON schema is documentation only: it still has to be one OpenAPI 3.0 reads.
const convert = (s: unknown, io: 'input' | 'output') =>
  (isZod(s) ? jsonSchemaOf(s, io) : s && typeof s === 'object' ? toOpenApi30(s as Record<string, unknown>) : s);

/**
 * @fastify/swagger's per-route transform: zod contracts become JSON schemas, anything else stays;
 * a route callers reach without signing in (`config.public`/`anonymous`) needs no security.
 */
export function openApiTransform({ schema, url, route }: { schema: FastifySchema & { hide?: boolean }; url: string; route?: { config?: unknown } }) {
  if (!schema || schema.hide) return { schema, url };
  const out: Record<string, unknown> = { ...schema };
  const config = (route?.config ?? {}) as { public?: boolean; anonymous?: boolean };
  if ((config.public || config.anonymous) && !('security' in schema)) out.security = [];
  for (const key of ['body', 'querystring', 'params', 'headers'] as const) if (schema[key]) out[key] = convert(schema[key], 'input');
  if (schema.response) {
    out.response = Object.fromEntries(Object.entries(schema.response as Record<string, unknown>).map(([status, s]) => [status, convert(s, 'output')]));
  }
  return { schema: out as FastifySchema, url };
}

/** Wires the contracts into an app (before any route is registered). */
export function useContracts(app: FastifyInstance): void {
  app.setValidatorCompiler(zodValidator);
  app.setSerializerCompiler(zodSerializerCompiler);
}
