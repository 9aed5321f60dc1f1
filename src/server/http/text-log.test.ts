import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { textLine, textLogStream } from './text-log.ts';

describe('text logs', () => {
  it('turns a pino line into time, level, message and fields', () => {
    const line = textLine(JSON.stringify({ level: 30, time: Date.UTC(2026, 10, 26, 8, 5, 3), pid: 1, hostname: 'h', msg: 'GET /api/v1/contacts 200', ms: 12, user: 'Li Wei' }));
    expect(line).toBe('2026-11-26 08:05:03 INFO  GET /api/v1/contacts 200 ms=12 user="Li Wei"');
    expect(textLine('not json')).toBe('not json');
    expect(textLine(JSON.stringify({ level: 50, time: 0, msg: 'boom', err: { stack: 'Error: boom\n    at x' } }))).toContain('ERROR boom\nError: boom');
  });

  it('writes whole lines even when pino hands over pieces', async () => {
    const out = new PassThrough();
    let got = '';
    out.on('data', (d) => (got += d));
    const s = textLogStream(out);
    const json = JSON.stringify({ level: 40, time: 0, msg: 'slow' });
    s.write(json.slice(0, 10));
    expect(got).toBe('');
    s.write(`${json.slice(10)}\n`);
    await new Promise((r) => setImmediate(r));
    expect(got).toBe('1970-01-01 00:00:00 WARN  slow\n');
  });
});
