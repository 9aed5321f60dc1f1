// CSV import through the real path (store the file, createImport, startImport, runImport:
// validate, normalise, dedupe, index), against COPY of the same file into a bare table.
import fs from 'node:fs';
import { sql } from 'kysely';
import { saveFile } from '../../src/server/core/file-store.ts';
import { BATCH, createImport, runImport, startImport } from '../../src/server/modules/imports/imports.service.ts';
// Not from generate.ts: the measured process must not load the generator's libraries.
import { EXPECTED_MAPPING, HEADERS } from '../lists.ts';
import { rssSampler, seconds } from '../lib/measure.ts';
import { cpuSince, cpuText } from '../lib/cpu.ts';
import type { Bench } from '../lib/setup.ts';
import type { Figure } from '../lib/report.ts';

/** Linux keeps the peak resident size (VmHWM); writing 5 to clear_refs resets it. */
function resetPeakRss(): boolean {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}
function peakRssMb(): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/**
 * What the database alone needs to store the rows the import produced: the same rows copied
 * with one INSERT … SELECT into a table without indexes, then each index built on it, then
 * copied again into the table with every index in place (incremental maintenance, as the
 * import does it). The import cannot beat the last figure without changing its indexes.
 */
async function indexedFloor(b: Bench) {
  const ms = async (text: string) => {
    const t0 = performance.now();
    await b.raw.query(text);
    return Math.round(performance.now() - t0);
  };
  const n = Number((await b.raw.query('SELECT count(*)::int AS n FROM contacts'))[0]!.n);
  await b.raw.query('DROP TABLE IF EXISTS bench_floor');
  await b.raw.query('CREATE TABLE bench_floor (LIKE contacts INCLUDING DEFAULTS)');
  const heap = await ms('INSERT INTO bench_floor SELECT * FROM contacts');
  const defs = await b.raw.query(`SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'contacts' AND schemaname = current_schema()`);
  const index_build_ms: Record<string, number> = {};
  for (const d of defs) {
    const def = String(d.indexdef).replace(/^CREATE (UNIQUE )?INDEX \S+ ON \S+/, (_m, u) => `CREATE ${u ?? ''}INDEX ON bench_floor`);
    index_build_ms[d.indexname] = await ms(def);
  }
  await b.raw.query('TRUNCATE bench_floor');
  const indexed = await ms('INSERT INTO bench_floor SELECT * FROM contacts');
  const tokens = await b.raw.query('SELECT avg(cardinality(search_tokens))::int AS avg, avg(length(search_text))::int AS text FROM contacts');
  await b.raw.query('DROP TABLE bench_floor');
  return {
    rows: n, heap_ms: heap, indexed_insert_ms: indexed, indexed_rows_per_s: Math.round(n / (indexed / 1000)), index_build_ms,
    search_tokens_per_row: tokens[0]!.avg, search_text_chars: tokens[0]!.text,
  };
}

