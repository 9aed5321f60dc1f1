// HTTP load with autocannon (keep-alive, fixed number of connections, fixed duration), run as
// its own process so the server under test keeps its event loop to itself.
//   node bench/load.ts --url http://127.0.0.1:3000/api/v1/contacts --token T --connections 10 --seconds 10
// Prints one JSON line: requests answered 2xx, errors (socket errors, timeouts and non-2xx
// answers), seconds, its own CPU ms, req/s and latencies in ms.
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values } = parseArgs({
  options: { url: { type: 'string' }, token: { type: 'string', default: '' }, connections: { type: 'string', default: '10' }, seconds: { type: 'string', default: '10' } },
});
const url = new URL(values.url!);
if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') throw new Error('loopback only');
const r = await autocannon({
  url: url.href,
  connections: Number(values.connections),
  duration: Number(values.seconds),
  headers: values.token ? { authorization: `Bearer ${values.token}` } : {},
});
const ok = r['2xx'];
const cpu = process.cpuUsage();
console.log(JSON.stringify({
  requests: ok,
  errors: r.errors + r.timeouts + r.non2xx,
  seconds: r.duration,
  cpu_ms: Math.round((cpu.user + cpu.system) / 1000),
  rps: Math.round(ok / r.duration),
  latency: { median: r.latency.p50, p97_5: r.latency.p97_5, p99: r.latency.p99, mean: r.latency.average, min: r.latency.min, max: r.latency.max },
}));
