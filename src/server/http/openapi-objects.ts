import type { StandardField, ObjectDef } from '../records/types.ts';
import { resourcePath } from '../../shared/resource-path.ts';
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

const CUSTOM_NOTE = `Custom fields appear as additional properties named ${CUSTOM_PREFIX}<key>`;

export function objectSchema(def: ObjectDef): Json {
  const properties: Json = {
    id: { type: 'integer', readOnly: true },
    version: { type: 'integer', readOnly: true, description: 'raised by every update; sent back as If-Match' },
  };
  for (const f of def.fields) properties[f.key] = fieldSchema(f);
  properties.refs = {
    type: 'object', readOnly: true,
    description: 'the titles of the records its link and user fields point at, by field (none for a record the caller may not read)',
    additionalProperties: { type: 'object', required: ['id', 'title'], properties: { id: { type: 'integer' }, title: { type: 'string' } } },
  };
  return {
    type: 'object',
    description: `A ${def.singular}. ${CUSTOM_NOTE} `
      + `(their types: GET /meta/objects/${def.name}); fields a role may not read are left out.`,
    properties,
    required: ['id'],
    additionalProperties: true,
  };
}

/**
 * What a create (`required` fields required) or an update (every field optional) sends: the
 * fields clients write. Custom fields go beside them (additional properties); a field rule may
 * still refuse one for the caller's role (400 not_writable).
 */
export function inputSchema(def: ObjectDef, mode: 'create' | 'update'): Json {
  const writable = def.fields.filter((f) => !f.system);
  const properties = Object.fromEntries(writable.map((f) => [f.key, fieldSchema(f)]));
  if (mode === 'update') properties.version = { type: 'integer', description: 'the version read (instead of If-Match): a stale one answers 409' };
  const required = mode === 'create' ? writable.filter((f) => f.required).map((f) => f.key) : [];
  return {
    type: 'object',
    description: `The fields of a ${def.singular} to ${mode === 'create' ? 'create' : 'change (only those sent change)'}. ${CUSTOM_NOTE}.`,
    properties,
    ...(required.length ? { required } : {}),
    additionalProperties: true,
  };
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Json) => ({ content: { 'application/json': { schema } } });
const param = (name: string) => ({ $ref: `#/components/parameters/${name}` });

/** The schemas of one object: its records, what creates and updates send, a page and a single answer. */
function objectSchemas(def: ObjectDef): Json {
  const name = schemaName(def);
  return {
    [name]: objectSchema(def),
    [`${name}Create`]: inputSchema(def, 'create'),
    [`${name}Update`]: inputSchema(def, 'update'),
    [`${name}Page`]: {
      type: 'object',
      required: ['data', 'next_cursor'],
      properties: {
        data: { type: 'array', items: ref(name) },
        next_cursor: { type: 'string', nullable: true, description: 'send as `cursor` for the next page; null on the last one' },
      },
    },
    [`${name}Answer`]: { type: 'object', required: ['data'], properties: { data: ref(name) } },
  };
}

/** Answers other than 2xx a route declared (or the default "Default Response" 200, dropped when a 201/204 replaces it). */
const withoutOk = (responses: unknown) =>
  Object.fromEntries(Object.entries((responses ?? {}) as Json).filter(([status]) => !status.startsWith('2')));

/**
 * Points an object's standard routes at its schemas (what registerRecordRoutes serves). The
 * list answer is written as raw JSON by the database (records/list.ts): these schemas document
 * it and change nothing about how it is produced.
 */
function linkRoutes(paths: Record<string, Record<string, Json>>, prefix: string, def: ObjectDef): void {
  const name = schemaName(def);
  const base = `${prefix}/${resourcePath(def.name)}`;
  const list = paths[base];
  const item = paths[`${base}/{id}`];
  const query = paths[`${base}/query`];
  const page = { description: 'A page of records', ...json(ref(`${name}Page`)) };
  if (list?.get) list.get.responses = { ...withoutOk(list.get.responses), 200: page };
  if (query?.post) query.post.responses = { ...withoutOk(query.post.responses), 200: page };
  if (list?.post) {
    list.post.requestBody = { required: true, ...json(ref(`${name}Create`)) };
    list.post.parameters = [...((list.post.parameters as unknown[]) ?? []), param('IdempotencyKey')];
    list.post.responses = { ...withoutOk(list.post.responses), 201: { description: 'The created record (ETag: its version)', ...json(ref(`${name}Answer`)) } };
  }
  if (item?.get) item.get.responses = { ...withoutOk(item.get.responses), 200: { description: 'The record (ETag: its version)', ...json(ref(`${name}Answer`)) } };
  if (item?.patch) {
    item.patch.requestBody = { required: true, ...json(ref(`${name}Update`)) };
    item.patch.parameters = [...((item.patch.parameters as unknown[]) ?? []), param('IdempotencyKey'), param('IfMatch')];
    item.patch.responses = { ...withoutOk(item.patch.responses), 200: { description: 'The updated record (ETag: its version)', ...json(ref(`${name}Answer`)) } };
  }
  if (item?.delete) item.delete.responses = { ...withoutOk(item.delete.responses), 204: { description: 'Deleted' } };
}

/** Adds every registered object's schemas to the document and points its routes at them. */
export function addObjectSchemas(doc: Json & { components?: Json & { schemas?: Json }; paths?: Record<string, Record<string, Json>> }, prefix: string): void {
  const schemas: Json = { ...(doc.components?.schemas ?? {}) };
  for (const name of objectNames()) {
    const def = getObject(name);
    Object.assign(schemas, objectSchemas(def));
    linkRoutes(doc.paths ?? {}, prefix, def);
  }
  doc.components = { ...(doc.components ?? {}), schemas };
}
