import type { SearchValue } from '../text/search-text.ts';
import type { Row } from './types.ts';

/** A row's values of these fields for its search document, each naming its field (arrays: one value per item). */
export function searchValues(row: Row, fields: readonly string[]): SearchValue[] {
  const out: SearchValue[] = [];
  for (const field of fields) {
    const v = row[field];
    if (Array.isArray(v)) {
      for (const item of v) if (typeof item === 'string') out.push({ field, value: item });
    } else if (typeof v === 'string') out.push({ field, value: v });
  }
  return out;
}
