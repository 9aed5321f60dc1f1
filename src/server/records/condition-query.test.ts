import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../db/test-helpers.ts';
import { factories } from '../db/factories.ts';

// Condition trees through the API: the list by tree (POST /query, ?where=), its cursor pages,
// the administrators' SQL, and saved views storing a tree.

const t = useTestApp();
const f = factories(t);
const marker = `cq${Date.now()}`;
const mine = { kind: 'field', field: 'name', op: 'starts', value: marker } as const;
const tree = (...conditions: unknown[]) => ({ kind: 'group', match: 'all', conditions: [mine, ...conditions] });
const orTree = tree({ kind: 'group', match: 'any', conditions: [{ kind: 'field', field: 'industry', op: 'eq', value: 'Retail' }, { kind: 'field', field: 'employees', op: 'gt', value: '100' }] });
const names = (body: { data: { name: string }[] }) => body.data.map((r) => r.name.slice(marker.length + 1)).sort();

beforeAll(async () => {
  await f.account({ name: `${marker} a`, industry: 'Retail', employees: 5 });
  await f.account({ name: `${marker} b`, industry: 'Banking', employees: 500 });
  await f.account({ name: `${marker} c`, industry: 'Mining', employees: 50 });
  for (let i = 0; i < 3; i++) await f.account({ name: `${marker} p${i}`, industry: 'Retail' });
});

describe('lists by condition tree', () => {
  it('POST /query answers the list page, in cursor pages, with the fields asked for', async () => {
    const first = await t.api(t.adminToken, 'POST', '/accounts/query', { conditions: orTree, sort: 'name', limit: 3, fields: ['name'] });
    expect(first.status).toBe(200);
    expect(first.body.data.map((r: { name: string }) => r.name.slice(marker.length + 1))).toEqual(['a', 'b', 'p0']);
    expect(Object.keys(first.body.data[0]).sort()).toEqual(['id', 'name', 'refs']);
    const second = await t.api(t.adminToken, 'POST', '/accounts/query', { conditions: orTree, sort: 'name', limit: 3, cursor: first.body.next_cursor });
    expect(names(second.body)).toEqual(['p1', 'p2']);
    expect(second.body.next_cursor).toBeNull();
  });

  it('GET ?where= takes the same tree (list, count), and flat filters still apply beside it', async () => {
    const where = encodeURIComponent(JSON.stringify(orTree));
    expect(names((await t.api(t.adminToken, 'GET', `/accounts?where=${where}&filter[employees][lt]=100`)).body)).toEqual(['a']);
    expect((await t.api(t.adminToken, 'GET', `/accounts/count?where=${where}`)).body.data.count).toBe(5);
    expect(names((await t.api(t.adminToken, 'GET', `/accounts?filter[name][starts]=${marker}&filter[industry]=Mining`)).body)).toEqual(['c']);
  });

  it('flat filters share the clause compiler: relative dates and a..b ranges', async () => {
    const p = `filter[name][starts]=${marker}`;
    expect(names((await t.api(t.adminToken, 'GET', `/accounts?${p}&filter[created_at][gte]=today-1d&filter[employees][between]=5..50`)).body)).toEqual(['a', 'c']);
    expect(names((await t.api(t.adminToken, 'GET', `/accounts?${p}&filter[created_at][lt]=today-1d`)).body)).toEqual([]);
  });

  it('a bad tree is a clear 400, never a 500', async () => {
    const bad = await t.api(t.adminToken, 'POST', '/accounts/query', { conditions: tree({ kind: 'field', field: 'nope', op: 'eq', value: 'x' }) });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'invalid_condition', details: [{ field: 'conditions[1].field', code: 'unknown_field' }] });
    const notJson = await t.api(t.adminToken, 'GET', '/accounts?where=%7Bnope');
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe('invalid_condition');
  });

  it('administrators see the SQL a tree compiles to; others get 403', async () => {
    const r = await t.api(t.adminToken, 'POST', '/accounts/conditions/sql', { conditions: orTree });
    expect(r.status).toBe(200);
    expect(r.body.data.sql).toMatch(/^select "accounts"\."id" from "accounts" as "accounts" where/i);
    expect(r.body.data.parameters).toEqual(expect.arrayContaining(['Retail']));
    const rep = await f.user('manager');
    expect((await t.api(rep.token, 'POST', '/accounts/conditions/sql', { conditions: orTree })).status).toBe(403);
  });
});