export async function importFigures(b: Bench, csv: string, rows: number): Promise<Figure[]> {
  const size = fs.statSync(csv).size;
  let t0 = performance.now();
  const file = await saveFile(b.db, 'contacts.csv', 'text/csv', fs.createReadStream(csv, { highWaterMark: 1024 * 1024 }), b.actor.id);
  const uploadS = seconds(t0);
  const imp = await createImport(b.db, b.actor, 'contacts', { ...file, name: 'contacts.csv' });
  const suggested = imp.suggested_mapping;
  const mismatched = Object.entries(EXPECTED_MAPPING).filter(([h, k]) => suggested[h] !== k).map(([h, k]) => `${h}: ${suggested[h]} (expected ${k})`);
  await startImport(b.db, async () => 0, b.actor, imp.id, EXPECTED_MAPPING, 'skip');

  const hwm = resetPeakRss();
  const sampler = rssSampler();
  let peak = 0;
  let batches = 0;
  // RSS and V8 heap every ~5% of the batches: growth with rows means something is kept.
  const trace: { batch: number; s: number; rss_mb: number; heap_mb: number }[] = [];
  const every = Math.max(1, Math.round(rows / BATCH / 20));
  const cpu = cpuSince(b.kind === 'postgres');
  t0 = performance.now();
  const dbTime = await b.recorder.totals(() => runImport(b.db, imp.id, {
    id: 0,
    attempt: 1,
    // runImport calls this after every batch: a sample point even when the event loop is busy.
    heartbeat: async () => {
      const m = process.memoryUsage();
      peak = Math.max(peak, m.rss / 1048576);
      if (++batches % every === 0) {
        const point = { batch: batches, s: +seconds(t0).toFixed(1), rss_mb: Math.round(m.rss / 1048576), heap_mb: Math.round(m.heapUsed / 1048576) };
        trace.push(point);
        process.stderr.write(`[${b.kind}]   ~${(batches * BATCH).toLocaleString('en-US')} rows, ${point.s} s, ${Math.round((batches * BATCH) / point.s)} rows/s, RSS ${point.rss_mb} MB\n`);
      }
    },
  }));
  const runS = seconds(t0);
  // CPU µs a row: this process (on PGlite, the database engine too) and the PostgreSQL backends.
  const spent = cpu();
  const cpu_us_per_row = {
    node: Math.round((spent.node / rows) * 1000),
    postgres: spent.postgres === null ? null : Math.round((spent.postgres / rows) * 1000),
  };
  process.stderr.write(`[${b.kind}]   CPU µs a row: ${cpuText(cpu_us_per_row)}\n`);
  const sampled = sampler.stop();
  const peakMb = (hwm ? peakRssMb() : null) ?? Math.round(Math.max(peak, sampled.peakMb));
  const done = await b.db.selectFrom('imports').selectAll().where('id', '=', imp.id).executeTakeFirstOrThrow();
  if (done.status !== 'done') throw new Error(`import ${done.status}: ${done.error}`);

  // Raw baseline: the same file into a bare table of text columns, no index, no checks.
  await b.raw.query(`DROP TABLE IF EXISTS bench_copy`);
  await b.raw.query(`CREATE TABLE bench_copy (${HEADERS.map((_, i) => `c${i} text`).join(', ')})`);
  t0 = performance.now();
  const method = await b.raw.copyCsv('bench_copy', csv);
  const copyS = seconds(t0);
  const copied = Number((await b.raw.query('SELECT count(*)::int AS n FROM bench_copy'))[0]!.n);
  await b.raw.query('DROP TABLE bench_copy');
  // PGlite has no checkpointer: WAL piles up during a long import until something checkpoints.
  const wal = await b.raw.query(`SELECT (sum(size) / 1048576)::int AS mb FROM pg_ls_waldir()`).catch(() => [{ mb: null }]);
  const floor = await indexedFloor(b);
  const sizes = await sql<{ contacts: string; accounts: number }>`SELECT pg_size_pretty(pg_total_relation_size('contacts')) AS contacts, (SELECT count(*)::int FROM accounts) AS accounts`.execute(b.db);

  const detail = {
    rows, file_mb: +(size / 1048576).toFixed(1), upload_s: +uploadS.toFixed(2), run_s: +runS.toFixed(2), cpu_us_per_row, copy_s: +copyS.toFixed(2), copy_method: method, copied_rows: copied,
    created: done.created, updated: done.updated, skipped: done.skipped, failed: done.failed,
    wal_mb_after_import: wal[0]!.mb, indexed_floor: floor,
    accounts: sizes.rows[0]!.accounts, contacts_size: sizes.rows[0]!.contacts,
    db_ms_total: dbTime.reduce((a, q) => a + q.ms, 0), db_time: dbTime.slice(0, 12),
    rss_start_mb: sampled.startMb, rss_peak_method: hwm ? 'VmHWM' : 'sampled', mapping_mismatches: mismatched,
  };
  return [
    { id: 'import_rows_per_s', unit: 'rows/s', product: Math.round(rows / runS), raw: Math.round(rows / copyS), detail },
    { id: 'import_peak_rss_mb', unit: 'MB', product: peakMb, raw: null, detail: { rss_start_mb: sampled.startMb, trace } },
  ];
}
