import { describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { useTestApp } from '../db/test-helpers.ts';
import { SECURITY } from './openapi-document.ts';

// The served document is a contract a third party builds on: valid OpenAPI, one unique and
// stable operationId per operation (derived, so routes any module adds are covered too), who
// may call what, the error envelope, and record schemas the real answers keep to.

const t = useTestApp();
const METHODS = ['get', 'put', 'post', 'patch', 'delete'];
type Op = { operationId?: string; summary?: string; tags?: string[]; security?: unknown[]; responses: Record<string, any>; parameters?: any[] };
type Doc = { paths: Record<string, Record<string, Op>>; components: { schemas: Record<string, any>; securitySchemes: Record<string, any> } };

const operations = (doc: Doc) => Object.entries(doc.paths).flatMap(([path, ops]) =>
  Object.entries(ops).filter(([m]) => METHODS.includes(m)).map(([method, op]) => ({ path, method, op })));

describe('the OpenAPI document as a contract', () => {
  const load = async () => {
    // Public: an integrator reads it before having an account.
    const res = await t.api('', 'GET', '/openapi.json');
    expect(res.status).toBe(200);
    return res.body as Doc;
  };

  it('validates as OpenAPI 3 (both addresses serve the same document)', async () => {
    const doc = await load();
    const result = await new Validator().validate(doc as unknown as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect((await t.api(t.adminToken, 'GET', '/api/docs/json')).body).toEqual(doc);
  });

  it('gives every operation a unique operationId, a tag and a summary', async () => {
    const doc = await load();
    const ops = operations(doc);
    expect(ops.length).toBeGreaterThan(100);
    const seen = new Map<string, string>();
    for (const { path, method, op } of ops) {
      const where = `${method.toUpperCase()} ${path}`;
      expect([where, op.operationId]).toEqual([where, expect.stringMatching(/^[a-z][A-Za-z0-9]*$/)]);
      expect([where, seen.get(op.operationId!)]).toEqual([where, undefined]);
      seen.set(op.operationId!, where);
      expect([where, op.tags?.length ?? 0]).toEqual([where, expect.any(Number)]);
      expect(op.tags!.length, where).toBeGreaterThan(0);
      expect(op.summary, where).toBeTruthy();
    }
    // The standard record surface and a module route, by name.
    const byId = Object.fromEntries(ops.map((o) => [o.op.operationId, `${o.method.toUpperCase()} ${o.path}`]));
    expect(byId).toMatchObject({
      listAccounts: 'GET /api/v1/accounts', createAccount: 'POST /api/v1/accounts', getAccount: 'GET /api/v1/accounts/{id}',
      updateAccount: 'PATCH /api/v1/accounts/{id}', deleteAccount: 'DELETE /api/v1/accounts/{id}',
      getAccountTimeline: 'GET /api/v1/accounts/{id}/timeline', listActivities: 'GET /api/v1/activities',
      getQuotePdf: 'GET /api/v1/quotes/{id}/pdf',
    });
  });

  it('says who may call each operation: a session or a bearer token, nothing on public routes', async () => {
    const doc = await load();
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'gx_session' });
    // Signing in, first-run setup, health, logging out (an expired session may), forgot password, and /public/*.
    const publicOps = new Set(['getHealth', 'loginAuth', 'logoutAuth', 'getSetup', 'setup']);
    for (const { path, method, op } of operations(doc)) {
      const expected = publicOps.has(op.operationId!) || path.startsWith('/api/v1/public/') || path.startsWith('/api/v1/auth/password-reset') ? [] : SECURITY;
      expect([method, path, op.security]).toEqual([method, path, expected]);
    }
    // …and the document tells the truth: a secured operation refuses a caller without either.
    expect((await t.api('', 'GET', '/accounts')).status).toBe(401);
    expect((await t.api('', 'GET', '/health')).status).toBe(200);
  });

  it('documents the error envelope on every operation, and real errors keep to it', async () => {
    const doc = await load();
    const error = { $ref: '#/components/schemas/Error' };
    for (const { path, method, op } of operations(doc)) {
      expect([method, path, op.responses['4XX']?.content['application/json'].schema]).toEqual([method, path, error]);
    }
    expect(doc.components.schemas.Error.properties.error.required).toEqual(['code', 'message']);
    const refused = await t.api(t.adminToken, 'POST', '/accounts', { name: '' });
    expect(refused.status).toBe(400);
    expect(Object.keys(refused.body)).toEqual(['error']);
    expect(refused.body.error).toMatchObject({ code: 'validation_failed', message: expect.any(String) });
    for (const d of refused.body.error.details) expect(Object.keys(d).sort()).toEqual(Object.keys(doc.components.schemas.FieldIssue.properties).sort());
  });

  it('types record answers per object, and the real answers keep to those schemas', async () => {
    const doc = await load();
    const s = doc.components.schemas;
    expect(s.AccountCreate.required).toEqual(['name']);
    expect(s.AccountCreate.properties).not.toHaveProperty('created_at');
    expect(s.AccountUpdate.required).toBeUndefined();
    expect(s.AccountPage.required).toEqual(['data', 'next_cursor']);
    expect(doc.paths['/api/v1/accounts/{id}'].patch.parameters!.map((p) => p.$ref ?? p.name))
      .toEqual(expect.arrayContaining(['#/components/parameters/IdempotencyKey', '#/components/parameters/IfMatch']));

    const created = await t.api(t.adminToken, 'POST', '/accounts', { name: '华为技术', annual_revenue: '12999.50' });
    expect(created.status).toBe(201);
    const page = await t.api(t.adminToken, 'GET', '/accounts?limit=1');
    expect(Object.keys(page.body).sort()).toEqual(['data', 'next_cursor']);
    const one = await t.api(t.adminToken, 'GET', `/accounts/${created.body.data.id}`);
    for (const record of [created.body.data, page.body.data[0], one.body.data]) {
      // Every key is a documented property or a custom field; every value has the documented type.
      for (const [key, value] of Object.entries(record as Record<string, unknown>)) {
        const prop = s.Account.properties[key];
        expect([key, prop !== undefined || key.startsWith('cf_')]).toEqual([key, true]);
        if (value === null || !prop) continue;
        const type = Array.isArray(value) ? 'array' : typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'number') : typeof value;
        expect([key, type]).toEqual([key, prop.type === 'number' && type === 'integer' ? 'integer' : prop.type]);
      }
    }
    expect(one.body.data.annual_revenue).toMatch(new RegExp(s.Account.properties.annual_revenue.pattern));
  });
});
