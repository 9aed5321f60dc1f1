import v8 from 'node:v8';

let applied = false;

/**
 * V8 settings that keep a PGlite process small, applied before PostgreSQL's WASM module is
 * first compiled (they change nothing for a module compiled before):
 * - `--no-liftoff`: the engine's functions are compiled once, by the optimising compiler,
 *   instead of first by the baseline compiler and again when hot. The baseline code of
 *   PostgreSQL and the compilers' working memory kept a busy process at ~650–800 MB after a
 *   while; with it, ~270–300 MB. Costs ~3–4 s once, at the first open; SQL runs as fast.
 * - `--heap-growing-percent=20`: the JavaScript heap grows by 20% between full collections
 *   rather than V8's default factor, so an import's short-lived batches do not swell it. The
 *   extra collections cost a 1M import ~25% of its speed (50% kept it at 497 MB, too close).
 * docs/benchmarks.md has the measurements; GUANXI_PGLITE_LEAN_MEMORY=off leaves V8 as it is.
 */
export function leanWasmApplied(): boolean {
  return applied;
}

export function leanWasmRuntime(): void {
  if (applied) return;
  applied = true;
  v8.setFlagsFromString('--no-liftoff');
  leanHeapRuntime();
}

let heapApplied = false;

/**
 * `--heap-growing-percent=20` alone, for a server on PostgreSQL too: under load V8's default
 * growth let the process reach ~450 MB of garbage not yet collected around a 51 MB live heap
 * (issue 15 soak). Paired with the start scripts' `--max-semi-space-size=4`; a hard cap is
 * NODE_OPTIONS=--max-old-space-size=<MB> (docs/operations.md).
 */
export function leanHeapRuntime(): void {
  if (heapApplied) return;
  heapApplied = true;
  v8.setFlagsFromString('--heap-growing-percent=20');
}
