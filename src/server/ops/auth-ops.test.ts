import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../db/test-helpers.ts';

const MAIN = path.join(import.meta.dirname, '..', 'main.ts');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gx-auth-ops-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function guanxi(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [MAIN, ...args], { env: { ...process.env, DATABASE_URL: '', GUANXI_DATA_DIR: path.join(tmp, 'data'), PORT: '0', ...env }, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout + r.stderr };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('process-level auth behaviour', () => {
  it('refuses to start with a bad session setting, naming it, without a stack trace', () => {
    for (const [name, value] of [['GUANXI_SESSION_IDLE_HOURS', 'twelve'], ['GUANXI_SESSION_MAX_DAYS', '0']]) {
      const r = guanxi(['start'], { [name!]: value! });
      expect(r.code).toBe(2);
      expect(r.out).toContain(`guanxi: ${name} must be a number greater than 0`);
      expect(r.out).not.toMatch(/\n\s+at /);
    }
  });

  it('`user create` refuses a weak password', () => {
    const r = guanxi(['user', 'create', 'weak@cli.test', 'Weak', '12345678'], {});
    expect(r.code).toBe(2);
    expect(r.out).toContain('guanxi: The password is too weak: at least 10 characters');
    expect(guanxi(['user', 'create', 'ok@cli.test', 'Fine', 'a-long-enough-one'], {}).out).toContain('created user');
  });

  // A statistical check of a timing channel, with a wide margin: before the fix an unknown
  // account answered ~20-50x faster than a wrong password (no scrypt at all).
  it('takes about as long for an unknown account as for a wrong password', async () => {
    const t = await createTestApp();
    try {
      const known = await t.userToken('sales', { email: 'known@timing.test' });
      expect(known.id).toBeGreaterThan(0);
      const attempt = async (i: number, email: string) => {
        const t0 = performance.now();
        const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: `10.9.${i}.1`, payload: { email, password: 'not-it-at-all' } });
        expect(r.statusCode).toBe(401);
        return performance.now() - t0;
      };
      const unknown: number[] = [];
      const wrong: number[] = [];
      for (let i = 0; i < 8; i++) {
        unknown.push(await attempt(i, `ghost${i}@timing.test`));
        wrong.push(await attempt(i + 100, 'known@timing.test'));
      }
      const ratio = median(unknown) / median(wrong);
      expect(ratio).toBeGreaterThan(0.4);
      expect(ratio).toBeLessThan(2.5);
    } finally {
      await t.close();
    }
  });
});
