import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startServer, stopServer, type ServerProcess } from './server-process.ts';

// Only meaningful for the embedded database: PostgreSQL's own durability is not ours to test.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gx-crash-'));
const env = { GUANXI_DATA_DIR: dir, GUANXI_ADMIN_EMAIL: 'admin@crash.test', GUANXI_ADMIN_PASSWORD: 'crash-password-1', DATABASE_URL: '' };
let server: ServerProcess | null = null;
afterAll(async () => {
  if (server) await stopServer(server, 'SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

async function token(url: string) {
  const r = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: env.GUANXI_ADMIN_EMAIL, password: env.GUANXI_ADMIN_PASSWORD }) });
  return ((await r.json()) as { data: { token: string } }).data.token;
}

describe('crash safety (PGlite)', () => {
  it('keeps every acknowledged write after kill -9 and restarts by itself within 30 s', async () => {
    const port = await freePort();
    server = await startServer(env, port);
    const tk = await token(server.url);
    const acknowledged: number[] = [];
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        try {
          const r = await fetch(`${server!.url}/api/v1/contacts`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${tk}` },
            body: JSON.stringify({ name: `Crash ${w}-${i}`, email: `c${w}-${i}@crash.test`, tags: ['crash'] }),
          });
          if (r.status === 201) acknowledged.push(((await r.json()) as { data: { id: number } }).data.id);
        } catch {
          return; // the server died mid-request: that write was never acknowledged
        }
      }
    };
    const writers = [1, 2, 3, 4].map(writer);
    while (acknowledged.length < 60) await new Promise((r) => setTimeout(r, 20));
    server.child.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    await server.exited;
    expect(fs.existsSync(path.join(dir, 'guanxi.lock'))).toBe(true);

    const restarted = await startServer(env, port, 30_000);
    server = restarted;
    expect(restarted.startMs).toBeLessThan(30_000);
    const tk2 = await token(restarted.url);
    const found = new Set<number>();
    let cursor: string | null = null;
    do {
      const r: any = await (await fetch(`${restarted.url}/api/v1/contacts?limit=200&filter[tags]=crash${cursor ? `&cursor=${cursor}` : ''}`, { headers: { authorization: `Bearer ${tk2}` } })).json();
      for (const c of r.data) found.add(c.id);
      cursor = r.next_cursor;
    } while (cursor);
    const missing = acknowledged.filter((id) => !found.has(id));
    expect(missing).toEqual([]);
    expect(found.size).toBeGreaterThanOrEqual(acknowledged.length);
  });
});
