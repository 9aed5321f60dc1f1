import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startServer, stopServer } from './server-process.ts';

const MAIN = path.join(import.meta.dirname, '..', 'main.ts');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gx-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function guanxi(args: string[], env: Record<string, string>, timeout = 120_000) {
  const r = spawnSync(process.execPath, [MAIN, ...args], { env: { ...process.env, ...env }, encoding: 'utf8', timeout });
  return { code: r.status, out: r.stdout + r.stderr };
}

// The CLI opens its own database: a PGlite folder here; with DATABASE_URL set it would share
// (and pollute) the server's test database, so these run on PGlite only.
describe('guanxi CLI', () => {
  const env = { GUANXI_DATA_DIR: path.join(tmp, 'data'), DATABASE_URL: '', GUANXI_ADMIN_EMAIL: 'admin@cli.test', GUANXI_ADMIN_PASSWORD: 'cli-password-1' };

  it('imports a CSV, printing the counts and each rejected line with its reason', async () => {
    const file = path.join(tmp, 'contacts.csv');
    fs.writeFileSync(file, 'name,email,mobile\n张三,zs@example.cn,13800138000\n李四,broken-email,13900000000\n,nobody@example.cn,\nEmma,emma@example.com,\n');
    const r = guanxi(['import', 'contacts', file], env);
    expect(r.out).toContain('2 imported (2 created, 0 updated)');
    expect(r.out).toMatch(/2 rejected/);
    expect(r.out).toMatch(/line 3: email: Not a valid email address/);
    expect(r.out).toMatch(/line 4: name: This field is required/);
    expect(r.code).toBe(0);
    const again = guanxi(['import', 'contacts', file], env);
    expect(again.out).toMatch(/0 imported .* 2 duplicates skipped, 2 rejected/);
  });

  it('migrate exits when done, on a new and on an existing data folder', () => {
    const fresh = { ...env, GUANXI_DATA_DIR: path.join(tmp, 'migrate-only') };
    // A process that only migrated once kept PGlite open and never exited (status null = killed).
    for (const _ of [1, 2]) expect(guanxi(['migrate'], fresh, 60_000).code).toBe(0);
  });

  it('exports, backs up and restores into an empty database', () => {
    const csv = path.join(tmp, 'out.csv');
    expect(guanxi(['export', 'contacts', csv], env).out).toContain('exported 2 contacts');
    expect(fs.readFileSync(csv, 'utf8')).toContain('张三');
    const backup = path.join(tmp, 'backup.jsonl.gz');
    expect(guanxi(['backup', backup], env).code).toBe(0);
    const fresh = { ...env, GUANXI_DATA_DIR: path.join(tmp, 'restored'), GUANXI_ADMIN_EMAIL: '', GUANXI_ADMIN_PASSWORD: '' };
    const r = guanxi(['restore', backup], fresh);
    expect(r.out).toContain('restored');
    expect(r.code).toBe(0);
    const csv2 = path.join(tmp, 'out2.csv');
    expect(guanxi(['export', 'contacts', csv2], fresh).out).toContain('exported 2 contacts');
    expect(fs.readFileSync(csv2, 'utf8')).toBe(fs.readFileSync(csv, 'utf8'));
  });

  it('says clearly when a running server holds the data folder, and can import through the server', async () => {
    const port = await freePort();
    const server = await startServer(env, port);
    try {
      const file = path.join(tmp, 'more.csv');
      fs.writeFileSync(file, 'name,email\nWang Wu,ww@example.com\n');
      const direct = guanxi(['import', 'contacts', file], env);
      expect(direct.code).toBe(2);
      expect(direct.out).toMatch(/in use by Guanxi process \d+/);
      const login = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: env.GUANXI_ADMIN_EMAIL, password: env.GUANXI_ADMIN_PASSWORD }) });
      const token = ((await login.json()) as { data: { token: string } }).data.token;
      const via = guanxi(['import', 'contacts', file, '--server', server.url, '--token', token], env);
      expect(via.out).toContain('1 imported (1 created');
      expect(via.code).toBe(0);
    } finally {
      await stopServer(server);
    }
  });

  it('loads the demo dataset', () => {
    const demo = { ...env, GUANXI_DATA_DIR: path.join(tmp, 'demo') };
    const r = guanxi(['seed', 'demo'], demo);
    expect(r.out).toMatch(/demo data loaded: 4 users, 11 accounts, 120 contacts, 360 activities, 40 tasks/);
  });
});
