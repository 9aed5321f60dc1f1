import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';
import { counts, importAs } from './import-test-helpers.ts';

// Duplicate mode `update` writes like the record engine: the contact's account link kept in
// step (both related lists), derived columns and search, updated_at, audit old → new.
const t = useTestApp();

describe('import update mode', () => {
  it('keeps the account link in step and audits each changed field old → new', async () => {
    const created = await t.api(t.adminToken, 'POST', '/contacts', { name: 'Upd Person', email: 'upd.person@example.com', city: 'Hangzhou', phone: '0571-1234567' });
    const id = created.body.data.id as number;
    const before = created.body.data.updated_at as string;
    const csv = ['name,email,city,company,mobile', 'Upd Person,upd.person@example.com,Suzhou,Gamma Textiles,13712345678'].join('\n');
    const done = await importAs(t, t.adminToken, csv, 'update');
    expect(counts(done)).toEqual({ created: 0, updated: 1, skipped: 0, failed: 0 });
    const c = (await t.api(t.adminToken, 'GET', `/contacts/${id}`)).body.data;
    expect(c).toMatchObject({ city: 'Suzhou', mobile: '13712345678', phone: '0571-1234567' });
    expect(c.updated_at).not.toBe(before);
    expect(c.accounts).toEqual([expect.objectContaining({ account_id: c.account_id, account_name: 'Gamma Textiles', is_primary: true })]);
    const related = await t.api(t.adminToken, 'GET', `/accounts/${c.account_id}/contacts`);
    expect(related.body.data.map((x: any) => x.id)).toEqual([id]);
    // Search sees the new values (derived columns recomputed).
    const found = await t.api(t.adminToken, 'GET', '/search?q=Gamma Textiles');
    expect(found.body.data.map((h: any) => h.id)).toContain(id);
    const audit = await t.api(t.adminToken, 'GET', `/audit-log?filter[object]=contacts&filter[record_id]=${id}&filter[action]=update`);
    expect(audit.body.data).toHaveLength(1);
    expect(audit.body.data[0].changes).toEqual({ city: ['Hangzhou', 'Suzhou'], mobile: [null, '13712345678'], account_id: [null, c.account_id] });
    // Moving to another company keeps one primary link; an unchanged file changes nothing.
    await importAs(t, t.adminToken, csv.replace('Gamma Textiles', 'Delta Foods'), 'update');
    const moved = (await t.api(t.adminToken, 'GET', `/contacts/${id}`)).body.data;
    expect(moved.accounts.filter((a: any) => a.is_primary).map((a: any) => a.account_name)).toEqual(['Delta Foods']);
    expect((await t.api(t.adminToken, 'GET', `/accounts/${c.account_id}/contacts`)).body.data.map((x: any) => x.is_primary)).toEqual([false]);
    const again = await importAs(t, t.adminToken, csv.replace('Gamma Textiles', 'Delta Foods'), 'update');
    expect(again.updated).toBe(1);
    const after = await t.api(t.adminToken, 'GET', `/audit-log?filter[object]=contacts&filter[record_id]=${id}&filter[action]=update`);
    expect(after.body.data).toHaveLength(2);
  });
});
