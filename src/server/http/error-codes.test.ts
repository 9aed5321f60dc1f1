import { describe, expect, it } from 'vitest';
import { useTestApp } from '../db/test-helpers.ts';

// Clients translate refusals by code, never by their English words (web: api/errors.ts), so
// every detail of every error carries a stable code, and a refusal without fields names its reason.
const t = useTestApp();

function documentedRoutes(): { method: string; url: string }[] {
  const spec = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(spec.paths).flatMap(([path, ops]) =>
    Object.keys(ops).filter((m) => ['get', 'post', 'patch', 'delete'].includes(m)).map((m) => ({ method: m.toUpperCase(), url: path.replace(/\{[^}]+\}/g, '1') })));
}

/** Fails with the route and detail when a detail has no code, or only zod's catch-all `custom`. */
function expectCoded(where: string, body: { error?: { details?: unknown } }) {
  const details = body?.error?.details;
  if (!Array.isArray(details)) return;
  for (const d of details) {
    expect([where, d.field, typeof d.code]).toEqual([where, d.field, 'string']);
    expect([where, d.field, d.code]).not.toEqual([where, d.field, 'custom']);
  }
}

describe('every error detail carries a stable code', () => {
  it('on every route, for bad bodies, query strings, filters, sorts and cursors', async () => {
    const body = { name: 5, email: 'x', password: 'short', role: 'nope', object: 'nope', key: '!!', type: 'nope', label: '', primary_id: 'x', duplicate_ids: [], filters: 'x', currency: 'XXX', phone_region: 'ZZ', format: 'pdf' };
    let refused = 0;
    // Not /auth/logout: it would end the session the rest of the loop uses.
    for (const r of documentedRoutes().filter((x) => x.url !== '/api/v1/auth/logout')) {
      const url = r.method === 'GET' ? `${r.url}?limit=abc&sort=nope&cursor=bad&filter[nope]=1&filter[created_at][zz]=1&object=${'x'.repeat(60)}&format=pdf` : r.url;
      const res = await t.api(t.adminToken, r.method as 'POST', url, r.method === 'GET' || r.method === 'DELETE' ? undefined : body);
      if (Array.isArray(res.body?.error?.details)) refused++;
      expectCoded(`${r.method} ${r.url}`, res.body);
    }
    expect(refused).toBeGreaterThan(30);
    for (const q of ['sort=nope', 'cursor=bad', 'filter[nope]=1', 'filter[created_at][zz]=1', 'filter[name][between]=a', 'filter[tags][starts]=a']) {
      const res = await t.api(t.adminToken, 'GET', `/contacts?${q}`);
      expect([q, res.status]).toEqual([q, 400]);
      expectCoded(q, res.body);
    }
  });

  it('names the rules people meet in the app: passwords, the current password, links, used keys, the last administrator', async () => {
    const pw = async (password: string) => (await t.api(t.adminToken, 'POST', '/users', { email: 'pw@example.com', name: 'P', password, role: 'sales' })).body.error.details[0].code;
    expect(await pw('short')).toBe('password_too_short');
    expect(await pw('1234567890')).toBe('password_too_common');
    expect(await pw('pw@example.com')).toBe('password_is_email');
    const me = await t.api(t.adminToken, 'PATCH', '/auth/me', { password: 'a-long-new-passphrase', current_password: 'wrong' });
    expect(me.body.error.details).toEqual([expect.objectContaining({ field: 'current_password', code: 'wrong_password' })]);
    const activity = await t.api(t.adminToken, 'POST', '/activities', { subject: 'Call', kind: 'call' });
    expect(activity.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'link_required' })]));
    await t.api(t.adminToken, 'POST', '/custom-fields', { object: 'contacts', key: 'twice', label: 'Twice', type: 'text' });
    const again = await t.api(t.adminToken, 'POST', '/custom-fields', { object: 'contacts', key: 'twice', label: 'Twice', type: 'text' });
    expect(again.body.error.details).toEqual([expect.objectContaining({ field: 'key', code: 'already_used' })]);
    const self = (await t.api(t.adminToken, 'GET', '/auth/me')).body.data.id;
    const last = await t.api(t.adminToken, 'PATCH', `/users/${self}`, { role: 'sales' });
    expect(last.status).toBe(409);
    expect(last.body.error.details).toEqual({ reason: 'last_admin' });
    const region = await t.api(t.adminToken, 'PATCH', '/settings', { phone_region: 'ZZ' });
    expect(region.body.error.details).toEqual([expect.objectContaining({ field: 'phone_region', code: 'unknown_region' })]);
  });
});
