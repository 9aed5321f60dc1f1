import type { StandardField, ObjectDef } from '../records/types.ts';
import { getObject, objectNames } from '../records/registry.ts';
import { CUSTOM_PREFIX } from '../../shared/fields.ts';

// The OpenAPI document names one schema per registered record object (components.schemas),
// generated from its ObjectDef fields, and points that object's routes at it. Read at document
// time, so objects registered by any module are in it.

type Json = Record<string, unknown>;

/** The JSON type of a field's value in requests and answers (records/validate.ts decides the details). */
export function fieldSchema(f: StandardField): Json {
  const base: Json = (() => {
    switch (f.type) {
      case 'email': return { type: 'string', format: 'email' };
      case 'url': return { type: 'string', format: 'uri' };
      case 'date': return { type: 'string', format: 'date' };
      case 'datetime': return { type: 'string', format: 'date-time' };
      case 'number': return { type: 'number' };
      // Answered as exact decimal text with the currency's digits; written as that or a JSON number.
      case 'money': return { type: 'string', pattern: '^-?\\d+(\\.\\d+)?$', description: 'an amount: decimal text ("12999.50"); a JSON number is accepted on write' };
      case 'boolean': return { type: 'boolean' };
      case 'select': return f.options ? { type: 'string', enum: f.options.map((o) => o.value) } : { type: 'string' };
      case 'multiselect': return { type: 'array', items: f.options ? { type: 'string', enum: f.options.map((o) => o.value) } : { type: 'string' } };
      case 'tags': return { type: 'array', items: { type: 'string' } };
      case 'link': return { type: 'integer', description: `id of a record of ${f.link}` };
      case 'user': return { type: 'integer', description: 'id of a user' };
      default: return f.max ? { type: 'string', maxLength: f.max } : { type: 'string' };
    }
  })();
  return { ...base, nullable: !f.required, ...(f.system ? { readOnly: true } : {}) };
}

/** 'price_book' → 'PriceBook': the component name of an object's records. */
export const schemaName = (def: ObjectDef) => def.singular.split(/[_\s-]+/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');

export function objectSchema(def: ObjectDef): Json {
  const properties: Json = {
    id: { type: 'integer', readOnly: true },
    version: { type: 'integer', readOnly: true, description: 'raised by every update; sent back as If-Match' },
  };
  for (const f of def.fields) properties[f.key] = fieldSchema(f);
  return {
    type: 'object',
    description: `A ${def.singular}. Custom fields appear as additional properties named ${CUSTOM_PREFIX}<key> `
      + `(their types: GET /meta/objects/${def.name}); fields a role may not read are left out.`,
    properties,
    required: ['id'],
    additionalProperties: true,
  };
}

const ref = (def: ObjectDef) => ({ $ref: `#/components/schemas/${schemaName(def)}` });
const json = (schema: Json) => ({ content: { 'application/json': { schema } } });

/** Points an object's standard routes at its schema (what registerRecordRoutes serves). */
function linkRoutes(paths: Record<string, Record<string, Json>>, prefix: string, def: ObjectDef): void {
  const one = { type: 'object', properties: { data: ref(def) } };
  const page = { type: 'object', properties: { data: { type: 'array', items: ref(def) }, next_cursor: { type: 'string', nullable: true } } };
  const list = paths[`${prefix}/${def.name}`];
  const item = paths[`${prefix}/${def.name}/{id}`];
  if (list?.get) list.get.responses = { ...(list.get.responses as Json), 200: { description: 'A page of records', ...json(page) } };
  if (list?.post) {
    list.post.requestBody = { required: true, ...json(ref(def)) };
    list.post.responses = { ...(list.post.responses as Json), 201: { description: 'The created record', ...json(one) } };
  }
  if (item?.get) item.get.responses = { ...(item.get.responses as Json), 200: { description: 'The record', ...json(one) } };
  if (item?.patch) {
    item.patch.requestBody = { required: true, ...json(ref(def)) };
    item.patch.responses = { ...(item.patch.responses as Json), 200: { description: 'The updated record', ...json(one) } };
  }
}

/** @fastify/swagger's transformObject: adds every registered object's schema to the document. */
export function withObjectSchemas(prefix: string) {
  return (input: { openapiObject: unknown } | { swaggerObject: unknown }): any => {
    if (!('openapiObject' in input)) return input.swaggerObject;
    const doc = structuredClone(input.openapiObject) as Json & { components?: Json & { schemas?: Json }; paths?: Record<string, Record<string, Json>> };
    const schemas: Json = { ...(doc.components?.schemas ?? {}) };
    for (const name of objectNames()) {
      const def = getObject(name);
      schemas[schemaName(def)] = objectSchema(def);
      linkRoutes(doc.paths ?? {}, prefix, def);
    }
    doc.components = { ...(doc.components ?? {}), schemas };
    return doc;
  };
}
