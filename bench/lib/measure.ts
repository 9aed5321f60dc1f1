// Timing helpers: repetitions after warm-up, product and raw SQL interleaved so background
// load on the machine hits both sides alike.

export interface Stats {
  n: number;
  median: number;
  p95: number;
  mean: number;
  min: number;
  max: number;
}

export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? NaN;
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    n: s.length,
    median: round(at(0.5)),
    p95: round(at(0.95)),
    mean: round(s.reduce((a, b) => a + b, 0) / (s.length || 1)),
    min: round(s[0] ?? NaN),
    max: round(s.at(-1) ?? NaN),
  };
}

export interface RepeatOptions {
  warmup: number;
  reps: number;
  /** Stop early (after at least 10 repetitions) when one side has used this much time. */
  budgetMs: number;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** Times `product` and `raw` alternately; returns both distributions in milliseconds. */
export async function compare(product: () => Promise<unknown>, raw: (() => Promise<unknown>) | null, o: RepeatOptions): Promise<{ product: Stats; raw: Stats | null }> {
  for (let i = 0; i < o.warmup; i++) {
    await product();
    if (raw) await raw();
  }
  const a: number[] = [];
  const b: number[] = [];
  let spent = 0;
  for (let i = 0; i < o.reps; i++) {
    const t = await time(product);
    a.push(t);
    spent += t;
    if (raw) b.push(await time(raw));
    if (i >= 9 && spent > o.budgetMs) break;
  }
  return { product: stats(a), raw: raw ? stats(b) : null };
}

/** Samples the process's resident memory until stopped; returns the peak in MB. */
export function rssSampler(everyMs = 50): { stop: () => { peakMb: number; startMb: number } } {
  const mb = () => process.memoryUsage.rss() / 1024 / 1024;
  const startMb = mb();
  let peak = startMb;
  const timer = setInterval(() => {
    peak = Math.max(peak, mb());
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      peak = Math.max(peak, mb());
      return { peakMb: Math.round(peak), startMb: Math.round(startMb) };
    },
  };
}

export function seconds(t0: number): number {
  return (performance.now() - t0) / 1000;
}
