import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { connect } from '../db/connect.ts';
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

  it('imports a CSV, printing the counts, each rejected line and each cell left out; exits 1 when rows are rejected', async () => {
    const file = path.join(tmp, 'contacts.csv');
    fs.writeFileSync(file, 'name,email,mobile\n张三,zs@example.cn,13800138000\n李四,broken-email,13900000000\n,nobody@example.cn,\nEmma,emma@example.com,\n');
    const r = guanxi(['import', 'contacts', file], env);
    expect(r.out).toContain('3 imported (3 created, 0 updated)');
    expect(r.out).toMatch(/1 rejected, 1 cells left out/);
    expect(r.out).toMatch(/line 3: email left out: Not a valid email address \(broken-email\)/);
    expect(r.out).toMatch(/line 4: name: This field is required/);
    expect(r.code).toBe(1);
    const again = guanxi(['import', 'contacts', file], env);
    expect(again.out).toMatch(/0 imported .* 3 duplicates skipped, 1 rejected/);
    expect(again.code).toBe(1);
  });

  it('maps columns with --map, prints those left unmapped, takes --encoding, and exits 0 when every row is imported', () => {
    const file = path.join(tmp, 'mapped.csv');
    fs.writeFileSync(file, Buffer.from('Kunde;Ort;Fax\nJürgen Groß;München;089-1\n', 'latin1'));
    const r = guanxi(['import', 'contacts', file, '--map', 'Kunde=name', '--map', 'Ort=city', '--encoding', 'windows-1252'], { ...env, GUANXI_DATA_DIR: path.join(tmp, 'mapped') });
    expect(r.out).toContain('columns not imported (map them with --map "column=field"): Fax');
    expect(r.out).toContain('1 imported (1 created');
    expect(r.code).toBe(0);
  });

  it('answers user errors with a message and no stack trace', () => {
    const file = path.join(tmp, 'mapped2.csv');
    fs.writeFileSync(file, 'name,email\nA,a@example.com\n');
    const cases = [
      [['import', 'contacts', file, '--map', 'Nope=name'], /the file has no column "Nope"/],
      [['import', 'contacts', file, '--map', 'name=no_such_field'], /Unknown field no_such_field/],
      [['import', 'contacts', file, '--encoding', 'ebcdic'], /encoding must be one of/],
      [['import', 'contacts', path.join(tmp, 'notes.pdf')], /no file|Upload a \.csv or \.xlsx/],
      [['import', 'contacts', file, '--bogus'], /Unknown option '--bogus'/],
    ] as const;
    fs.writeFileSync(path.join(tmp, 'notes.pdf'), 'x');
    const fake = path.join(tmp, 'fake.xlsx');
    fs.writeFileSync(fake, 'not a zip');
    for (const [args, message] of [...cases, [['import', 'contacts', fake], /not a readable \.xlsx/] as const]) {
      const r = guanxi([...args], env);
      expect(r.out).toMatch(message);
      expect(r.code).toBe(2);
      expect(r.out).not.toMatch(/\n\s+at /);
    }
  }, 600_000);

  it('stops within seconds on SIGTERM, and the next CLI import resumes the interrupted one', async () => {
    const big = path.join(tmp, 'big.csv');
    const rows = ['name,email'];
    for (let i = 1; i <= 60_000; i++) rows.push(`Big ${i},big${i}@example.com`);
    fs.writeFileSync(big, rows.join('\n') + '\n');
    const own = { ...env, GUANXI_DATA_DIR: path.join(tmp, 'sigterm') };
    const child = spawn(process.execPath, [MAIN, 'import', 'contacts', big, '--duplicates', 'create'], { env: { ...process.env, ...own } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    // Once the import has begun (and written a few batches), ask it to stop.
    for (let i = 0; i < 1200 && !/importing big\.csv/.test(out); i++) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 1500));
    child.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 30_000))]);
    expect(code, out).toBe(3);
    expect(out).toMatch(/was interrupted: run `guanxi import` again/);
    const small = path.join(tmp, 'after.csv');
    fs.writeFileSync(small, 'name,email\nAfter,after@example.com\n');
    const next = guanxi(['import', 'contacts', small], own, 300_000);
    expect(next.out).toMatch(/import \d+ \(big\.csv\), interrupted earlier: done, 60000 rows read/);
    expect(next.code).toBe(0);
    const csv = path.join(tmp, 'all.csv');
    guanxi(['export', 'contacts', csv], own);
    const exported = fs.readFileSync(csv, 'utf8').split('\n').filter((l) => l.includes('@example.com') && /big\d+@/.test(l));
    expect(exported).toHaveLength(60_000);
  }, 600_000);

  it('migrate exits when done, on a new and on an existing data folder, logging each migration it applies', () => {
    const fresh = { ...env, GUANXI_DATA_DIR: path.join(tmp, 'migrate-only') };
    // A process that only migrated once kept PGlite open and never exited (status null = killed).
    const first = guanxi(['migrate'], fresh, 60_000);
    expect(first.code).toBe(0);
    expect(first.out).toContain('migration applied: 001_core.sql\n');
    expect(first.out).toContain('migration applied: 022_consistent_foreign_keys.sql\n');
    expect(first.out).toContain('migration applied: quotes/001_quotes.sql\n');
    const second = guanxi(['migrate'], fresh, 60_000);
    expect(second.code).toBe(0);
    expect(second.out).toContain('database schema up to date');
    expect(second.out).not.toContain('migration applied');
  });

  it('refuses to migrate or start a database a newer version migrated: a message, no stack trace, exit 2', async () => {
    const dataDir = path.join(tmp, 'migrate-only');
    // The folder the test above migrated (made here when this test runs alone).
    if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) expect(guanxi(['migrate'], { ...env, GUANXI_DATA_DIR: dataDir }, 60_000).code).toBe(0);
    const database = await connect({ dataDir, pgliteLeanMemory: false });
    try {
      await sql`INSERT INTO schema_migrations (name) VALUES ('099_from_the_future.sql')`.execute(database.db);
    } finally {
      await database.close();
    }
    for (const command of ['migrate', 'start']) {
      const r = guanxi([command], { ...env, GUANXI_DATA_DIR: dataDir, PORT: '0' }, 60_000);
      expect(r.out).toContain('migration 099_from_the_future.sql is unknown to this version');
      expect(r.out).toMatch(/Upgrade Guanxi .* or restore a backup/);
      expect(r.out).not.toMatch(/\n\s+at /);
      expect(r.code).toBe(2);
    }
  }, 300_000);

  it('exports, backs up and restores into an empty database', () => {
    const csv = path.join(tmp, 'out.csv');
    expect(guanxi(['export', 'contacts', csv], env).out).toContain('exported 3 contacts');
    expect(fs.readFileSync(csv, 'utf8')).toContain('张三');
    const backup = path.join(tmp, 'backup.jsonl.gz');
    expect(guanxi(['backup', backup], env).code).toBe(0);
    const fresh = { ...env, GUANXI_DATA_DIR: path.join(tmp, 'restored'), GUANXI_ADMIN_EMAIL: '', GUANXI_ADMIN_PASSWORD: '' };
    const r = guanxi(['restore', backup], fresh);
    expect(r.out).toContain('restored');
    expect(r.code).toBe(0);
    const csv2 = path.join(tmp, 'out2.csv');
    expect(guanxi(['export', 'contacts', csv2], fresh).out).toContain('exported 3 contacts');
    expect(fs.readFileSync(csv2, 'utf8')).toBe(fs.readFileSync(csv, 'utf8'));
  }, 300_000);

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
    const demo = { ...env, GUANXI_DATA_DIR: path.join(tmp, 'demo'), GUANXI_ADMIN_EMAIL: '', GUANXI_ADMIN_PASSWORD: '' };
    // The sales modules add a quarter of sales (about a minute on a loaded machine).
    const r = guanxi(['seed', 'demo'], demo, 175_000);
    // An empty folder: the demo administrator is created and announced.
    expect(r.out).toMatch(/demo data loaded: 5 users, 11 accounts, 120 contacts, 360 activities, 40 tasks, .*\d+ opportunities/);
    expect(r.out).toContain('sign in as admin@demo.guanxi with the password guanxi-demo');
  }, 200_000);
});
