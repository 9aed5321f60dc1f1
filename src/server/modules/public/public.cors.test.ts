import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';
import { counts, makeForm, send } from './forms.test-support.ts';

const t = useTestApp();

function preflight(url: string, origin: string) {
  return t.app.inject({ method: 'OPTIONS', url, headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
}

describe('CORS of the public endpoints', () => {
  it('allows the origins on the allow-list only, never with credentials', async () => {
    const form = await makeForm(t);
    const url = `/api/v1/public/forms/${form.key}/submissions`;
    const refusedBefore = await preflight(url, 'https://shop.example');
    expect(refusedBefore.statusCode).toBe(403);
    expect(refusedBefore.json().error.details).toEqual({ reason: 'origin_not_allowed' });
    expect(refusedBefore.headers['access-control-allow-origin']).toBeUndefined();

    const set = await t.api(t.adminToken, 'PATCH', '/public-settings', { allowed_origins: ['https://shop.example/', 'http://localhost:8080'] });
    expect(set.body.data.allowed_origins).toEqual(['https://shop.example', 'http://localhost:8080']);
    const ok = await preflight(url, 'https://shop.example');
    expect(ok.statusCode).toBe(204);
    expect(ok.headers['access-control-allow-origin']).toBe('https://shop.example');
    expect(ok.headers['access-control-allow-methods']).toBe('GET, POST');
    expect(ok.headers['access-control-allow-credentials']).toBeUndefined();
    expect((await preflight(url, 'https://evil.example')).statusCode).toBe(403);

    const get = await t.app.inject({ method: 'GET', url: `/api/v1/public/forms/${form.key}`, headers: { origin: 'https://shop.example' } });
    expect(get.headers['access-control-allow-origin']).toBe('https://shop.example');
    expect(get.headers['cross-origin-resource-policy']).toBe('cross-origin');
    const other = await t.app.inject({ method: 'GET', url: `/api/v1/public/forms/${form.key}`, headers: { origin: 'https://evil.example' } });
    expect(other.statusCode).toBe(200);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a write from another origin, and a form narrows the allow-list', async () => {
    await t.api(t.adminToken, 'PATCH', '/public-settings', { allowed_origins: ['https://shop.example', 'https://blog.example'] });
    const form = await makeForm(t, { allowed_origins: ['https://shop.example'] });
    const before = await counts(t);
    const evil = await send(t, form.key, { name: 'E', email: 'e@example.com' }, { origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    const blog = await send(t, form.key, { name: 'B', email: 'b@example.com' }, { origin: 'https://blog.example' });
    expect(blog.status).toBe(403);
    expect(blog.body.error.details).toEqual({ reason: 'origin_not_allowed' });
    expect(await counts(t)).toEqual(before);
    const shop = await send(t, form.key, { name: 'S', email: 's@example.com' }, { origin: 'https://shop.example' });
    expect(shop.status).toBe(200);
    expect(shop.headers['access-control-allow-origin']).toBe('https://shop.example');
  });

  it('* allows any origin only when an administrator set it', async () => {
    const form = await makeForm(t);
    await t.api(t.adminToken, 'PATCH', '/public-settings', { allowed_origins: ['*'] });
    const r = await preflight(`/api/v1/public/forms/${form.key}/submissions`, 'https://anyone.example');
    expect(r.statusCode).toBe(204);
    expect(r.headers['access-control-allow-origin']).toBe('https://anyone.example');
    await t.api(t.adminToken, 'PATCH', '/public-settings', { allowed_origins: [] });
  });

  it('skips the session and CSRF check but nothing else: a body over the limit is refused', async () => {
    const form = await makeForm(t);
    // A signed-in browser's cookie without the CSRF header is fine here (nothing is done as that user).
    const withCookie = await t.app.inject({
      method: 'POST', url: `/api/v1/public/forms/${form.key}/submissions`, remoteAddress: '192.0.2.200',
      headers: { 'content-type': 'application/json', cookie: 'gx_session=whatever' }, payload: { name: 'C', email: 'cookie@example.com' },
    });
    expect(withCookie.statusCode).toBe(200);
    const big = await t.app.inject({
      method: 'POST', url: `/api/v1/public/forms/${form.key}/submissions`, remoteAddress: '192.0.2.201',
      headers: { 'content-type': 'application/json' }, payload: { name: 'x'.repeat(70_000), email: 'big@example.com' },
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('payload_too_large');
    const nul = await send(t, form.key, { name: 'a\u0000b', email: 'nul@example.com' });
    expect(nul.status).toBe(400);
  });
});

describe('the hosted page and the snippet script', () => {
  it('serves /f/{key} with the snippet script and no inline script; 404 for an unknown form', async () => {
    const form = await makeForm(t);
    const page = await t.app.inject({ method: 'GET', url: `/f/${form.key}`, headers: { 'accept-language': 'zh-CN' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain(`data-guanxi-form="${form.key}"`);
    expect(page.body).toContain('<script src="/api/v1/public/forms/embed.js"></script>');
    expect(page.body).toContain('lang="zh-CN"');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const missing = await t.app.inject({ method: 'GET', url: '/f/nope' });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('This form does not exist');
    const js = await t.app.inject({ method: 'GET', url: '/api/v1/public/forms/embed.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toContain('javascript');
    expect(js.body).toContain('data-guanxi-form');
  });
});
