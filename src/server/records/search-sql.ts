import { sql, type RawBuilder } from 'kysely';
import { buildSearchDocument, buildSearchQuery } from '../text/search-text.ts';
import { tokenHashes } from '../text/token-hash.ts';
import type { ObjectDef, Row } from './types.ts';

/** The index-backed text condition for `q` on an object with a search document. */
export function searchCondition(table: string, q: string): RawBuilder<boolean> | null {
  const query = buildSearchQuery(q);
  if (!query) return null;
  const tokens = sql.ref(`${table}.search_tokens`);
  const text = sql.ref(`${table}.search_text`);
  const grams = query.grams.length ? sql<boolean>`${tokens} @> ${sql.val(tokenHashes(query.grams))}::int4[]` : sql<boolean>`true`;
  return sql<boolean>`(${grams} AND ${text} LIKE ALL (${sql.val(query.patterns)}::text[]))`;
}

/** Columns holding the search document of a row (empty when the object has none). */
export function searchColumns(def: ObjectDef, row: Row, related: { accountName?: string | null }): Row {
  if (!def.search) return {};
  const parts = def.search(row, related);
  const clean = (xs: unknown[] | undefined) => (xs ?? []).filter((x): x is string => typeof x === 'string' && x.trim() !== '');
  const doc = buildSearchDocument({
    names: clean(parts.names),
    phones: clean(parts.phones),
    emails: clean(parts.emails),
    other: clean(parts.other),
    notes: clean(parts.notes),
  });
  return { search_text: doc.text, search_tokens: tokenHashes(doc.tokens) };
}
