// Requests per second of the list endpoint on a real listening server (loopback only), driven
// by bench/load.ts in a separate process. Both share the machine's cores with the database.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { AddressInfo } from 'node:net';
import type { Bench } from '../lib/setup.ts';
import type { Figure } from '../lib/report.ts';
import { contactsObject } from '../../src/server/modules/contacts/contacts.object.ts';
import { cpuSince, cpuText } from '../lib/cpu.ts';

const run = promisify(execFile);
const LOAD = path.join(import.meta.dirname, '..', 'load.ts');

export const HTTP_PATH = '/api/v1/contacts?limit=50&filter%5Bcf_member_level%5D=gold&sort=name';
// The same list as the web app asks for it: the contacts' default columns (their descriptor) and the filtered field.
const UI_PATH = `${HTTP_PATH}&columns=${[...contactsObject.ui!.listColumns!, 'cf_member_level'].join(',')}`;

async function load(url: string, token: string, connections: number, seconds: number) {
  const { stdout } = await run(process.execPath, [LOAD, '--url', url, `--token=${token}`, '--connections', String(connections), '--seconds', String(seconds)], { timeout: (seconds + 60) * 1000 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

export async function httpFigures(b: Bench, seconds: number, log: (s: string) => void, connections = 10): Promise<Figure[]> {
  await b.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = b.app.server.address() as AddressInfo;
  const out: Figure[] = [];
  for (const [id, label, p] of [
    ['http_rps', 'HTTP list throughput', HTTP_PATH],
    ['http_rps_ui_columns', 'HTTP list throughput, the web app\'s columns', UI_PATH],
  ] as const) {
    const url = `http://127.0.0.1:${port}${p}`;
    const res = await fetch(url, { headers: { authorization: `Bearer ${b.token}` } });
    if (!res.ok) throw new Error(`http: ${p} answered ${res.status}`);
    const bytes = (await res.arrayBuffer()).byteLength;
    await load(url, b.token, connections, Math.min(3, seconds));
    const cpu = cpuSince(b.kind === 'postgres');
    const r = await load(url, b.token, connections, seconds);
    const spent = cpu();
    // CPU ms per request answered: this process (Fastify, Guanxi, the driver; PGlite's engine
    // too), the PostgreSQL server (every postgres process on the machine), the load generator.
    const per = (ms: number | null) => (ms === null || !r.requests ? null : Math.round((ms / r.requests) * 1000) / 1000);
    const cpu_ms_per_request = {
      node: per(spent.node),
      postgres: per(spent.postgres),
      load_generator: per(r.cpu_ms ?? null),
    };
    log(`${id}: ${r.rps} req/s; CPU ms a request: ${cpuText(cpu_ms_per_request)}`);
    if (r.errors > 0 && r.requests === 0) throw new Error(`http: every request failed (${r.errors})`);
    out.push({
      id, unit: 'req/s', label: `${label} (${connections} connections, ${seconds} s)`, product: r.rps, raw: null,
      detail: { path: p, connections, response_bytes: bytes, cpu_ms_per_request, ...r },
    });
  }
  return out;
}
