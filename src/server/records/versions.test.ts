import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../db/test-helpers.ts';

const t = useTestApp();

describe('record versions: no lost updates', () => {
  it('answers version and ETag; every write raises it (PATCH, bulk, merge, any UPDATE)', async () => {
    const c = await t.api(t.adminToken, 'POST', '/contacts', { name: 'Versioned' });
    expect(c.body.data.version).toBe(1);
    expect(c.headers.etag).toBe('"1"');
    const id = c.body.data.id;
    const get = await t.api(t.adminToken, 'GET', `/contacts/${id}`);
    expect(get.headers.etag).toBe('"1"');
    const p = await t.api(t.adminToken, 'PATCH', `/contacts/${id}`, { city: 'Beijing' });
    expect([p.body.data.version, p.headers.etag]).toEqual([2, '"2"']);
    await t.api(t.adminToken, 'POST', '/contacts/bulk', { ids: [id], action: 'update', values: { tier: 'gold' } });
    expect((await t.api(t.adminToken, 'GET', `/contacts/${id}`)).body.data.version).toBe(3);
    const dup = await t.api(t.adminToken, 'POST', '/contacts', { name: 'Versioned copy', mobile: '13600000000' });
    const m = await t.api(t.adminToken, 'POST', '/contacts/merge', { primary_id: id, duplicate_ids: [dup.body.data.id] });
    expect(m.body.data.version).toBe(4);
    // Paths that write SQL directly (imports) are counted by the database itself.
    await sql`UPDATE contacts SET city = 'Xi''an' WHERE id = ${id}`.execute(t.database.db);
    expect((await t.api(t.adminToken, 'GET', `/contacts/${id}`)).body.data.version).toBe(5);
    for (const object of ['accounts', 'activities', 'tasks']) {
      const body = object === 'accounts' ? { name: 'V Co' } : object === 'activities' ? { kind: 'note', subject: 'V', contact_id: id } : { title: 'V' };
      const r = await t.api(t.adminToken, 'POST', `/${object}`, body);
      expect(r.body.data.version).toBe(1);
      const change = object === 'accounts' ? { name: 'V Co 2' } : object === 'activities' ? { subject: 'V2' } : { title: 'V2' };
      const u = await t.api(t.adminToken, 'PATCH', `/${object}/${r.body.data.id}`, change, { 'if-match': '"1"' });
      expect([object, u.status, u.body.data.version]).toEqual([object, 200, 2]);
    }
  });

  it('derived columns rewritten alone (reindex, an account renamed) keep the version', async () => {
    const c = await t.api(t.adminToken, 'POST', '/contacts', { name: 'Derived only', mobile: '13900000001' });
    const id = c.body.data.id;
    await sql`UPDATE contacts SET search_text = search_text || ' x', phone_key = NULL, updated_at = now() WHERE id = ${id}`.execute(t.database.db);
    expect((await t.api(t.adminToken, 'GET', `/contacts/${id}`)).body.data.version).toBe(1);
    await sql`UPDATE contacts SET search_text = search_text || ' y', city = 'Hefei' WHERE id = ${id}`.execute(t.database.db);
    expect((await t.api(t.adminToken, 'GET', `/contacts/${id}`)).body.data.version).toBe(2);
  });

  it('a stale If-Match or body version is a 409 with the current record and who changed it; nothing is written', async () => {
    const rep = await t.userToken('sales');
    const c = await t.api(rep.token, 'POST', '/contacts', { name: 'Contested', credit_limit: 100 });
    const id = c.body.data.id;
    expect((await t.api(t.adminToken, 'PATCH', `/contacts/${id}`, { city: 'Shanghai', credit_limit: 900 }, { 'if-match': '"1"' })).status).toBe(200);
    await t.api(t.adminToken, 'PATCH', '/roles/sales', { field_rules: { contacts: { credit_limit: 'hidden' } } });
    try {
      const stale = await t.api(rep.token, 'PATCH', `/contacts/${id}`, { city: 'Shenzhen' }, { 'if-match': '"1"' });
      expect(stale.status).toBe(409);
      expect(stale.body.error.code).toBe('conflict');
      const d = stale.body.error.details;
      expect(d).toMatchObject({ reason: 'version_mismatch', expected: 1, current: { id, version: 2, city: 'Shanghai' }, changed_by: { name: expect.any(String) } });
      expect(d.changed_at).toEqual(expect.any(String));
      // The current record is redacted like a GET.
      expect('credit_limit' in d.current).toBe(false);
      expect(JSON.stringify(stale.body)).not.toContain('900');
      const viaBody = await t.api(rep.token, 'PATCH', `/contacts/${id}`, { city: 'Shenzhen', version: 1 });
      expect(viaBody.status).toBe(409);
      expect((await t.api(rep.token, 'GET', `/contacts/${id}`)).body.data.city).toBe('Shanghai');
      // Overwrite: resend with the version the conflict answered.
      const again = await t.api(rep.token, 'PATCH', `/contacts/${id}`, { city: 'Shenzhen', version: d.current.version });
      expect([again.status, again.body.data.city, again.body.data.version]).toEqual([200, 'Shenzhen', 3]);
      // Without a precondition the last write still wins (older clients keep working).
      expect((await t.api(rep.token, 'PATCH', `/contacts/${id}`, { city: 'Hangzhou' })).status).toBe(200);
    } finally {
      await t.api(t.adminToken, 'PATCH', '/roles/sales', { field_rules: { contacts: { credit_limit: null } } });
    }
  });

  it('two writers racing with the same version: exactly one wins', async () => {
    const c = await t.api(t.adminToken, 'POST', '/contacts', { name: 'Race' });
    const res = await Promise.all(['A', 'B', 'C'].map((city) => t.api(t.adminToken, 'PATCH', `/contacts/${c.body.data.id}`, { city }, { 'if-match': '"1"' })));
    expect(res.map((r) => r.status).sort()).toEqual([200, 409, 409]);
  });

  it('refuses a malformed If-Match or body version with 400', async () => {
    const c = await t.api(t.adminToken, 'POST', '/contacts', { name: 'Bad version' });
    const url = `/contacts/${c.body.data.id}`;
    expect((await t.api(t.adminToken, 'PATCH', url, { city: 'x' }, { 'if-match': 'yesterday' })).status).toBe(400);
    expect((await t.api(t.adminToken, 'PATCH', url, { city: 'x', version: 'one' })).status).toBe(400);
    expect((await t.api(t.adminToken, 'PATCH', url, { city: 'x', version: 2 }, { 'if-match': '"1"' })).status).toBe(400);
    expect((await t.api(t.adminToken, 'GET', url)).body.data).toMatchObject({ city: null, version: 1 });
    expect((await t.api(t.adminToken, 'PATCH', url, { city: 'y' }, { 'if-match': '*' })).status).toBe(200);
  });
});
