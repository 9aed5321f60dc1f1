import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { useTestApp } from '../db/test-helpers.ts';

// The built web app as a browser gets it: compressed files made at build time, hashed assets
// cached for a year, index.html (also for client-side routes) revalidated every load.
const web = fs.mkdtempSync(path.join(os.tmpdir(), 'gx-web-'));
const script = `console.log(${JSON.stringify('关系 CRM '.repeat(400))});\n`;
fs.mkdirSync(path.join(web, 'assets'));
fs.writeFileSync(path.join(web, 'index.html'), `<!doctype html><html><head><script src="/assets/index-AbCd1234.js"></script></head><body>${'<div></div>'.repeat(200)}</body></html>`);
fs.writeFileSync(path.join(web, 'assets', 'index-AbCd1234.js'), script);
const built = spawnSync(process.execPath, [path.join(import.meta.dirname, '..', '..', '..', 'bin', 'compress-web.mjs'), web]);

const t = useTestApp({ config: { webDir: web } });

describe('web app files', () => {
  it('the build step writes brotli and gzip copies', () => {
    expect(built.status).toBe(0);
    expect(zlib.brotliDecompressSync(fs.readFileSync(path.join(web, 'assets', 'index-AbCd1234.js.br'))).toString()).toBe(script);
    expect(zlib.gunzipSync(fs.readFileSync(path.join(web, 'assets', 'index-AbCd1234.js.gz'))).toString()).toBe(script);
  });

  it('sends hashed assets compressed and cached for a year', async () => {
    const br = await t.app.inject({ method: 'GET', url: '/assets/index-AbCd1234.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(Buffer.byteLength(script) / 5);
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    const gz = await t.app.inject({ method: 'GET', url: '/assets/index-AbCd1234.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await t.app.inject({ method: 'GET', url: '/assets/index-AbCd1234.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('revalidates index.html, also when it answers a client-side route', async () => {
    const home = await t.app.inject({ method: 'GET', url: '/', headers: { 'accept-encoding': 'br' } });
    expect(home.statusCode).toBe(200);
    expect(home.headers['cache-control']).toBe('no-cache');
    const route = await t.app.inject({ method: 'GET', url: '/contacts/12' });
    expect(route.statusCode).toBe(200);
    expect(route.headers['cache-control']).toBe('no-cache');
    expect(route.body).toContain('/assets/index-AbCd1234.js');
  });
});
