import { describe, expect, it } from 'vitest';
import { useTestApp } from '../db/test-helpers.ts';
import { getObject, objectNames } from '../records/registry.ts';
import { resourcePath } from '../../shared/resource-path.ts';
import { fieldSchema, schemaName } from './openapi-objects.ts';

const t = useTestApp();
const METHODS = ['get', 'put', 'post', 'patch', 'delete'];

type Doc = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, { responses: Record<string, any>; requestBody: any; parameters?: any[] }>>;
  components: { schemas: Record<string, any> };
};

/** Every `$ref` in the document, with where it was found. */
function refsOf(value: unknown, at = '#'): [string, string][] {
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => (k === '$ref' && typeof v === 'string' ? [[at, v] as [string, string]] : refsOf(v, `${at}/${k}`)));
}

describe('the OpenAPI document (GET /api/docs/json)', async () => {
  const load = async () => {
    const res = await t.api(t.adminToken, 'GET', '/api/docs/json');
    expect(res.status).toBe(200);
    return res.body as Doc;
  };

  it('is an OpenAPI 3 document whose every operation answers and every $ref resolves', async () => {
    const doc = await load();
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info.title).toBeTruthy();
    expect(Object.keys(doc.paths).length).toBeGreaterThan(30);
    for (const [path, ops] of Object.entries(doc.paths)) {
      expect(path.startsWith('/')).toBe(true);
      for (const [method, op] of Object.entries(ops)) {
        if (!METHODS.includes(method)) continue;
        expect([path, method, typeof op.responses]).toEqual([path, method, 'object']);
        // Path parameters are declared, and each one named in the path.
        for (const name of path.match(/\{(\w+)\}/g) ?? []) {
          expect(op.parameters?.some((p) => p.in === 'path' && `{${p.name}}` === name), `${method} ${path} ${name}`).toBe(true);
        }
      }
    }
    for (const [at, ref] of refsOf(doc)) {
      const target = ref.replace(/^#\//, '').split('/').reduce<any>((o, k) => o?.[k], doc);
      expect(target, `${at} → ${ref}`).toBeTruthy();
    }
  });

  it('documents request bodies from the zod contracts (login, users, views)', async () => {
    const doc = await load();
    const login = doc.paths['/api/v1/auth/login'].post.requestBody.content['application/json'].schema;
    expect(login.properties.email).toMatchObject({ type: 'string', maxLength: 320 });
    expect(login.required).toEqual(expect.arrayContaining(['email', 'password']));
    expect(doc.paths['/api/v1/users'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('role');
  });

  it('has a schema for the records of every registered object, with its fields typed, used by its routes', async () => {
    const doc = await load();
    expect(objectNames()).toEqual(expect.arrayContaining(['contacts', 'accounts', 'activities', 'tasks']));
    for (const name of objectNames()) {
      const def = getObject(name);
      const schema = doc.components.schemas[schemaName(def)];
      expect(schema, name).toBeTruthy();
      expect(schema.additionalProperties).toBe(true);
      expect(schema.description).toContain('cf_');
      for (const f of def.fields) expect([name, f.key, schema.properties[f.key]]).toEqual([name, f.key, fieldSchema(f)]);
      const ref = (suffix = '') => ({ $ref: `#/components/schemas/${schemaName(def)}${suffix}` });
      const item = doc.paths[`/api/v1/${resourcePath(name)}/{id}`];
      const body = (op: any, status: string) => op.responses[status].content['application/json'].schema;
      expect(body(item.get, '200')).toEqual(ref('Answer'));
      expect(doc.components.schemas[`${schemaName(def)}Answer`].properties.data).toEqual(ref());
      expect(item.patch.requestBody.content['application/json'].schema).toEqual(ref('Update'));
      expect(body(item.patch, '200')).toEqual(ref('Answer'));
      expect(doc.paths[`/api/v1/${resourcePath(name)}`].post.requestBody.content['application/json'].schema).toEqual(ref('Create'));
      expect(body(doc.paths[`/api/v1/${resourcePath(name)}`].post, '201')).toEqual(ref('Answer'));
      expect(body(doc.paths[`/api/v1/${resourcePath(name)}`].get, '200')).toEqual(ref('Page'));
      expect(doc.components.schemas[`${schemaName(def)}Page`].properties.data.items).toEqual(ref());
      // Writes declare what they answer, not also a generic 200; a delete answers 204.
      expect(Object.keys(doc.paths[`/api/v1/${resourcePath(name)}`].post.responses).filter((s) => s.startsWith('2'))).toEqual(['201']);
      expect(Object.keys(item.delete.responses).filter((s) => s.startsWith('2'))).toEqual(['204']);
    }
    // Spot checks of the type mapping.
    const contact = doc.components.schemas.Contact.properties;
    expect(contact.name).toMatchObject({ type: 'string', maxLength: 200, nullable: false });
    expect(contact.email).toMatchObject({ type: 'string', format: 'email', nullable: true });
    expect(contact.credit_limit).toMatchObject({ type: 'string', pattern: expect.any(String) });
    expect(contact.tags).toMatchObject({ type: 'array', items: { type: 'string' } });
    expect(contact.gender.enum).toEqual(['female', 'male', 'other', 'unknown']);
    expect(contact.created_at).toMatchObject({ type: 'string', format: 'date-time', readOnly: true });
    expect(contact.account_id).toMatchObject({ type: 'integer' });
  });
});