describe('saved views store a tree', () => {
  it('round trip: saved, listed, applied', async () => {
    const saved = await t.api(t.adminToken, 'POST', '/views', { object: 'accounts', name: 'retail or big', conditions: orTree });
    expect(saved.status).toBe(201);
    const listed = (await t.api(t.adminToken, 'GET', '/views?object=accounts')).body.data.find((v: { id: number }) => v.id === saved.body.data.id);
    expect(listed.conditions).toEqual(orTree);
    expect(listed.where).toEqual(orTree);
    expect(names((await t.api(t.adminToken, 'POST', '/accounts/query', { conditions: listed.where })).body)).toEqual(['a', 'b', 'p0', 'p1', 'p2']);
  });

  it('PATCH changes or removes a view tree, checked like a new one', async () => {
    const v = await t.api(t.adminToken, 'POST', '/views', { object: 'accounts', name: 'patched', conditions: orTree });
    const bad = await t.api(t.adminToken, 'PATCH', `/views/${v.body.data.id}`, { conditions: tree({ kind: 'field', field: 'nope', op: 'eq', value: 'x' }) });
    expect(bad.status).toBe(400);
    const kept = (await t.api(t.adminToken, 'GET', '/views?object=accounts')).body.data.find((x: { id: number }) => x.id === v.body.data.id);
    expect(kept.conditions).toEqual(orTree);
    expect((await t.api(t.adminToken, 'PATCH', `/views/${v.body.data.id}`, { conditions: null })).body.data.conditions).toBeNull();
  });

  it('a view saved with flat filters reads as a tree', async () => {
    const saved = await t.api(t.adminToken, 'POST', '/views', { object: 'accounts', name: 'flat', filters: [{ field: 'industry', op: 'eq', value: 'Mining' }] });
    expect(saved.body.data.conditions).toBeNull();
    expect(saved.body.data.where).toEqual({ kind: 'group', match: 'all', conditions: [{ kind: 'field', field: 'industry', op: 'eq', value: 'Mining' }] });
    const both = await t.api(t.adminToken, 'POST', '/views', { object: 'accounts', name: 'both', filters: [{ field: 'industry', op: 'eq', value: 'Retail' }], conditions: orTree });
    expect(both.body.data.where).toEqual({ kind: 'group', match: 'all', conditions: [{ kind: 'field', field: 'industry', op: 'eq', value: 'Retail' }, orTree] });
  });

  it('a bad tree saves nothing', async () => {
    const before = await t.database.db.selectFrom('saved_views').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    const r = await t.api(t.adminToken, 'POST', '/views', { object: 'accounts', name: 'bad', conditions: tree({ kind: 'field', field: 'employees', op: 'contains', value: '1' }) });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid_condition');
    const after = await t.database.db.selectFrom('saved_views').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('a view on a field deleted since answers clearly; one hidden since drops the condition', async () => {
    const cf = await t.api(t.adminToken, 'POST', '/custom-fields', { object: 'accounts', key: 'grade', label: 'Grade', type: 'text' });
    expect(cf.status).toBe(201);
    const gradeTree = tree({ kind: 'field', field: 'cf_grade', op: 'eq', value: 'A' });
    const v = await t.api(t.adminToken, 'POST', '/views', { object: 'accounts', name: 'grade', shared: true, conditions: gradeTree });
    expect(v.status).toBe(201);
    await t.api(t.adminToken, 'PATCH', '/roles/marketing', { field_rules: { accounts: { cf_grade: 'hidden' } } });
    const marketer = await f.user('marketing');
    const seen = (await t.api(marketer.token, 'GET', '/views?object=accounts')).body.data.find((x: { id: number }) => x.id === v.body.data.id);
    expect(seen.conditions).toEqual(tree());
    expect(seen.where).toEqual(tree());
    expect(JSON.stringify(seen)).not.toContain('cf_grade');
    expect((await t.api(t.adminToken, 'DELETE', `/custom-fields/${cf.body.data.id}`)).status).toBe(204);
    const stale = (await t.api(t.adminToken, 'GET', '/views?object=accounts')).body.data.find((x: { id: number }) => x.id === v.body.data.id);
    const r = await t.api(t.adminToken, 'POST', '/accounts/query', { conditions: stale.where });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'invalid_condition', details: [{ field: 'conditions[1].field', message: 'Unknown field cf_grade', code: 'unknown_field' }] });
  });
});
