import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.join(import.meta.dirname, '..', '..', '..');
const SCRIPT = path.join(ROOT, '.ci', 'postgres.sh');

function pgBin(name: string): string {
  const dirs = fs.existsSync('/usr/lib/postgresql') ? fs.readdirSync('/usr/lib/postgresql').sort((a, b) => Number(a) - Number(b)) : [];
  const found = dirs.map((d) => path.join('/usr/lib/postgresql', d, 'bin', name)).filter((p) => fs.existsSync(p)).at(-1);
  return found ?? name;
}

/** Runs a PostgreSQL tool as the cluster's owner (initdb refuses root, so it is `postgres` then). */
function asOwner(cmd: string, args: string[]): void {
  const line = [cmd, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  if (process.getuid?.() === 0) execFileSync('su', ['postgres', '-s', '/bin/bash', '-c', line], { stdio: 'ignore' });
  else execFileSync('bash', ['-c', line], { stdio: 'ignore' });
}

/** A throwaway PostgreSQL cluster of this test's own (.ci/postgres.sh), which it may stop and start. */
export interface PgCluster {
  url: string;
  stop: () => void;
  start: () => void;
  destroy: () => void;
}

export function startPgCluster(port: number): PgCluster {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gx-pg-'));
  const url = execFileSync('bash', [SCRIPT, 'start', dir, String(port)], { encoding: 'utf8' }).trim();
  const data = path.join(dir, 'data');
  return {
    url,
    stop: () => asOwner(pgBin('pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']),
    start: () => asOwner(pgBin('pg_ctl'), ['-D', data, '-l', path.join(dir, 'log'), '-o', `-p ${port} -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off`, '-w', 'start']),
    destroy: () => execFileSync('bash', [SCRIPT, 'stop', dir, String(port)], { stdio: 'ignore' }),
  };
}
