import { describe, expect, it } from 'vitest';
import { useTestApp } from '../db/test-helpers.ts';
import { objectNames } from '../records/registry.ts';
import { resourcePath } from '../../shared/resource-path.ts';

// Multi-word resources answer under hyphens (`/price-books`); the underscore paths released
// before keep answering exactly the same, marked deprecated (http/legacy-paths.ts).
const t = useTestApp();
const strip = (a: { status: number; body: unknown }) => ({ status: a.status, body: a.body });

describe('hyphenated resource paths and their released underscore aliases', () => {
  it('the OpenAPI document lists only hyphenated paths, the multi-word objects and commission rules among them', async () => {
    const doc = (await t.api(t.adminToken, 'GET', '/api/docs/json')).body as { paths: Record<string, unknown> };
    const paths = Object.keys(doc.paths);
    // Path parameters are named by their key (`{object}`), segments by the convention.
    expect(paths.filter((p) => p.replace(/\{\w+\}/g, '').includes('_'))).toEqual([]);
    expect(paths).toEqual(expect.arrayContaining([
      '/api/v1/price-books', '/api/v1/price-books/{id}', '/api/v1/price-books/{id}/entries', '/api/v1/price-books/{id}/audience',
      '/api/v1/commission-rules', '/api/v1/commission-rules/{id}', '/api/v1/commission-statements', '/api/v1/commission-statements/{id}/lines',
    ]));
    for (const name of objectNames().filter((n) => n.includes('_'))) expect(paths, name).toContain(`/api/v1/${resourcePath(name)}/{id}`);
    const ops = doc.paths['/api/v1/price-books/{id}'] as Record<string, { operationId: string }>;
    expect(ops.get!.operationId).toBe('getPriceBook');
  });

  it('answers the same on both paths for the record surface, sub-routes and module routes; the old ones say they are deprecated', async () => {
    const made = await t.api(t.adminToken, 'POST', '/price_books', { name: 'Legacy book', currency: 'CNY' });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const id = made.body.data.id as number;
    expect(made.headers).toMatchObject({ deprecation: 'true', link: '</api/v1/price-books>; rel="successor-version"' });
    const fresh = await t.api(t.adminToken, 'POST', '/price-books', { name: 'Canonical book', currency: 'CNY' });
    expect(fresh.status).toBe(201);
    expect(fresh.headers).not.toHaveProperty('deprecation');

    for (const sub of [`/${id}`, `/${id}/entries`, `/${id}/audience`, '/count', '?sort=id&limit=5', `/${id}/related-counts`, '/987654321']) {
      const [old, now] = [await t.api(t.adminToken, 'GET', `/price_books${sub}`), await t.api(t.adminToken, 'GET', `/price-books${sub}`)];
      expect(strip(old), sub).toEqual(strip(now));
      expect(old.headers.deprecation, sub).toBe('true');
      expect(old.headers.link, sub).toBe(`</api/v1/price-books${sub.split('?')[0]}>; rel="successor-version"`);
    }
    // Writes through the old path are the same writes (If-Match included).
    const patched = await t.api(t.adminToken, 'PATCH', `/price_books/${id}`, { name: 'Renamed' }, { 'if-match': '"1"' });
    expect([patched.status, patched.body.data.name]).toEqual([200, 'Renamed']);
    expect((await t.api(t.adminToken, 'GET', `/price-books/${id}`)).body.data.name).toBe('Renamed');
    const stale = [await t.api(t.adminToken, 'PATCH', `/price_books/${id}`, { name: 'x' }, { 'if-match': '"1"' }), await t.api(t.adminToken, 'PATCH', `/price-books/${id}`, { name: 'x' }, { 'if-match': '"1"' })];
    expect(strip(stale[0]!)).toEqual(strip(stale[1]!));
    expect([stale[0]!.status, stale[0]!.body.error.code]).toEqual([409, 'conflict']);

    // A module route that was never an object: commission rules.
    const rule = await t.api(t.adminToken, 'POST', '/commission_rules', { name: 'Plan', basis: 'booked', tiers: [{ from: '0', rate: '3' }] });
    expect(rule.status, JSON.stringify(rule.body)).toBe(201);
    expect(strip(await t.api(t.adminToken, 'GET', '/commission_rules'))).toEqual(strip(await t.api(t.adminToken, 'GET', '/commission-rules')));
    expect((await t.api(t.adminToken, 'DELETE', `/commission_rules/${rule.body.data.id}`)).status).toBe(204);
    expect((await t.api(t.adminToken, 'GET', '/commission-rules')).body.data).toEqual([]);

    // Bad input is refused the same way on both.
    const bad = [await t.api(t.adminToken, 'POST', '/price_books', { currency: 'CNY' }), await t.api(t.adminToken, 'POST', '/price-books', { currency: 'CNY' })];
    expect(strip(bad[0]!)).toEqual(strip(bad[1]!));
    expect(bad[0]!.status).toBe(400);
  });

  it('a record the caller may not see answers 404 like a missing one on both paths', async () => {
    const rep = await t.userToken('sales');
    const other = await t.userToken('sales');
    const made = await t.api(t.adminToken, 'POST', '/commission-statements/generate', { user_id: other.id, period_kind: 'month', period_date: '2026-01-15' });
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    const id = made.body.data.statement?.id ?? made.body.data.id as number;
    expect(id).toBeGreaterThan(0);
    for (const base of ['/commission_statements', '/commission-statements']) {
      for (const sub of ['', '/lines']) {
        const [hidden, missing] = [await t.api(rep.token, 'GET', `${base}/${id}${sub}`), await t.api(rep.token, 'GET', `${base}/987654321${sub}`)];
        expect(hidden.status, `${base}${sub}`).toBe(404);
        expect(JSON.stringify(hidden.body).replaceAll(String(id), '#')).toBe(JSON.stringify(missing.body).replaceAll('987654321', '#'));
      }
    }
  });

  it('only released names are aliased: an underscore path that never existed stays unknown, and names that merely contain an object name are untouched', async () => {
    expect((await t.api(t.adminToken, 'GET', '/custom-fields?object=contacts')).status).toBe(200);
    expect((await t.api(t.adminToken, 'GET', '/custom_fields?object=contacts')).status).toBe(404);
    expect((await t.api(t.adminToken, 'GET', '/price_booksx')).status).toBe(404);
    // The object's name stays its name wherever it is data, not a path.
    expect((await t.api(t.adminToken, 'GET', '/meta/objects/price_books')).status).toBe(200);
  });
});
