import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './server-process.ts';

const ROOT = path.join(import.meta.dirname, '..', '..', '..');

async function up(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/api/v1/health`)).ok;
  } catch {
    return false;
  }
}

// `npm start` as a person or a process manager runs it (issue 14, first run): it says in plain
// text where to go and whether an administrator must still be created, and SIGTERM to npm stops
// the server itself (the shell running the script must not leave it behind, holding the data folder).
describe('npm start', () => {
  it('prints the address and the first-run hint in plain text, and stops on SIGTERM', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gx-npm-start-'));
    const port = await freePort();
    const child = spawn('npm', ['start', '--silent'], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', GUANXI_DATA_DIR: path.join(dir, 'data'), GUANXI_WEB_DIR: '/nonexistent', LOG_FORMAT: '', GUANXI_LOG_FORMAT: '', DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const url = `http://127.0.0.1:${port}`;
    try {
      await expect.poll(() => out.includes('Guanxi is running'), { timeout: 90_000, interval: 200 }).toBe(true);
      expect(await up(url)).toBe(true);
      expect(out).toContain(`Open http://localhost:${port} in a browser.`);
      expect(out).toContain('No administrator yet');
      // Text, not pino's JSON lines.
      expect(out).not.toMatch(/^\{"level"/m);
      child.kill('SIGTERM');
      await exited;
      await expect.poll(() => up(url), { timeout: 15_000, interval: 200 }).toBe(false);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
