import { sql, type RawBuilder } from 'kysely';
import { buildSearchDocument, buildSearchQuery, type SearchValue } from '../text/search-text.ts';
import { hiddenSectionsRegex } from '../text/search-sections.ts';
import { tokenHashes } from '../text/token-hash.ts';
import { visibilityOf, type Actor } from '../core/access.ts';
import { loadedFields, type ResolvedField } from './fields.ts';
import type { ObjectDef, RelatedValues, Row } from './types.ts';

/**
 * The regular expression removing from search_text what this actor may not read, or null when
 * nothing is: then search is the plain, unchanged LIKE recheck. Removed: the sections of fields
 * its role hides, and the related sections (values of linked records, tagged with the link
 * field) when its visibility on the linked object is not 'all' — the document is the same for
 * every actor, so it cannot tell which linked records this one may read, and a contact must not
 * be found by the name of an account its finder may not see.
 */
export function hiddenSearchRegex(actor: Actor | undefined, def: ObjectDef): string | null {
  if (!actor) return null;
  const rules = actor.permissions.field_rules?.[def.name] ?? {};
  const hidden = Object.keys(rules).filter((k) => rules[k] === 'hidden');
  for (const r of def.search?.related ?? []) {
    const target = def.fields.find((f) => f.key === r.link)?.link;
    if (target && visibilityOf(actor, target) !== 'all') hidden.push(r.link);
  }
  return hiddenSectionsRegex(hidden, hidden.includes(def.titleField));
}

/**
 * The index-backed text condition for `q` on an object with a search document. With an actor
 * whose role hides fields, the recheck runs on the text without those fields' sections, so a
 * record is never found by text the actor may not read (the token prefilter may still pass it).
 */
export function searchCondition(table: string, q: string, hiddenRegex: string | null = null): RawBuilder<boolean> | null {
  const query = buildSearchQuery(q);
  if (!query) return null;
  const tokens = sql.ref(`${table}.search_tokens`);
  const text = hiddenRegex ? sql`regexp_replace(${sql.ref(`${table}.search_text`)}, ${hiddenRegex}, '', 'g')` : sql.ref(`${table}.search_text`);
  const grams = query.grams.length ? sql<boolean>`${tokens} @> ${sql.val(tokenHashes(query.grams))}::int4[]` : sql<boolean>`true`;
  return sql<boolean>`(${grams} AND ${text} LIKE ALL (${sql.val(query.patterns)}::text[]))`;
}

/** The searchable custom fields' values of a row, in the part of the document their type belongs to. */
function customParts(fields: readonly ResolvedField[], row: Row): Record<'phones' | 'emails' | 'other', SearchValue[]> {
  const out = { phones: [] as SearchValue[], emails: [] as SearchValue[], other: [] as SearchValue[] };
  const custom = (row.custom ?? {}) as Row;
  for (const f of fields) {
    if (!f.custom || !f.searchable) continue;
    const value = custom[f.key];
    if (typeof value !== 'string' || !value.trim()) continue;
    const part = f.type === 'phone' ? out.phones : f.type === 'email' ? out.emails : out.other;
    part.push({ field: f.key, value });
  }
  return out;
}

function clean(xs: (SearchValue | null | undefined)[] | undefined): SearchValue[] {
  return (xs ?? []).filter((x): x is SearchValue => {
    const v = typeof x === 'string' ? x : x?.value;
    return typeof v === 'string' && v.trim() !== '';
  });
}

/** The related sections of a document: each listed value of a linked record, tagged with the link field. */
function relatedParts(def: ObjectDef, related: RelatedValues): SearchValue[] {
  const out: SearchValue[] = [];
  for (const r of def.search?.related ?? []) {
    const linked = related[r.link];
    if (!linked) continue;
    for (const f of r.fields) if (typeof linked[f] === 'string') out.push({ field: r.link, value: linked[f] });
  }
  return out;
}

/**
 * Columns holding the search document of a row (empty when the object has none). `related`
 * holds the linked records' values (records/search-related.ts); `fields` (the object's fields,
 * for its searchable custom fields) defaults to the ones last loaded.
 */
export function searchColumns(def: ObjectDef, row: Row, related: RelatedValues, fields: readonly ResolvedField[] = loadedFields(def.name)): Row {
  if (!def.search) return {};
  const parts = def.search.document(row, related);
  const custom = customParts(fields, row);
  const doc = buildSearchDocument({
    names: clean(parts.names),
    pinyin: parts.pinyin ?? def.search.pinyin,
    phones: [...clean(parts.phones), ...custom.phones],
    emails: [...clean(parts.emails), ...custom.emails],
    other: [...clean(relatedParts(def, related)), ...clean(parts.other), ...custom.other],
    notes: clean(parts.notes),
  });
  return { search_text: doc.text, search_tokens: tokenHashes(doc.tokens) };
}
