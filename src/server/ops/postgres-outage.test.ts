import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startServer, stopServer, type ServerProcess } from './server-process.ts';
import { startPgCluster, type PgCluster } from './pg-cluster.ts';

// A real PostgreSQL of this test's own, so it can be stopped and restarted under load without
// disturbing the shared test server.
const ADMIN = { email: 'admin@outage.test', password: 'outage-password-1' };
let cluster: PgCluster | null = null;
let server: ServerProcess | null = null;
afterAll(async () => {
  if (server) await stopServer(server, 'SIGKILL');
  cluster?.destroy();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('PostgreSQL outage under load', () => {
  it('survives terminated connections and a stopped server, answers 503 meanwhile, and recovers by itself', async () => {
    cluster = startPgCluster(await freePort());
    server = await startServer({ DATABASE_URL: cluster.url, GUANXI_ADMIN_EMAIL: ADMIN.email, GUANXI_ADMIN_PASSWORD: ADMIN.password }, await freePort());
    const base = `${server.url}/api/v1`;
    const login = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    const token = ((await login.json()) as { data: { token: string } }).data.token;
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };

    const statuses = new Map<number, number>();
    const unavailableCodes = new Set<string>();
    let stop = false;
    let n = 0;
    const worker = async (w: number) => {
      while (!stop) {
        const write = n++ % 2 === 0;
        let r: Response;
        try {
          r = await fetch(write ? `${base}/contacts` : `${base}/contacts?limit=20`, {
            method: write ? 'POST' : 'GET',
            headers,
            ...(write ? { body: JSON.stringify({ name: `Outage ${w}-${n}` }) } : {}),
          });
        } catch {
          statuses.set(0, (statuses.get(0) ?? 0) + 1); // the process died under us
          return;
        }
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        const body = (await r.json()) as { error?: { code: string } };
        if (r.status === 503) unavailableCodes.add(body.error!.code);
        if (r.status === 503) await sleep(50);
      }
    };
    const workers = [1, 2, 3, 4].map(worker);
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    try {
      // Connections killed mid-request, several times (what a restart or failover does to them).
      for (let i = 0; i < 5; i++) {
        await sleep(300);
        await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'guanxi'`);
      }
    } finally {
      await admin.end();
    }
    await sleep(500);
    expect(server.child.exitCode).toBeNull();

    // The server stopped: requests and health answer 503, the process stays up.
    cluster.stop();
    await sleep(1_000);
    const down = await fetch(`${base}/health`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'unavailable', database: 'down' });
    const during = await fetch(`${base}/contacts`, { headers });
    expect(during.status).toBe(503);
    expect(((await during.json()) as { error: { code: string } }).error.code).toBe('unavailable');
    expect(server.child.exitCode).toBeNull();

    // Back again: the pool reconnects without a restart of Guanxi.
    cluster.start();
    let up: Response | null = null;
    for (let i = 0; i < 100 && up?.status !== 200; i++) {
      up = await fetch(`${base}/health`);
      if (up.status !== 200) await sleep(100);
    }
    expect(up!.status).toBe(200);
    expect(await up!.json()).toEqual({ status: 'ok', database: 'ok' });
    const created = await fetch(`${base}/contacts`, { method: 'POST', headers, body: JSON.stringify({ name: 'After the outage' }) });
    expect(created.status).toBe(201);
    stop = true;
    await Promise.all(workers);

    expect(server.child.exitCode).toBeNull();
    expect(server.output()).not.toMatch(/uncaught|unhandled error/i);
    // Only successes and 503s: never a 500 for a database that is away.
    expect([...statuses.keys()].sort()).toEqual(expect.arrayContaining([200, 201, 503]));
    expect([...statuses.keys()].filter((s) => ![200, 201, 503].includes(s))).toEqual([]);
    expect([...unavailableCodes]).toEqual(['unavailable']);
  });
});
