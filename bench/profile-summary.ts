// Summarises a V8 .cpuprofile (from `npm run bench -- --profile`): self time by function and
// by package/file, and total (inclusive) time of Guanxi's own functions.
//   node bench/profile-summary.ts bench/results/profiles/<stamp>-postgres.cpuprofile [top] [--last SECONDS]
// --last keeps only the final seconds of the profile (the HTTP throughput run comes last).
import fs from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const argv = process.argv.slice(2);
const lastAt = argv.indexOf('--last');
const lastSeconds = lastAt >= 0 ? Number(argv.splice(lastAt, 2)[1]) : null;
const [file, topArg] = argv;
if (!file) throw new Error('usage: node bench/profile-summary.ts file.cpuprofile [top]');
const top = Number(topArg ?? 25);
const prof = JSON.parse(fs.readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const self = new Map<number, number>();
const span = prof.timeDeltas.reduce((a, b) => a + b, 0);
const from = lastSeconds === null ? -Infinity : span - lastSeconds * 1e6;
let clock = 0;
prof.samples.forEach((id, i) => {
  clock += prof.timeDeltas[i] ?? 0;
  if (clock >= from) self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);

const where = (n: Node) => {
  const u = n.callFrame.url.replace(/^file:\/\//, '');
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(u);
  return m ? m[1]! : u.includes('/src/') ? u.slice(u.indexOf('/src/') + 1) : u.includes('/bench/') ? u.slice(u.indexOf('/bench/') + 1) : u || `(${n.callFrame.functionName || 'native'})`;
};
const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
const fnSelf = new Map<string, number>();
const fileSelf = new Map<string, number>();
const inclusive = new Map<string, number>();
for (const [id, t] of self) {
  const n = byId.get(id)!;
  add(fnSelf, `${n.callFrame.functionName || '(anonymous)'}  ${where(n)}:${n.callFrame.lineNumber + 1}`, t);
  add(fileSelf, where(n), t);
  // Inclusive time of our own code: each sample counts once per function on its stack.
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const c = byId.get(cur)!;
    const w = where(c);
    if (!w.startsWith('src/')) continue;
    const key = `${c.callFrame.functionName || '(anonymous)'}  ${w}:${c.callFrame.lineNumber + 1}`;
    if (!seen.has(key)) add(inclusive, key, t), seen.add(key);
  }
}
const print = (title: string, m: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${((v / total) * 100).toFixed(1).padStart(5)}%  ${(v / 1e6).toFixed(2).padStart(7)} s  ${k}`);
};
console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled`);
print('self time by package / file', fileSelf);
print('self time by function', fnSelf);
print('inclusive time, Guanxi functions', inclusive);
