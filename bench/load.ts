// A small HTTP load generator (keep-alive, fixed number of connections, fixed duration), run
// as its own process so the server under test keeps its event loop to itself.
//   node bench/load.ts --url http://127.0.0.1:3000/api/v1/contacts --token T --connections 10 --seconds 10
import http from 'node:http';
import { parseArgs } from 'node:util';
import { stats } from './lib/measure.ts';

const { values } = parseArgs({
  options: { url: { type: 'string' }, token: { type: 'string', default: '' }, connections: { type: 'string', default: '10' }, seconds: { type: 'string', default: '10' } },
});
const url = new URL(values.url!);
if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') throw new Error('loopback only');
const connections = Number(values.connections);
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const headers = values.token ? { authorization: `Bearer ${values.token}` } : {};

function once(): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
  });
}

const latencies: number[] = [];
let errors = 0;
const started = performance.now();
const deadline = started + Number(values.seconds) * 1000;
await Promise.all(
  Array.from({ length: connections }, async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      const status = await once().catch(() => 0);
      if (status === 200) latencies.push(performance.now() - t0);
      else errors++;
    }
  }),
);
const elapsed = (performance.now() - started) / 1000;
agent.destroy();
console.log(JSON.stringify({ requests: latencies.length, errors, seconds: +elapsed.toFixed(2), rps: Math.round(latencies.length / elapsed), latency: stats(latencies) }));
