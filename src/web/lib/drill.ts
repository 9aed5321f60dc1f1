import type { Filter, FilterOp } from '../api/types.ts';
import { FILTER_OPS } from '../../shared/fields.ts';

/**
 * The address of an object's generic list filtered as given: where a report's bar, a forecast cell or
 * a commission line drills down to the records behind its figure. The list reads the filters back
 * from the address (features/records/filters.ts urlFilters), and the API applies the reader's
 * visibility and field rules as on any list, so a drill-down never shows more than the list would.
 */
export function recordsLink(object: string, filters: Filter[]): string {
  const q = new URLSearchParams();
  for (const f of filters) q.append(`filter[${f.field}][${f.op}]`, f.value);
  const s = q.toString();
  return `/${object}/all${s ? `?${s}` : ''}`;
}

const URL_FILTER = /^filter\[([a-z0-9_]+)\]\[([a-z]+)\]$/;

/**
 * The filters a link carries in its query string (`?filter[stage_id][eq]=3`), the same form the API
 * reads: how a report's chart drills down to the records behind a bar. Unknown operators are left out
 * (the API would refuse them); field names are checked by the API like any filter.
 */
export function urlFilters(params: URLSearchParams): Filter[] {
  const out: Filter[] = [];
  for (const [k, value] of params) {
    const m = URL_FILTER.exec(k);
    if (m && (FILTER_OPS as readonly string[]).includes(m[2]!)) out.push({ field: m[1]!, op: m[2] as FilterOp, value });
  }
  return out;
}
