import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, useTestApp } from '../db/test-helpers.ts';
import { CSRF_COOKIE } from './auth-hook.ts';
import { sendCsrfHeader } from './api-docs.ts';

const t = useTestApp();

/** The cookies a response set, as a browser would send them back. */
const cookiesOf = (headers: Record<string, unknown>) =>
  ([] as string[]).concat((headers['set-cookie'] as string | string[]) ?? []).map((c) => c.split(';')[0]!).join('; ');

describe('the API reference page (/api/docs)', () => {
  afterEach(() => { delete (globalThis as { document?: unknown }).document; });

  it('is reachable without signing in, and shows the same document as /api/v1/openapi.json', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    const json = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(json.statusCode).toBe(200);
    expect(json.json()).toEqual((await t.api('', 'GET', '/openapi.json')).body);
    const script = await t.app.inject({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' });
    expect(script.statusCode).toBe(200);
    expect(script.body).toContain('"requestInterceptor":function sendCsrfHeader');
    expect(script.body).toContain('"persistAuthorization":true');
    // The browser runs it as plain JavaScript (no TypeScript left in the serialised function).
    expect(() => new Function(script.body)).not.toThrow();
  });

  it('"Try it out" with the signed-in session: the interceptor adds the CSRF header a cookie write needs', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: ADMIN.email, password: ADMIN.password } });
    const cookie = cookiesOf(login.headers);
    expect(cookie).toContain(`${CSRF_COOKIE}=`);
    // What swagger-ui sends for POST /accounts, before and after the interceptor (in the browser, document.cookie).
    const write = (headers: Record<string, string>) => t.app.inject({
      method: 'POST', url: '/api/v1/accounts', payload: { name: 'Try-it-out 试用' }, headers: { ...headers, cookie },
    });
    expect((await write({})).statusCode).toBe(403);
    (globalThis as { document?: unknown }).document = { cookie };
    const request = sendCsrfHeader({ url: '/api/v1/accounts', method: 'POST', headers: { 'content-type': 'application/json' } });
    expect(request.headers['x-csrf-token']).toBeTruthy();
    const res = await write(request.headers);
    expect(res.statusCode).toBe(201);
    // With a key given under "Authorize", the bearer header is enough: no CSRF header is added.
    expect(sendCsrfHeader({ headers: { Authorization: 'Bearer gx_x' } }).headers).toEqual({ Authorization: 'Bearer gx_x' });
  });
});
