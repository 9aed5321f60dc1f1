// One latency figure: a request through Guanxi against the same SELECT(s) run directly on the
// driver, with the statements the request ran and the EXPLAIN ANALYZE of the main one.
import { compare, type RepeatOptions } from './measure.ts';
import type { Bench, CapturedQuery } from './setup.ts';
import type { Figure } from './report.ts';

export interface LatencyCase {
  id: string;
  label: string;
  /** GET path under /api/v1 (or any product call, for service-level figures). */
  url?: string;
  call?: () => Promise<unknown>;
  /** Which of the recorded statements make "the same work in raw SQL". */
  pickRaw: (q: CapturedQuery[]) => CapturedQuery[];
  check?: (answer: any) => string | null;
  detail?: Record<string, unknown>;
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Plan lines worth keeping: nodes, conditions, rows removed, timings. */
export function keyPlanLines(plan: string[]): string[] {
  return plan.filter((l) => /Scan|Sort|Limit|Join|Nested|Bitmap|Recheck|Filter|Index Cond|Rows Removed|Heap Blocks|Execution Time|Planning Time|Buffers: shared/.test(l)).slice(0, 30).map((l) => l.replace(/\s+$/, ''));
}

export async function explain(b: Bench, q: CapturedQuery): Promise<string[]> {
  const rows = await b.raw.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.parameters);
  return rows.map((r) => String(r['QUERY PLAN']));
}

export async function latencyFigure(b: Bench, o: RepeatOptions, c: LatencyCase): Promise<Figure> {
  const call = c.call ?? (() => b.get(`/api/v1${c.url}`));
  let answer: unknown;
  const queries = await b.recorder.record(b.db, async () => {
    answer = await call();
  });
  // A wrong answer is a finding, not a reason to stop the run: it is kept with the figure.
  const problem = c.check?.(answer) ?? null;
  if (problem) process.stderr.write(`[${b.kind}] WRONG RESULT ${c.id}: ${problem}\n`);
  const raws = c.pickRaw(queries);
  if (!raws.length) throw new Error(`${c.id}: no statement to compare with among ${queries.length}`);
  const runRaw = async () => {
    for (const q of raws) await b.raw.query(q.sql, q.parameters);
  };
  const { product, raw } = await compare(call, runRaw, o);
  const plan = await explain(b, raws[0]!);
  return {
    id: c.id,
    label: c.label,
    unit: 'ms',
    product,
    raw,
    ...(problem ? { error: problem } : {}),
    detail: {
      ...c.detail,
      url: c.url,
      statements: queries.map((q) => ({ ms: q.ms, sql: oneLine(q.sql).slice(0, 600), params: q.parameters.map((p) => String(p).slice(0, 80)) })),
      raw_statements: raws.length,
      plan: keyPlanLines(plan),
      plan_full: plan.slice(0, 60),
    },
  };
}

/** The main SELECT on a table: it reads that table and has an ORDER BY. */
export const mainSelect = (table: string) => (qs: CapturedQuery[]) =>
  qs.filter((q) => new RegExp(`from "?${table}"?\\b`, 'i').test(q.sql) && /order by/i.test(q.sql)).slice(0, 1);
