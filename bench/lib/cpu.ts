// CPU time of the processes that serve a request, to split a throughput figure into what
// Node, the database server and the load generator each spend per request.
import fs from 'node:fs';

const TICK_MS = 10; // Linux USER_HZ is 100 on every architecture Node supports

/**
 * CPU ms (user + system) of the PostgreSQL backends serving clients on this machine (their
 * title names a client address: `postgres: user db 127.0.0.1(port) …`); autovacuum, the
 * checkpointer and the other background processes are left out, as their work belongs to
 * whatever wrote before. null without /proc.
 */
export function postgresCpuMs(): number | null {
  let pids: string[];
  try {
    pids = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return null;
  }
  let ticks = 0;
  for (const pid of pids) {
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // gone since the listing
    }
    // pid (comm) state ppid … utime stime: fields 14 and 15, counted after the closing ')'.
    const close = stat.lastIndexOf(')');
    if (stat.slice(stat.indexOf('(') + 1, close) !== 'postgres') continue;
    if (!isClientBackend(pid)) continue;
    const f = stat.slice(close + 2).split(' ');
    ticks += Number(f[11]) + Number(f[12]);
  }
  return ticks * TICK_MS;
}

function isClientBackend(pid: string): boolean {
  try {
    return /\(\d+\)|\[local\]/.test(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
  } catch {
    return false;
  }
}

/** This process's CPU ms (user + system) since `since` (a process.cpuUsage() value). */
function ownCpuMs(since?: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
}

/**
 * Starts counting CPU: the function returned gives the ms spent since by this process and, when
 * `postgres`, by the PostgreSQL backends (null when not counted or without /proc).
 */
export function cpuSince(postgres: boolean): () => { node: number; postgres: number | null } {
  const pgBefore = postgres ? postgresCpuMs() : null;
  const nodeBefore = process.cpuUsage();
  return () => {
    const node = ownCpuMs(nodeBefore);
    const pgAfter = pgBefore === null ? null : postgresCpuMs();
    return { node, postgres: pgBefore === null || pgAfter === null ? null : pgAfter - pgBefore };
  };
}

/** `node 0.57, postgres 0.65` for a log line (– where unknown). */
export function cpuText(split: Record<string, number | null>): string {
  return Object.entries(split).map(([k, v]) => `${k} ${v ?? '–'}`).join(', ');
}
