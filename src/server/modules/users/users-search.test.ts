import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';

const t = useTestApp();

describe('GET /users?q=', () => {
  it('matches % and _ literally, not as wildcards', async () => {
    for (const [name, email] of [['Ann_Lee', 'ann_lee@test.guanxi'], ['Annex Lee', 'annex@test.guanxi'], ['Bo 100%', 'bo@test.guanxi']]) {
      const r = await t.api(t.adminToken, 'POST', '/users', { email, name, password: 'password-123', role: 'sales' });
      expect(r.status).toBe(201);
    }
    const names = async (q: string) => (await t.api(t.adminToken, 'GET', `/users?q=${encodeURIComponent(q)}`)).body.data.map((u: { name: string }) => u.name).sort();
    expect(await names('n_l')).toEqual(['Ann_Lee']);
    expect(await names('100%')).toEqual(['Bo 100%']);
    expect(await names('%')).toEqual(['Bo 100%']);
    expect(await names('annex')).toEqual(['Annex Lee']);
  });
});
