import { describe, expect, it } from 'vitest';
import { useTestApp } from '../db/test-helpers.ts';

const t = useTestApp();
const NUL = 'a\u0000b';

/** Every documented route of the API, its path parameters filled with 1. */
function routes(): { method: string; url: string }[] {
  const spec = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  const out: { method: string; url: string }[] = [];
  for (const [path, ops] of Object.entries(spec.paths)) {
    for (const method of Object.keys(ops)) {
      if (['get', 'post', 'put', 'patch', 'delete'].includes(method)) out.push({ method: method.toUpperCase(), url: path.replace(/\{[^}]+\}/g, '1') });
    }
  }
  return out;
}

describe('bad input is a 400, never a 500', () => {
  it('a NUL character anywhere in a JSON body, on every route, is refused at the edge', async () => {
    const all = routes().filter((r) => r.method !== 'GET');
    expect(all.length).toBeGreaterThan(30);
    const body = { name: NUL, nested: { list: [NUL] }, email: 'x@example.com' };
    for (const r of all) {
      const res = await t.api(t.adminToken, r.method as 'POST', r.url, body);
      expect([r.method, r.url, res.status, res.body?.error?.code]).toEqual([r.method, r.url, 400, 'validation_failed']);
    }
    // Keys too, and unauthenticated public routes.
    expect((await t.api(t.adminToken, 'POST', '/contacts', { ['na\u0000me']: 'x' })).status).toBe(400);
    expect((await t.api('', 'POST', '/auth/login', { email: NUL, password: NUL })).status).toBe(400);
  });

  it('a NUL character in a query string is refused on every GET route', async () => {
    for (const r of routes().filter((x) => x.method === 'GET')) {
      const res = await t.api(t.adminToken, 'GET', `${r.url}?q=a%00b&filter[name]=%00`);
      expect([r.url, res.status]).toEqual([r.url, 400]);
    }
  });

  it('out-of-range dates and numbers in filters are a 400', async () => {
    await t.api(t.adminToken, 'POST', '/custom-fields', { object: 'contacts', key: 'since', label: 'Since', type: 'date' });
    await t.api(t.adminToken, 'POST', '/custom-fields', { object: 'contacts', key: 'score', label: 'Score', type: 'number' });
    for (const q of [
      'filter[created_at][gte]=275760-09-13',
      'filter[created_at][gte]=+275760-09-13T00:00:00Z',
      'filter[created_at][lt]=-000001-01-01T00:00:00Z',
      'filter[created_at][between]=2020-01-01,275760-01-01',
      'filter[updated_at]=99999-01-01',
      'filter[birthday][gte]=275760-09-13',
      'filter[cf_since][gte]=275760-09-13',
      'filter[credit_limit][gt]=1e400',
      'filter[cf_score][gt]=1e308',
      'filter[id]=99999999999999999999',
      'filter[account_id]=1e300',
      'filter[owner_id][in]=1,1e30',
    ]) {
      for (const path of ['/contacts', '/contacts/count']) {
        const res = await t.api(t.adminToken, 'GET', `${path}?${q}`);
        expect([q, path, res.status]).toEqual([q, path, 400]);
      }
    }
    expect((await t.api(t.adminToken, 'GET', '/contacts?filter[created_at][gte]=2020-01-01T00:00:00Z')).status).toBe(200);
    expect((await t.api(t.adminToken, 'GET', '/contacts?filter[created_at][gte]=9999-12-31')).status).toBe(200);
  });

  it('an empty custom-field PATCH is a 400 and changes nothing', async () => {
    const f = await t.api(t.adminToken, 'POST', '/custom-fields', { object: 'accounts', key: 'empty_patch', label: 'Empty', type: 'text' });
    const res = await t.api(t.adminToken, 'PATCH', `/custom-fields/${f.body.data.id}`, {});
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    const unknown = await t.api(t.adminToken, 'PATCH', `/custom-fields/${f.body.data.id}`, { type: 'number' });
    expect(unknown.status).toBe(400);
  });
});

describe('route contracts are checked by Fastify before the handler runs', () => {
  it('a bad query string or path parameter is a 400 with one coded detail per field', async () => {
    const long = await t.api(t.adminToken, 'GET', `/custom-fields?object=${'x'.repeat(51)}`);
    expect(long.status).toBe(400);
    expect(long.body.error).toMatchObject({ code: 'validation_failed', details: [{ field: 'object', code: 'too_big' }] });
    const role = await t.api(t.adminToken, 'PATCH', `/roles/${'r'.repeat(51)}`, { name: 'x' });
    expect(role.body.error).toMatchObject({ code: 'validation_failed', details: [{ field: 'key', code: 'too_big' }] });
    const id = await t.api(t.adminToken, 'PATCH', '/views/abc', { name: 'x' });
    expect(id.body.error).toMatchObject({ code: 'validation_failed', details: [{ field: 'id', code: 'invalid_type' }] });
  });

  it('a body is answered field by field, and a missing body is read as {}', async () => {
    const res = await t.api(t.adminToken, 'POST', '/teams', { name: '', manager_id: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['manager_id', 'name']);
    for (const d of res.body.error.details) expect(typeof d.code).toBe('string');
    const empty = await t.api(t.adminToken, 'POST', '/teams');
    expect(empty.body.error).toMatchObject({ code: 'validation_failed', details: [{ field: 'name', code: 'invalid_type' }] });
  });

  it('an answer with a response contract carries only what the contract declares', async () => {
    const me = await t.api(t.adminToken, 'GET', '/auth/me');
    expect(Object.keys(me.body.data).sort()).toEqual(['email', 'id', 'locale', 'name', 'permissions', 'role', 'team_id']);
    const settings = await t.api(t.adminToken, 'GET', '/settings');
    expect(Object.keys(settings.body.data).sort()).toEqual(['currency', 'organization_name', 'phone_region', 'time_zone']);
  });
});

describe('a caller who may not administer is refused before the contract is checked', () => {
  it('answers 403, not a 400 describing the body, on every admin route', async () => {
    const ro = await t.userToken('readonly');
    for (const [method, url] of [['POST', '/users'], ['PATCH', '/users/1'], ['POST', '/teams'], ['PATCH', '/teams/1'], ['PATCH', '/roles/sales'],
      ['POST', '/custom-fields'], ['PATCH', '/custom-fields/1'], ['DELETE', '/custom-fields/x'], ['PATCH', '/settings']] as const) {
      const res = await t.api(ro.token, method, url, method === 'DELETE' ? undefined : { bogus: 1, name: 5 });
      expect([method, url, res.status, res.body.error.code]).toEqual([method, url, 403, 'forbidden']);
    }
  });
});
