import { sql } from 'kysely';
import type { ObjectDef, RelatedValues, Row, Tx } from './types.ts';

/** The table a related section's link field points at (a standard link field of the object). */
export function relatedTarget(def: ObjectDef, link: string): string {
  const target = def.fields.find((f) => f.key === link && f.type === 'link')?.link;
  if (!target) throw new Error(`${def.name}.search.related: ${link} is not a link field`);
  return target;
}

/**
 * The linked records' values the search documents of these rows include (ObjectDef
 * search.related): one query per related link for all the rows. Actor-independent: who may
 * match them is decided at search time (search-sql.ts hiddenSearchRegex).
 */
export async function relatedValuesOf(db: Tx, def: ObjectDef, rows: readonly Row[]): Promise<(row: Row) => RelatedValues> {
  const specs = def.search?.related ?? [];
  if (!specs.length) return () => ({});
  const byLink = new Map<string, Map<number, Row>>();
  for (const r of specs) {
    const ids = [...new Set(rows.map((row) => row[r.link]).filter((x): x is number => typeof x === 'number'))];
    const found = new Map<number, Row>();
    if (ids.length) {
      const cols = r.fields.map((f) => sql.ref(f));
      const { rows: linked } = await sql<Row>`SELECT id, ${sql.join(cols)} FROM ${sql.table(relatedTarget(def, r.link))} WHERE id IN (${sql.join(ids)})`.execute(db);
      for (const l of linked) found.set(l.id, l);
    }
    byLink.set(r.link, found);
  }
  return (row) => {
    const out: RelatedValues = {};
    for (const r of specs) out[r.link] = typeof row[r.link] === 'number' ? (byLink.get(r.link)!.get(row[r.link]) ?? null) : null;
    return out;
  };
}
