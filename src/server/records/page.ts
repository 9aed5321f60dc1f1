import { encodeCursor } from './query.ts';

/**
 * One keyset page: the query asked for limit + 1 rows, so a further row means there is a next
 * page, whose cursor is the sort key of the last row shown. Every cursor-paged list uses this.
 */
export function pageOf<R>(rows: R[], limit: number, keyOf: (last: R) => [unknown, number]): { data: R[]; next_cursor: string | null } {
  const data = rows.slice(0, limit);
  const last = data.at(-1);
  return { data, next_cursor: rows.length > limit && last !== undefined ? encodeCursor(...keyOf(last)) : null };
}
