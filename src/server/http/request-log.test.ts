import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../db/test-helpers.ts';
import { loadConfig } from '../config.ts';

const lines: Record<string, unknown>[] = [];
const stream = new PassThrough();
stream.on('data', (chunk: Buffer) => {
  for (const l of chunk.toString().split('\n')) if (l.trim()) lines.push(JSON.parse(l));
});
const t = useTestApp({ config: { logLevel: 'info' }, logStream: stream });
const settle = () => new Promise((r) => setImmediate(r));

describe('request log', () => {
  it('writes one line per request: method, route pattern (never the URL or its token), status, time', async () => {
    await settle();
    lines.length = 0;
    const c = await t.api(t.adminToken, 'POST', '/contacts', { name: 'Logged' });
    await t.api(t.adminToken, 'GET', `/contacts/${c.body.data.id}?secret=hunter2`);
    await t.api('', 'GET', '/contacts');
    await settle();
    const requests = lines.filter((l) => l.msg === 'request');
    expect(requests.map((l) => [l.method, l.route, l.status])).toEqual([
      ['POST', '/api/v1/contacts', 201], ['GET', '/api/v1/contacts/:id', 200], ['GET', '/api/v1/contacts', 401],
    ]);
    expect(requests.every((l) => typeof l.ms === 'number' && l.level === 30)).toBe(true);
    // Fastify's own two lines per request are off.
    expect(lines.filter((l) => l.msg === 'incoming request' || l.msg === 'request completed')).toEqual([]);
    expect(JSON.stringify(lines)).not.toContain('hunter2');
  });

  it('logs at warn by default in production, info elsewhere; GUANXI_LOG_LEVEL decides, a bad one stops the start', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).logLevel).toBe('warn');
    expect(loadConfig({}).logLevel).toBe('info');
    expect(loadConfig({ NODE_ENV: 'production', GUANXI_LOG_LEVEL: 'Info' }).logLevel).toBe('info');
    expect(loadConfig({ LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
    expect(() => loadConfig({ GUANXI_LOG_LEVEL: 'loud' })).toThrow(/GUANXI_LOG_LEVEL must be one of/);
  });
});
