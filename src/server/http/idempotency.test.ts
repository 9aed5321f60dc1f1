import { describe, expect, it } from 'vitest';
import { useTestApp } from '../db/test-helpers.ts';

const t = useTestApp();

describe('idempotency keys', () => {
  it('five parallel posts with one key create exactly one record and all five answer it', async () => {
    for (let round = 0; round < 3; round++) {
      const headers = { 'idempotency-key': `parallel-${round}` };
      const name = `Parallel ${round}`;
      const res = await Promise.all(Array.from({ length: 5 }, () => t.api(t.adminToken, 'POST', '/contacts', { name }, headers)));
      expect(res.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
      expect(new Set(res.map((r) => r.body.data.id)).size).toBe(1);
      expect(res.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(4);
      const list = await t.api(t.adminToken, 'GET', `/contacts?filter[name]=${encodeURIComponent(name)}`);
      expect(list.body.data).toHaveLength(1);
    }
  });

  it('refuses a key reused for another body or URL (422 idempotency_key_reused) and writes nothing', async () => {
    const headers = { 'idempotency-key': 'reuse-me' };
    const a = await t.api(t.adminToken, 'POST', '/contacts', { name: 'Reuse A' }, headers);
    expect(a.status).toBe(201);
    const b = await t.api(t.adminToken, 'POST', '/contacts', { name: 'Reuse B' }, headers);
    expect(b.status).toBe(422);
    expect(b.body.error.code).toBe('idempotency_key_reused');
    const c = await t.api(t.adminToken, 'POST', '/accounts', { name: 'Reuse A' }, headers);
    expect(c.body.error.code).toBe('idempotency_key_reused');
    expect((await t.api(t.adminToken, 'GET', '/contacts?filter[name]=Reuse B')).body.data).toHaveLength(0);
    expect((await t.api(t.adminToken, 'GET', '/accounts?filter[name]=Reuse A')).body.data).toHaveLength(0);
    // Keys belong to their user: another user may use the same text.
    const rep = await t.userToken('sales');
    expect((await t.api(rep.token, 'POST', '/contacts', { name: 'Reuse B' }, headers)).status).toBe(201);
  });

  it('a failed write frees its key: the corrected retry is not refused', async () => {
    const headers = { 'idempotency-key': 'fails-first' };
    const bad = await t.api(t.adminToken, 'POST', '/contacts', { name: 'Fix me', email: 'not-an-email' }, headers);
    expect(bad.status).toBe(400);
    const again = await t.api(t.adminToken, 'POST', '/contacts', { name: 'Fix me', email: 'not-an-email' }, headers);
    expect(again.status).toBe(400);
    const rows = await t.database.db.selectFrom('idempotency_keys').select('key').where('key', '=', 'fails-first').execute();
    expect(rows).toEqual([]);
  });

  it('replays a PATCH with its ETag', async () => {
    const c = await t.api(t.adminToken, 'POST', '/contacts', { name: 'Patch once' });
    const headers = { 'idempotency-key': 'patch-once', 'if-match': '"1"' };
    const a = await t.api(t.adminToken, 'PATCH', `/contacts/${c.body.data.id}`, { city: 'Nanjing' }, headers);
    const b = await t.api(t.adminToken, 'PATCH', `/contacts/${c.body.data.id}`, { city: 'Nanjing' }, headers);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect([a.headers.etag, b.headers.etag]).toEqual(['"2"', '"2"']);
  });
});
