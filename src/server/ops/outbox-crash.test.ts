import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { connect } from '../db/connect.ts';
import type { RecordEvent } from '../core/events.ts';
import { freePort, startServer, stopServer, type ServerProcess } from './server-process.ts';

// Embedded database only (like crash.test.ts): the outbox row commits with the write, so a
// kill -9 after the answer loses no event, and the next start delivers what was left.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gx-outbox-'));
const env = { GUANXI_DATA_DIR: dir, GUANXI_ADMIN_EMAIL: 'admin@outbox.test', GUANXI_ADMIN_PASSWORD: 'outbox-password-1', DATABASE_URL: '' };
let server: ServerProcess | null = null;
afterAll(async () => {
  if (server) await stopServer(server, 'SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

async function withDatabase<T>(fn: (db: Awaited<ReturnType<typeof connect>>['db']) => Promise<T>): Promise<T> {
  const database = await connect({ dataDir: dir });
  try {
    return await fn(database.db);
  } finally {
    await database.close();
  }
}

describe('record events across kill -9 (PGlite)', () => {
  it('keeps the event of every acknowledged write and delivers it after the restart', async () => {
    const port = await freePort();
    server = await startServer(env, port);
    const login = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: env.GUANXI_ADMIN_EMAIL, password: env.GUANXI_ADMIN_PASSWORD }) });
    const token = ((await login.json()) as { data: { token: string } }).data.token;
    const acknowledged = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const r = await fetch(`${server!.url}/api/v1/contacts`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ name: `Outbox ${i}` }),
        });
        expect(r.status).toBe(201);
        return ((await r.json()) as { data: { id: number } }).data.id;
      }),
    );
    server.child.kill('SIGKILL');
    await server.exited;

    const created = (rows: { events: unknown }[]) =>
      rows.flatMap((r) => r.events as RecordEvent[]).filter((e) => e.type === 'created' && e.object === 'contacts').map((e) => e.id);
    await withDatabase(async (db) => {
      const rows = await db.selectFrom('event_outbox').select('events').execute();
      expect(created(rows).sort((a, b) => a - b)).toEqual([...acknowledged].sort((a, b) => a - b));
      // Whatever the process managed to deliver before it died: make it undelivered, as if the
      // kill had come right after each commit.
      await sql`UPDATE event_outbox SET delivered_at = NULL, locked_until = NULL, attempts = 0`.execute(db);
    });

    server = await startServer(env, port, 30_000);
    await stopServer(server, 'SIGTERM'); // a graceful stop waits for the delivery begun at start
    server = null;
    await withDatabase(async (db) => {
      const rows = await db.selectFrom('event_outbox').select(['events', 'delivered_at']).execute();
      expect(created(rows)).toHaveLength(acknowledged.length);
      expect(rows.filter((r) => r.delivered_at === null)).toEqual([]);
    });
  });
});
