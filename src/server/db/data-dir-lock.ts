import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../http/errors.ts';

// Two processes opening one PGlite folder would corrupt it, and a crashed process leaves
// PGlite's postmaster.pid behind, which makes the next open hang. Our own lock file tells
// the two cases apart: a live owner is refused with a clear message, a dead one is cleaned.
const LOCK = 'guanxi.lock';

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireDataDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const lockPath = path.join(dir, LOCK);
  const existing = readPid(lockPath);
  if (existing && existing !== process.pid && alive(existing)) {
    throw new AppError(
      'conflict',
      `The data folder ${dir} is in use by Guanxi process ${existing}. Stop that server first, or use its HTTP API (the CLI import can target it with --server URL).`,
    );
  }
  // Whoever held it is gone: its postmaster.pid is stale.
  fs.rmSync(path.join(dir, 'postmaster.pid'), { force: true });
  fs.writeFileSync(lockPath, String(process.pid));
  return () => {
    if (readPid(lockPath) === process.pid) fs.rmSync(lockPath, { force: true });
  };
}

function readPid(file: string): number | null {
  try {
    return Number(fs.readFileSync(file, 'utf8').trim()) || null;
  } catch {
    return null;
  }
}
