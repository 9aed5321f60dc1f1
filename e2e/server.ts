import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const WEB_DIR = path.join(ROOT, 'dist', 'web');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the web app when dist/web is missing or older than src/web (E2E_REBUILD=1 forces it). */
export function ensureWebBuild(): void {
  const index = path.join(WEB_DIR, 'index.html');
  const fresh = fs.existsSync(index) && fs.statSync(index).mtimeMs >= newestMtime(path.join(ROOT, 'src', 'web'));
  if (fresh && process.env.E2E_REBUILD !== '1') return;
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--config', 'src/web/vite.config.ts'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('web build failed');
}

export interface FreshDatabase {
  url: string;
  drop: () => Promise<void>;
}

/**
 * A database no earlier run has touched. E2E_DATABASE_URL is used as given (the caller
 * vouches for it); with DATABASE_URL a new database is created beside the one named and
 * dropped afterwards; with neither, the server uses PGlite in a temp folder.
 */
export async function freshDatabase(): Promise<FreshDatabase | null> {
  if (process.env.E2E_DATABASE_URL) return { url: process.env.E2E_DATABASE_URL, drop: async () => {} };
  const base = process.env.DATABASE_URL;
  if (!base) return null;
  const { default: pg } = await import('pg');
  const name = `gx_e2e_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const u = new URL(base);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

export interface RunningServer {
  url: string;
  child: ChildProcess;
  dataDir: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts `guanxi start` as a child process and waits for /api/v1/health. */
/** `env` adds variables (e.g. GUANXI_MODULES for a server with a test module loaded). */
export async function startServer(opts: { adminEmail: string; adminPassword: string; databaseUrl?: string; env?: NodeJS.ProcessEnv }): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gx-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    GUANXI_DATA_DIR: dataDir,
    GUANXI_WEB_DIR: WEB_DIR,
    GUANXI_ADMIN_EMAIL: opts.adminEmail,
    GUANXI_ADMIN_PASSWORD: opts.adminPassword,
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
    ...opts.env,
  };
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  else delete env.DATABASE_URL;
  const child = spawn(process.execPath, [path.join(ROOT, 'src', 'server', 'main.ts'), 'start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited during start:\n${out}`);
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The server did not start within 120 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    child,
    dataDir,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
