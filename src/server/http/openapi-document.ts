import { STATUS } from './errors.ts';
import { CSRF_COOKIE, SESSION_COOKIE } from './auth-hook.ts';
import { findObject, getObject, objectNames } from '../records/registry.ts';
import { addObjectSchemas } from './openapi-objects.ts';
import { operationIdOf, summaryOf } from './openapi-operations.ts';

// The finishing pass over the OpenAPI document @fastify/swagger builds from the routes: what a
// third party needs to build on it and that no single route states — an operationId, tag and
// summary on every operation, who may call it (security), the error envelope, the record schemas
// per object. It runs when the document is first asked for, so routes and objects any module
// registered are in it, and adds nothing a route declared itself.

type Json = Record<string, unknown>;
type Doc = Json & { paths?: Record<string, Record<string, Json>>; components?: Json & { schemas?: Json } };
const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'options', 'head', 'trace'];

/** Both ways in: a bearer token (a session token from POST /auth/login, or an API key) or the web app's cookie. */
export const SECURITY = [{ bearer: [] }, { session: [] }];

const securitySchemes = {
  bearer: {
    type: 'http', scheme: 'bearer',
    description: 'An API key (`gx_…`, Settings → API keys) or the session token POST /auth/login answers.',
  },
  session: {
    type: 'apiKey', in: 'cookie', name: SESSION_COOKIE,
    description: `The web app's session cookie. Writes (POST, PUT, PATCH, DELETE) must also send the header `
      + `x-csrf-token with the value of the ${CSRF_COOKIE} cookie.`,
  },
};

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', description: `Stable, for programs: ${Object.keys(STATUS).join(', ')} (docs/api.md "Errors").`, example: 'not_found' },
        message: { type: 'string', description: 'English, for people and logs; never parse it' },
        details: {
          description: 'validation_failed: one entry per bad field `{field, message, code}`; other refusals: facts such as `{reason}`',
          oneOf: [
            { type: 'array', items: { $ref: '#/components/schemas/FieldIssue' } },
            { type: 'object', additionalProperties: true },
          ],
        },
      },
    },
  },
};

const fieldIssue = {
  type: 'object',
  required: ['field', 'message', 'code'],
  properties: { field: { type: 'string' }, message: { type: 'string' }, code: { type: 'string', example: 'required' } },
};

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

const parameters = {
  IdempotencyKey: {
    name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 200 },
    description: 'Send the same key again after a lost answer: the first answer is replayed, nothing is written twice (24 h).',
  },
  IfMatch: {
    name: 'If-Match', in: 'header', required: false, schema: { type: 'string', example: '"3"' },
    description: 'The ETag read with the record: a record changed since answers 409 (version_mismatch).',
  },
};

/** The segment a route's path starts with after the API prefix: its module or object (the default tag). */
const firstSegment = (path: string, prefix: string) => path.slice(prefix.length).split('/').filter(Boolean)[0] ?? 'meta';

const objectNamesOf = (segment: string) => {
  const def = findObject(segment.replaceAll('-', '_'));
  return def ? { plural: def.name, singular: def.singular } : undefined;
};

/** Every operation gets what it lacks: operationId, tags, summary, security, error answers. */
function finishOperations(doc: Doc, prefix: string): Set<string> {
  const tags = new Set<string>();
  for (const [path, ops] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(ops)) {
      if (!METHODS.includes(method)) continue;
      const own = path.startsWith(prefix) ? path.slice(prefix.length) : path;
      op.operationId ??= operationIdOf(method, own, objectNamesOf);
      if (!Array.isArray(op.tags) || !op.tags.length) op.tags = [firstSegment(path, prefix)];
      for (const t of op.tags as string[]) tags.add(t);
      op.summary ??= summaryOf(op.operationId as string);
      op.security ??= SECURITY;
      const responses = (op.responses ?? {}) as Json;
      const open = Array.isArray(op.security) && op.security.length === 0;
      op.responses = {
        ...responses,
        ...(!open && !responses['401'] ? { 401: errorResponse('Not signed in (unauthenticated)') } : {}),
        ...(!responses['4XX'] ? { '4XX': errorResponse('Refused: the error envelope; see docs/api.md "Errors" for the codes') } : {}),
        ...(!responses['5XX'] ? { '5XX': errorResponse('internal, or unavailable while the database cannot be reached (Retry-After)') } : {}),
      };
    }
  }
  return tags;
}

/** @fastify/swagger's transformObject: the finished document (the input stays untouched). */
export function finishOpenApiDocument(prefix: string) {
  return (input: { openapiObject: unknown } | { swaggerObject: unknown }): any => {
    if (!('openapiObject' in input)) return input.swaggerObject;
    const doc = structuredClone(input.openapiObject) as Doc;
    addObjectSchemas(doc, prefix);
    const components = doc.components ?? {};
    doc.components = {
      ...components,
      securitySchemes: { ...securitySchemes, ...(components.securitySchemes as Json ?? {}) },
      schemas: { Error: errorSchema, FieldIssue: fieldIssue, ...(components.schemas ?? {}) },
      parameters: { ...parameters, ...(components.parameters as Json ?? {}) },
    };
    doc.security = SECURITY;
    const tags = finishOperations(doc, prefix);
    const objects = new Set(objectNames());
    doc.tags = [...tags].sort().map((name) => (objects.has(name)
      ? { name, description: `Records of ${getObject(name).singular} (the standard record surface and what modules add to it)` }
      : { name }));
    return doc;
  };
}
