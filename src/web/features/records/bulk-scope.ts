import { api, ApiError } from '../../api/client.ts';

/** What a bulk action applies to: the ticked rows, or every record matching the list's query. */
export type BulkScope =
  | { kind: 'ids'; ids: number[] }
  | { kind: 'match'; count: number; params: Record<string, string | undefined> };

export interface BulkFailure { id: number; code: string; message: string; details?: unknown }
export interface BulkResult { done: number; failed: number; errors: BulkFailure[] }

export function scopeCount(s: BulkScope): number {
  return s.kind === 'ids' ? s.ids.length : s.count;
}

/** One request; the server writes (and audits) each record on its own and reports the failures. */
export async function runBulk(object: string, scope: BulkScope, action: Record<string, unknown>): Promise<BulkResult> {
  const target = scope.kind === 'ids'
    ? { ids: scope.ids }
    : { match: Object.fromEntries(Object.entries(scope.params).filter((e): e is [string, string] => typeof e[1] === 'string')), expected_count: scope.count };
  const r = await api.post<{ data: BulkResult }>(`/${object}/bulk`, { ...target, ...action });
  return { done: r.data.done, failed: r.data.failed ?? r.data.errors.length, errors: r.data.errors };
}

/** The count the server found when it no longer matches the confirmed one (409 count_changed). */
export function changedCount(e: unknown): number | null {
  if (!(e instanceof ApiError) || e.status !== 409) return null;
  const raw = e.raw as { reason?: string; count?: number } | undefined;
  return raw?.reason === 'count_changed' && typeof raw.count === 'number' ? raw.count : null;
}
