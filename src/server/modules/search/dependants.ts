import { getObject, objectNames } from '../../records/registry.ts';
import { relatedTarget } from '../../records/search-related.ts';
import type { ObjectDef, Row, Tx } from '../../records/types.ts';
import { reindexLinked } from './reindex.ts';

// Search documents include values of linked records (ObjectDef search.related: a contact
// carries its account's name). When a write changes one of those values, the documents of
// the records linking to it are rewritten: in the same transaction when they are at most
// INLINE_DEPENDANTS, else by the reindex job. Any object, any link: read from the registry.

const same = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The (object, link field) pairs whose documents include a field of `changed` (an object name) that differs between the two rows. */
function dependantsOf(changed: string, row: Row, existing: Row): { def: ObjectDef; field: string }[] {
  const out: { def: ObjectDef; field: string }[] = [];
  for (const name of objectNames()) {
    const def = getObject(name);
    for (const r of def.search?.related ?? []) {
      if (relatedTarget(def, r.link) !== changed) continue;
      if (r.fields.some((f) => !same(row[f], existing[f]))) out.push({ def, field: r.link });
    }
  }
  return out;
}

/** After an update of `row` (an `object` record): rewrites the documents that include its changed values. */
export async function reindexDependants(trx: Tx, object: string, row: Row, existing: Row): Promise<void> {
  for (const d of dependantsOf(object, row, existing)) await reindexLinked(trx, d.def, { field: d.field, id: row.id });
}
