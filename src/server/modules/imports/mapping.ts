import type { ResolvedField } from '../../records/fields.ts';
import { normalizeText } from '../../text/search-text.ts';
import { linkNameColumn } from '../../records/export.ts';
import type { ObjectDef } from '../../records/types.ts';
import { findObject } from '../../records/registry.ts';

/**
 * Header words compared without case, punctuation or word joins: `PostalCode`, `postal_code`,
 * `Postal Code` and `postal-code` all read "postal code" (camelCase and PascalCase are split
 * into words before matching).
 */
export const norm = (s: string) =>
  normalizeText(s.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2'))
    .replace(/[\s_\-.:：()（）]+/g, ' ')
    .trim();

/** Guesses, for each header, the field it fills (or null to ignore the column). */
export function suggestMapping(headers: string[], fields: ResolvedField[], def: ObjectDef): Record<string, string | null> {
  const writable = fields.filter((f) => !f.system && !f.readonly);
  const index = new Map<string, string>();
  const add = (word: string, key: string) => {
    const k = norm(word);
    if (k && !index.has(k)) index.set(k, key);
  };
  const keys = new Set(writable.map((f) => f.key));
  // A name column that finds or creates the linked record (a contact's `account_name`): its
  // own key and preferred words come before any label, so "company name" is the account.
  const creates = def.import?.createMissingLink;
  if (creates && keys.has(creates.field)) {
    keys.add(creates.column);
    for (const w of [creates.column, ...(creates.preferred ?? [])]) add(w, creates.column);
  }
  // An export's own columns: `owner_name`… name the linked records of the id columns beside
  // them (records/export.ts).
  for (const f of writable) if (f.type === 'user' || (f.type === 'link' && f.link)) {
    const name = linkNameColumn(f.key);
    if (!writable.some((x) => x.key === name)) add(name, name);
  }
  for (const f of writable) {
    add(f.key, f.key);
    add(f.key.replace(/_/g, ' '), f.key);
    // A column headed by a link field's label ("客户", "Owner") holds names, never our ids: it
    // fills the field by name, like an export's `account_name` column.
    const byLabel = (f.type === 'user' || f.type === 'link') && !writable.some((x) => x.key === linkNameColumn(f.key)) ? linkNameColumn(f.key) : f.key;
    if (f.label) add(f.label, byLabel);
    for (const l of Object.values(f.labels ?? {})) add(l, byLabel);
    // A standard field's labels in the three languages (its definition's `labels`): a file
    // exported by people reading the app in Chinese has the Chinese labels as its headers.
    for (const l of Object.values(def.labels ?? {})) if (l.fields?.[f.key]) add(l.fields[f.key]!, byLabel);
  }
  for (const [key, words] of Object.entries(def.import?.synonyms ?? {})) if (keys.has(key)) for (const w of words) add(w, key);
  // Last, a column headed by the linked object's own name ("客户公司", "Accounts") holds the
  // names of those records — what another system's export of opportunities calls its customer.
  for (const f of writable) if (f.type === 'link' && f.link) {
    const target = findObject(f.link);
    const column = writable.some((x) => x.key === linkNameColumn(f.key)) ? f.key : linkNameColumn(f.key);
    for (const l of Object.values(target?.labels ?? {})) for (const w of [l.one, l.other]) if (w) add(w, column);
  }
  if (creates && keys.has(creates.column)) for (const w of creates.synonyms) add(w, creates.column);
  const used = new Set<string>();
  const out: Record<string, string | null> = {};
  for (const h of headers) {
    const key = index.get(norm(h)) ?? null;
    out[h] = key && !used.has(key) ? key : null;
    if (key) used.add(key);
  }
  return out;
}
