// npm run bench -- --size small|medium|large [--db pglite|postgres|both] [--out file.json] [--only groups] [--opportunities N]
// Generates (or reuses) the seeded CSV, runs bench/suite.ts once per database, one after the
// other, prints the table and writes the JSON. See docs/benchmarks.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, execSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { generateContacts } from './generate.ts';
import { defaultWorkDir } from './lib/setup.ts';
import { table, verdict, ratioOf, type DbResult, type Kind } from './lib/report.ts';

const SIZES: Record<string, { rows: number; reps: number; http: number }> = {
  small: { rows: 5_000, reps: 30, http: 3 },
  medium: { rows: 100_000, reps: 100, http: 10 },
  large: { rows: 1_000_000, reps: 100, http: 10 },
};

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'small' }, rows: { type: 'string' }, db: { type: 'string' }, out: { type: 'string' },
    seed: { type: 'string', default: '42' }, reps: { type: 'string' }, 'http-seconds': { type: 'string' },
    profile: { type: 'boolean' }, keep: { type: 'boolean' }, 'no-analyze': { type: 'boolean' }, only: { type: 'string' }, 'pglite-shared-buffers': { type: 'string' }, opportunities: { type: 'string' },
  },
});
const size = SIZES[values.size!];
if (!size) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
const rows = Number(values.rows ?? size.rows);
const dbs: Kind[] = values.db === 'both' ? ['pglite', 'postgres'] : values.db ? [values.db as Kind] : process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
if (dbs.includes('postgres') && !process.env.DATABASE_URL) throw new Error('--db postgres needs DATABASE_URL');
const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
const out = values.out ?? path.join(import.meta.dirname, 'results', `${stamp}.json`);
const work = defaultWorkDir();

const csv = path.join(work, `contacts-${rows}-${values.seed}.csv`);
if (!fs.existsSync(csv) || !fs.existsSync(`${csv}.json`)) {
  process.stderr.write(`generating ${rows.toLocaleString('en-US')} contacts → ${csv}\n`);
  const t0 = performance.now();
  const stats = { ...(await generateContacts(csv + '.tmp', rows, Number(values.seed))), seconds: +((performance.now() - t0) / 1000).toFixed(1) };
  fs.renameSync(csv + '.tmp', csv);
  fs.writeFileSync(`${csv}.json`, JSON.stringify(stats));
}
const gen = { file: csv, ...JSON.parse(fs.readFileSync(`${csv}.json`, 'utf8')) };
fs.chmodSync(csv, 0o644);

function child(args: string[], part: string): Promise<any> {
  return new Promise((resolve, reject) => {
    // Measured as the product runs: `npm start` / `npm run guanxi` give Node the same flag.
    const c = spawn(process.execPath, ['--max-semi-space-size=4', ...args], { stdio: ['ignore', 'inherit', 'inherit'] });
    c.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`${args.join(' ')} exited with ${code}`));
      const r = JSON.parse(fs.readFileSync(part, 'utf8'));
      fs.rmSync(part);
      resolve(r);
    });
  });
}

async function runSuite(kind: Kind): Promise<DbResult> {
  const suite = path.join(import.meta.dirname, 'suite.ts');
  const part = path.join(work, `result-${kind}-${process.pid}.json`);
  const { location } = await child([suite, '--phase', 'setup', '--db', kind, '--work', work, '--out', part], part);
  const profile = values.profile ? ['--cpu-prof', '--cpu-prof-dir', path.join(path.dirname(out), 'profiles'), '--cpu-prof-name', `${stamp}-${kind}.cpuprofile`] : [];
  return child([
    ...profile, suite, '--db', kind, '--location', location, '--csv', csv, '--rows', String(rows), '--out', part, '--work', work,
    '--reps', values.reps ?? String(size!.reps), '--http-seconds', values['http-seconds'] ?? String(size!.http),
    ...(values.keep ? ['--keep'] : []), ...(values['no-analyze'] ? ['--no-analyze'] : []), ...(values.only ? ['--only', values.only] : []), ...(values.opportunities ? ['--opportunities', values.opportunities] : []),
    ...(values['pglite-shared-buffers'] ? ['--pglite-shared-buffers', values['pglite-shared-buffers']] : []),
  ], part);
}

const git = (cmd: string) => {
  try {
    return execSync(`git ${cmd}`, { cwd: path.join(import.meta.dirname, '..'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
};
const commit = git('rev-parse --short HEAD');
const dirty = Boolean(git('status --porcelain -- src'));

const results: DbResult[] = [];
for (const kind of dbs) results.push(await runSuite(kind));

const machine = {
  cpus: os.cpus().length, cpu_model: os.cpus()[0]?.model, memory_gb: Math.round(os.totalmem() / 2 ** 30), node: process.version,
  platform: `${os.platform()} ${os.release()}`, load_avg_at_end: os.loadavg().map((x) => +x.toFixed(2)),
};
const summary = results.flatMap((r) => r.figures.map((f) => ({ db: r.kind, id: f.id, ratio: ratioOf(f), ...verdict(f, r.kind) })));
const report = {
  date: new Date().toISOString(), size: values.size, rows, seed: Number(values.seed), generator: gen, machine,
  commit, dirty, results, summary,
};
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify(report, null, 2));
fs.writeFileSync(out.replace(/\.json$/, '') + '.md', table(results, true) + '\n');
console.log(`\nGuanxi benchmarks — ${rows.toLocaleString('en-US')} contacts, ${machine.cpus} CPUs, ${machine.memory_gb} GB, Node ${machine.node}, ${report.date}`);
console.log('latencies: median / p95 ms; ratio = product ÷ raw SQL (medians); ✓/✗ = target met or not\n');
console.log(table(results));
console.log(`\nJSON: ${path.relative(process.cwd(), out)}`);
