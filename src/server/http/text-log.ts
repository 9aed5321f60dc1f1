import { Writable } from 'node:stream';

// What `npm start` prints by default (issue 14, first run): one readable line per log entry —
// time, level, message, then the entry's other fields as key=value — instead of pino's JSON,
// which LOG_FORMAT=json keeps for log collectors. Pino writes one JSON object per line.

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const SKIP = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'v']);

function value(v: unknown): string {
  if (typeof v === 'string') return /[\s"=]/.test(v) ? JSON.stringify(v) : v;
  return JSON.stringify(v);
}

/** One pino JSON line as text; a line that is not JSON passes through unchanged. */
export function textLine(json: string): string {
  let e: Record<string, unknown>;
  try {
    e = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const time = typeof e.time === 'number' ? new Date(e.time).toISOString().replace('T', ' ').slice(0, 19) : '';
  const level = (LEVELS[Number(e.level)] ?? String(e.level ?? '')).padEnd(5);
  const rest = Object.entries(e).filter(([k]) => !SKIP.has(k));
  const err = e.err as { stack?: string } | undefined;
  const fields = rest.filter(([k]) => k !== 'err').map(([k, v]) => `${k}=${value(v)}`).join(' ');
  return [time, level, String(e.msg ?? ''), fields].filter(Boolean).join(' ') + (err?.stack ? `\n${err.stack}` : '');
}

/** A stream for pino that writes text lines to `out`. */
export function textLogStream(out: NodeJS.WritableStream): Writable {
  let pending = '';
  return new Writable({
    write(chunk: Buffer, _enc, done) {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const l of lines) if (l) out.write(`${textLine(l)}\n`);
      done();
    },
  });
}
