import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../db/test-helpers.ts';

// "Select all N matching": the server applies the change to every record matching the list's
// query that the caller may see, a chunk at a time, after the caller confirmed the count.
const t = useTestApp();
let rep: { token: string; id: number };
let other: { token: string; id: number };
let boss: { token: string; id: number };
const mine: number[] = [];
let theirs: number;

const match = (city: string) => ({ 'filter[city]': city });
const get = async (id: number) => (await t.api(t.adminToken, 'GET', `/contacts/${id}`)).body.data;

beforeAll(async () => {
  rep = await t.userToken('sales');
  other = await t.userToken('sales');
  boss = await t.userToken('manager');
  for (let i = 0; i < 5; i++) mine.push((await t.api(rep.token, 'POST', '/contacts', { name: `批量 ${i}`, city: 'Bulkville', tags: ['vip'] })).body.data.id);
  theirs = (await t.api(other.token, 'POST', '/contacts', { name: 'Not yours', city: 'Bulkville' })).body.data.id;
});

describe('bulk update of all matching records', () => {
  it('refuses a count the caller did not confirm, changing nothing', async () => {
    const r = await t.api(rep.token, 'POST', '/contacts/bulk', { match: match('Bulkville'), expected_count: 6, action: 'update', values: { owner_id: boss.id } });
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({ code: 'conflict', details: { reason: 'count_changed', count: 5 } });
    for (const id of mine) expect((await get(id)).owner_id).toBe(rep.id);
    const none = await t.api(rep.token, 'POST', '/contacts/bulk', { match: match('Bulkville'), action: 'update', values: { tier: 'a' } });
    expect(none.status).toBe(400);
  });

  it('sets a select field and a custom field on every visible match, audited per record; a hidden match is untouched', async () => {
    expect((await t.api(t.adminToken, 'POST', '/custom-fields', { object: 'contacts', key: 'wave', label: 'Wave', type: 'text' })).status).toBe(201);
    const r = await t.api(rep.token, 'POST', '/contacts/bulk', { match: match('Bulkville'), expected_count: 5, action: 'update', values: { lifecycle_status: 'active', cf_wave: 'W1' } });
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual({ done: 5, failed: 0, errors: [] });
    for (const id of mine) expect(await get(id)).toMatchObject({ lifecycle_status: 'active', cf_wave: 'W1' });
    expect(await get(theirs)).toMatchObject({ lifecycle_status: null, cf_wave: null });
    const log = await t.api(t.adminToken, 'GET', `/audit-log?filter[object]=contacts&filter[action]=update&filter[actor_id]=${rep.id}`);
    expect(new Set(log.body.data.map((e: any) => e.record_id))).toEqual(new Set(mine));
  });

  it('validates like a single update: a bad option fails for each record and changes none', async () => {
    const r = await t.api(rep.token, 'POST', '/contacts/bulk', { match: match('Bulkville'), expected_count: 5, action: 'update', values: { tier: 'no-such-tier' } });
    expect(r.body.data.done).toBe(0);
    expect(r.body.data.failed).toBe(5);
    expect(r.body.data.errors.map((e: any) => e.code)).toEqual(Array(5).fill('validation_failed'));
  });

  it('adds a tag and keeps the ones each record had', async () => {
    const r = await t.api(rep.token, 'POST', '/contacts/bulk', { match: { ...match('Bulkville'), q: '批量' }, expected_count: 5, action: 'add_tags', tags: ['展会'] });
    expect(r.body.data.done).toBe(5);
    for (const id of mine) expect((await get(id)).tags).toEqual(['vip', '展会']);
    expect((await get(theirs)).tags ?? []).toEqual([]);
  });

  it('field rules apply: a hidden or read-only field is not written, each record reported', async () => {
    await t.api(t.adminToken, 'PATCH', '/roles/sales', { field_rules: { contacts: { credit_limit: 'read', tags: 'hidden' } } });
    const a = await t.api(rep.token, 'POST', '/contacts/bulk', { match: match('Bulkville'), expected_count: 5, action: 'update', values: { credit_limit: 5 } });
    expect(a.body.data).toMatchObject({ done: 0, failed: 5 });
    expect(a.body.data.errors[0].code).toBe('forbidden');
    const b = await t.api(rep.token, 'POST', '/contacts/bulk', { match: match('Bulkville'), expected_count: 5, action: 'add_tags', tags: ['x'] });
    expect(b.body.data).toMatchObject({ done: 0, failed: 5 });
    // Filtering by a field the role may not read is refused, not answered with a count.
    const c = await t.api(rep.token, 'POST', '/contacts/bulk', { match: { 'filter[tags]': 'vip' }, expected_count: 5, action: 'update', values: { city: 'x' } });
    expect(c.status).toBe(400);
    await t.api(t.adminToken, 'PATCH', '/roles/sales', { field_rules: {} });
    for (const id of mine) expect(await get(id)).toMatchObject({ credit_limit: null, tags: ['vip', '展会'], city: 'Bulkville' });
  });

  it('a role that may not update is refused before anything changes', async () => {
    const ro = await t.userToken('readonly');
    const r = await t.api(ro.token, 'POST', '/contacts/bulk', { match: match('Bulkville'), expected_count: 6, action: 'update', values: { owner_id: ro.id } });
    expect(r.status).toBe(403);
    expect((await get(theirs)).owner_id).toBe(other.id);
  });

  it('sets the owner of all matching, then reports partial failures (delete only what is yours)', async () => {
    const r = await t.api(rep.token, 'POST', '/contacts/bulk', { match: match('Bulkville'), expected_count: 5, action: 'update', values: { owner_id: other.id } });
    expect(r.body.data.done).toBe(5);
    const mkt = await t.userToken('marketing');
    const own = (await t.api(mkt.token, 'POST', '/contacts', { name: 'Mkt bulk', city: 'Delcity' })).body.data.id;
    const notOwn = (await t.api(t.adminToken, 'POST', '/contacts', { name: 'Admin bulk', city: 'Delcity' })).body.data.id;
    const d = await t.api(mkt.token, 'POST', '/contacts/bulk', { match: match('Delcity'), expected_count: 2, action: 'delete' });
    expect(d.body.data).toMatchObject({ done: 1, failed: 1, errors: [{ id: notOwn, code: 'forbidden' }] });
    expect((await t.api(t.adminToken, 'GET', `/contacts/${own}`)).status).toBe(404);
    expect((await t.api(t.adminToken, 'GET', `/contacts/${notOwn}`)).status).toBe(200);
  });
});
