import { sql } from 'kysely';
import { recordVisibility, type Actor } from '../../core/access.ts';
import type { ObjectDef, Row, Tx } from '../../records/types.ts';

// What makes an imported row the same record as another is the object's `import.identity`
// (docs/api.md, "Import matching"; contacts.import.ts, accounts.import.ts). A key is the
// identity key's tag, ':', and its value ('e:ann@example.cn').

/** The duplicate keys of a row's values. */
export function dupKeys(def: ObjectDef, values: Row): string[] {
  const keys: string[] = [];
  for (const id of def.import?.identity ?? []) {
    const k = id.of(values);
    if (k) keys.push(`${id.tag}:${k}`);
  }
  return keys;
}

export interface Match {
  id: number;
  title: string;
}

/**
 * The records sharing a key with these, among those the actor may see (and so update): a
 * record the actor cannot see is treated exactly as if it did not exist. One statement, one
 * index lookup per key kind (a single WHERE … OR … could only be a bitmap OR, and without
 * statistics on lower(email) the planner chose a full scan: quadratic over an import).
 * When several records share a key, the oldest is the match.
 */
export async function findMatches(trx: Tx, def: ObjectDef, actor: Actor, keys: Iterable<string>): Promise<Map<string, Match>> {
  const identity = def.import?.identity ?? [];
  const by = new Map<string, Set<string>>(identity.map((i) => [i.tag, new Set<string>()]));
  for (const k of keys) {
    const colon = k.indexOf(':');
    const id = identity.find((i) => i.tag === k.slice(0, colon));
    // A key with a title part is looked up by its first part; the title is compared here.
    if (id) by.get(id.tag)!.add(id.withTitle ? k.slice(colon + 1, k.indexOf('|')) : k.slice(colon + 1));
  }
  const map = new Map<string, Match>();
  const t = def.name;
  const table = sql.table(t);
  const vis = recordVisibility(actor, def, t);
  const title = sql.ref(`${t}.${def.titleField}`);
  const parts = [];
  for (const id of identity) {
    const values = by.get(id.tag)!;
    if (!values.size) continue;
    const ref = sql.ref(`${t}.${id.column}`);
    const col = id.lower ? sql`lower(${ref})` : ref;
    parts.push(sql`SELECT id, ${title} AS title, ${id.tag + ':'} || ${col} AS k FROM ${table}
      WHERE ${col} = ANY(${sql.val([...values])}::text[]) AND ${ref} IS NOT NULL AND ${vis}`);
  }
  if (!parts.length) return map;
  const { rows } = await sql<{ id: number; title: string; k: string }>`${sql.join(parts, sql` UNION ALL `)}`.execute(trx);
  for (const r of rows) {
    const id = identity.find((i) => r.k.startsWith(`${i.tag}:`));
    const key = id?.withTitle ? `${r.k}|${id.withTitle(r.title)}` : r.k;
    const recordId = Number(r.id);
    const had = map.get(key);
    if (!had || recordId < had.id) map.set(key, { id: recordId, title: r.title });
  }
  return map;
}
