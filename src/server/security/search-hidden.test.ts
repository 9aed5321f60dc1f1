import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../db/test-helpers.ts';

// Search must not find a record by text in a field the searcher may not read: the hit would
// tell the hidden value. (Kept apart from the permission matrix: the search slice fixes it.)
const t = useTestApp();
let rep: { token: string; id: number };

beforeAll(async () => {
  expect((await t.api(t.adminToken, 'PATCH', '/roles/sales', { field_rules: { contacts: { notes: 'hidden' }, accounts: { notes: 'hidden' } } })).status).toBe(200);
  rep = await t.userToken('sales');
  for (const o of ['contacts', 'accounts']) {
    expect((await t.api(t.adminToken, 'POST', `/${o}`, { name: `Searchable ${o}`, notes: 'zebraquartz hidden words', owner_id: rep.id })).status).toBe(201);
  }
});

describe('search and q', () => {
  it.each(['/search?q=zebraquartz', '/contacts?q=zebraquartz', '/accounts?q=zebraquartz'])('find nothing by hidden text: %s', async (url) => {
    // The administrator, who reads notes, finds both: the text is indexed.
    expect((await t.api(t.adminToken, 'GET', url)).body.data.length).toBeGreaterThan(0);
    const r = await t.api(rep.token, 'GET', url);
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual([]);
  });

  it('counts nothing by hidden text', async () => {
    expect((await t.api(rep.token, 'GET', '/contacts/count?q=zebraquartz')).body.data.count).toBe(0);
  });
});
