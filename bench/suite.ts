// Every figure on one database, in its own process (so peak RSS and CPU profiles belong to one
// database). bench/run.ts starts one of these per database and merges their JSON. A first
// `--phase setup` process creates the database: the measured process then opens an existing
// one, as a restarted server does (a fresh PGlite costs ~450 MB more RSS for initdb).
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { openBench } from './lib/setup.ts';
import { loadConfig } from '../src/server/config.ts';
import { seconds, type RepeatOptions } from './lib/measure.ts';
import type { DbResult, Figure, Kind } from './lib/report.ts';
import { importFigures } from './figures/import.ts';
import { listFigures } from './figures/list.ts';
import { searchFigures } from './figures/search.ts';
import { prepareHistory, timelineFigures } from './figures/timeline.ts';
import { httpFigures } from './figures/http.ts';
import { mailFigures } from './figures/mail.ts';
import { boardFigures, prepareBoard } from './figures/board.ts';
import { pdfFigures } from './figures/pdf.ts';
import { outboxFigures } from './figures/outbox.ts';
import { DEFAULT_OPPORTUNITIES, opportunityBoardFigures } from './figures/opportunity-board.ts';
import { forecastFigures } from './figures/forecast.ts';
import { ageingFigures, prepareAgeing } from './figures/ageing.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string' }, phase: { type: 'string', default: 'run' }, location: { type: 'string' }, csv: { type: 'string' }, rows: { type: 'string' }, out: { type: 'string' }, work: { type: 'string' },
    reps: { type: 'string', default: '100' }, warmup: { type: 'string', default: '10' }, budget: { type: 'string', default: '20000' },
    'http-seconds': { type: 'string', default: '10' }, 'no-analyze': { type: 'boolean' }, only: { type: 'string' }, 'pglite-shared-buffers': { type: 'string' }, keep: { type: 'boolean' },
    opportunities: { type: 'string' },
  },
});
const kind = values.db as Kind;
const o: RepeatOptions = { warmup: Number(values.warmup), reps: Number(values.reps), budgetMs: Number(values.budget) };
const log = (s: string) => process.stderr.write(`[${kind}] ${s}\n`);

if (values.phase === 'setup') {
  const b = await openBench(kind, values.work!);
  await b.close(true);
  fs.writeFileSync(values.out!, JSON.stringify({ location: b.location }));
  process.exit(0);
}

const started = performance.now();
const figures: Figure[] = [];
const meta: Record<string, unknown> = {};
const b = await openBench(kind, values.work!, values.location, values['pglite-shared-buffers']);
meta.pglite_shared_buffers_option = values['pglite-shared-buffers'] ?? null;
// GUANXI_PGLITE_LEAN_MEMORY=off measures PGlite with V8's defaults (db/pglite-memory.ts).
meta.pglite_lean_memory = kind === 'pglite' ? loadConfig().pgliteLeanMemory : null;
const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
  const t0 = performance.now();
  log(`${name}…`);
  const r = await fn();
  log(`${name} done in ${seconds(t0).toFixed(1)} s`);
  return r;
};
// The import always runs: it loads the data every other figure reads.
const wanted = (group: string) => !values.only || values.only.split(',').includes(group);
try {
  figures.push(...(await step('import', () => importFigures(b, values.csv!, Number(values.rows)))));
  const history = await step('history', () => prepareHistory(b));
  Object.assign(meta, history);
  if (!values['no-analyze']) {
    // PostgreSQL's autovacuum would do this within a minute of the import; PGlite has no
    // autovacuum, so the figures state whether statistics were gathered.
    await step('vacuum analyze', () => b.raw.query('VACUUM ANALYZE contacts, accounts, account_contacts, activities, timeline_events, timeline_targets'));
  }
  meta.analyzed = !values['no-analyze'];
  if (wanted('list')) figures.push(...(await step('list', () => listFigures(b, o))));
  if (wanted('search')) figures.push(...(await step('search', () => searchFigures(b, o))));
  if (wanted('timeline')) figures.push(...(await step('timeline', () => timelineFigures(b, o, history.timeline_contact as number))));
  if (wanted('board')) {
    await step('board cards', () => prepareBoard(b));
    figures.push(...(await step('board', () => boardFigures(b, o))));
  }
  if (wanted('opportunities')) {
    const n = Number(values.opportunities ?? DEFAULT_OPPORTUNITIES);
    figures.push(...(await step('opportunities board', () => opportunityBoardFigures(b, o, n))));
    figures.push(...(await step('forecast', () => forecastFigures(b, o, n))));
  }
  if (wanted('ageing')) {
    await step('ageing invoices', () => prepareAgeing(b));
    figures.push(...(await step('ageing', () => ageingFigures(b, o))));
  }
  if (wanted('http')) figures.push(...(await step('http', () => httpFigures(b, Number(values['http-seconds']), log))));
  if (wanted('outbox')) figures.push(...(await step('outbox', () => outboxFigures(b))));
  if (wanted('mail')) figures.push(...(await step('mail', () => mailFigures(b))));
  if (wanted('pdf')) figures.push(...(await step('pdf', () => pdfFigures(o))));
  const server = await b.raw.query('SELECT version() AS v, current_setting(\'shared_buffers\') AS sb, current_setting(\'work_mem\') AS wm');
  Object.assign(meta, { server_version: server[0]!.v, shared_buffers: server[0]!.sb, work_mem: server[0]!.wm });
} finally {
  await b.close(Boolean(values.keep));
}
meta.total_s = +seconds(started).toFixed(1);
const result: DbResult = { kind, figures, meta };
fs.writeFileSync(values.out!, JSON.stringify(result, null, 2));
// A reopened PGlite folder keeps the process busy after close() (see docs/benchmarks.md).
process.exit(0);
