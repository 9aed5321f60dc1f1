import { api, ApiError } from '../../api/client.ts';

/** What a bulk action applies to: the ticked rows, or every record matching the list's query. */
export type BulkScope =
  | { kind: 'ids'; ids: number[] }
  | { kind: 'match'; count: number; params: Record<string, string | string[] | undefined> };

export interface BulkFailure { id: number; code: string; message: string; details?: unknown }
export interface BulkResult { done: number; failed: number; errors: BulkFailure[] }

export function scopeCount(s: BulkScope): number {
  return s.kind === 'ids' ? s.ids.length : s.count;
}

/**
 * The list's query as the bulk endpoint takes it: one value per parameter. The list's filters come
 * as arrays (filter[field][op] may repeat): a filter is never dropped — dropping one once widened
 * "all matching" to every record (the count check refused it) — and a repeated one refuses.
 */
export function matchOf(params: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) continue;
    if (!Array.isArray(v)) out[k] = v;
    else if (v.length === 1) out[k] = v[0]!;
    else if (v.length > 1) throw new Error(`${k} is repeated: tick the rows to change instead of all matching`);
  }
  return out;
}

/** One request; the server writes (and audits) each record on its own and reports the failures. */
export async function runBulk(object: string, scope: BulkScope, action: Record<string, unknown>): Promise<BulkResult> {
  const target = scope.kind === 'ids' ? { ids: scope.ids } : { match: matchOf(scope.params), expected_count: scope.count };
  const r = await api.post<{ data: BulkResult }>(`/${object}/bulk`, { ...target, ...action });
  return { done: r.data.done, failed: r.data.failed ?? r.data.errors.length, errors: r.data.errors };
}

/** The count the server found when it no longer matches the confirmed one (409 count_changed). */
export function changedCount(e: unknown): number | null {
  if (!(e instanceof ApiError) || e.status !== 409) return null;
  const raw = e.raw as { reason?: string; count?: number } | undefined;
  return raw?.reason === 'count_changed' && typeof raw.count === 'number' ? raw.count : null;
}
