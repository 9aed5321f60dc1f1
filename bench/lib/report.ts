// Figures, their targets (issue 3) and the table printed on stdout.
import type { Stats } from './measure.ts';

export type Kind = 'pglite' | 'postgres';

export interface Figure {
  id: string;
  unit: 'ms' | 'rows/s' | 'MB' | 'req/s';
  label?: string;
  /** A latency distribution (ms) or a single value. */
  product: Stats | number;
  raw: Stats | number | null;
  /** Set when the product's answer was wrong (the figure is then not comparable). */
  error?: string;
  detail?: Record<string, unknown>;
}

export interface DbResult {
  kind: Kind;
  figures: Figure[];
  meta: Record<string, unknown>;
}

interface Target {
  /** Compared value: p95 of a latency, or the value itself. */
  op: '<=' | '>=';
  postgres?: number;
  pglite?: number;
  ratio?: number;
}

const LABELS: Record<string, string> = {
  import_rows_per_s: 'CSV import (rows/s)',
  import_peak_rss_mb: 'import peak RSS (MB)',
  http_rps: 'HTTP list throughput (req/s)',
};

export function targetOf(id: string): Target | null {
  if (id === 'import_rows_per_s') return { op: '>=', postgres: 50_000, pglite: 20_000 };
  if (id === 'import_peak_rss_mb') return { op: '<=', postgres: 500, pglite: 500 };
  if (id.startsWith('http_rps')) return { op: '>=', postgres: 1_500 };
  if (id.startsWith('list_')) return { op: '<=', postgres: 20, pglite: 60, ratio: id.endsWith('_service') ? undefined : 2 };
  if (id.startsWith('search_')) return { op: '<=', postgres: 30, pglite: 90, ratio: 2 };
  if (id.startsWith('timeline_')) return { op: '<=', postgres: 20, pglite: 60 };
  // Issue 13: the pipeline board with column totals at 100,000 opportunities.
  if (id === 'opportunity_board_columns') return { op: '<=', postgres: 50, pglite: 150 };
  if (id === 'forecast_quarter') return { op: '<=', postgres: 200, pglite: 200 };
  if (id === 'pdf_50_lines') return { op: '<=', postgres: 1000, pglite: 1000 };
  if (id === 'ageing_report') return { op: '<=', postgres: 500, pglite: 500 };
  return null;
}

const isStats = (v: unknown): v is Stats => typeof v === 'object' && v !== null && 'p95' in v;

/** Product ÷ raw: time over time for latencies (medians), raw rate over product rate for rates. */
export function ratioOf(f: Figure): number | null {
  if (f.raw === null) return null;
  if (isStats(f.product) && isStats(f.raw)) return round2(f.product.median / Math.max(f.raw.median, 0.001));
  if (typeof f.product === 'number' && typeof f.raw === 'number') return round2(f.unit === 'rows/s' || f.unit === 'req/s' ? f.raw / f.product : f.product / f.raw);
  return null;
}

export function verdict(f: Figure, kind: Kind): { pass: boolean | null; ratioPass: boolean | null } {
  const t = targetOf(f.id);
  if (!t) return { pass: null, ratioPass: null };
  const limit = t[kind];
  const v = isStats(f.product) ? f.product.p95 : f.product;
  const pass = limit === undefined ? null : t.op === '<=' ? v <= limit : v >= limit;
  const r = ratioOf(f);
  return { pass, ratioPass: t.ratio === undefined || r === null ? null : r <= t.ratio };
}

function round2(x: number) {
  return Math.round(x * 100) / 100;
}

function fmt(v: Stats | number | null | undefined): string {
  if (v === null || v === undefined) return '–';
  if (isStats(v)) return `${v.median.toFixed(1)} / ${v.p95.toFixed(1)}`;
  return v >= 1000 ? Math.round(v).toLocaleString('en-US') : String(v);
}

function targetText(id: string): string {
  const t = targetOf(id);
  if (!t) return '';
  const side = (x: number | undefined) => (x === undefined ? '–' : x.toLocaleString('en-US'));
  const what = t.op === '<=' && id !== 'import_peak_rss_mb' ? 'p95 ' : '';
  return `${what}${t.op === '<=' ? '≤' : '≥'} ${side(t.postgres)} / ${side(t.pglite)}${t.ratio ? `, ratio ≤ ${t.ratio}` : ''}`;
}

/** Rows: figures; per database: product, raw, ratio. Latencies as median / p95 in ms. */
export function table(results: DbResult[], markdown = false): string {
  const ids = [...new Set(results.flatMap((r) => r.figures.map((f) => f.id)))];
  const head = ['figure'];
  for (const r of results) head.push(`${r.kind === 'pglite' ? 'PGlite' : 'PostgreSQL'}`, 'raw SQL', 'ratio');
  head.push('target (PG / PGlite)');
  const lines = [head];
  for (const id of ids) {
    const row = [labelOf(results, id)];
    for (const r of results) {
      const f = r.figures.find((x) => x.id === id);
      if (!f) {
        row.push('', '', '');
        continue;
      }
      const v = verdict(f, r.kind);
      const mark = (v.pass === false ? ' ✗' : v.pass ? ' ✓' : '') + (f.error ? ' (wrong result!)' : '');
      const ratio = ratioOf(f);
      row.push(fmt(f.product) + mark, fmt(f.raw), ratio === null ? '–' : ratio.toFixed(2) + (v.ratioPass === false ? ' ✗' : ''));
    }
    row.push(targetText(id));
    lines.push(row);
  }
  if (markdown) {
    const md = lines.map((l) => `| ${l.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`);
    md.splice(1, 0, `|${head.map(() => '---').join('|')}|`);
    return md.join('\n');
  }
  const widths = head.map((_, i) => Math.max(...lines.map((l) => width(l[i] ?? ''))));
  const out = lines.map((l) => l.map((c, i) => c + ' '.repeat(widths[i]! - width(c))).join(' | '));
  out.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('-|-'));
  return out.join('\n');
}

function labelOf(results: DbResult[], id: string): string {
  for (const r of results) {
    const f = r.figures.find((x) => x.id === id);
    if (f?.label) return f.label;
  }
  return LABELS[id] ?? id;
}

/** Display width: CJK characters take two columns in a terminal. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
