import { sql } from 'kysely';
import { visibilityCondition, type Actor } from '../../core/access.ts';
import { orgNameKey, personNameKey } from '../../text/identity.ts';
import { phoneKey } from '../../text/search-text.ts';
import type { ObjectDef, Row, Tx } from '../../records/types.ts';

// What makes an imported row the same record as another (docs/api.md, "Import matching"):
// - contacts: the same e-mail (any case), the same mobile, or the same office phone AND the
//   same name. An office phone alone is a switchboard (总机) shared by colleagues.
// - accounts: the same normalised name (text/identity.ts orgNameKey).
// Keys: 'e:' e-mail, 'm:' mobile key, 'n:' office phone key + '|' + name key, 'a:' name key.

/** The duplicate keys of a row's values. */
export function dupKeys(def: ObjectDef, values: Row): string[] {
  const keys: string[] = [];
  if (def.name === 'accounts') {
    if (typeof values.name === 'string' && values.name.trim()) keys.push(`a:${orgNameKey(values.name)}`);
    return keys;
  }
  if (typeof values.email === 'string' && values.email) keys.push(`e:${values.email.toLowerCase()}`);
  const mobile = typeof values.mobile === 'string' && values.mobile ? phoneKey(values.mobile) : '';
  if (mobile) keys.push(`m:${mobile}`);
  const phone = typeof values.phone === 'string' && values.phone ? phoneKey(values.phone) : '';
  if (phone && typeof values.name === 'string' && values.name.trim()) keys.push(`n:${phone}|${personNameKey(values.name)}`);
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
  const by = { e: new Set<string>(), m: new Set<string>(), n: new Set<string>(), a: new Set<string>() };
  for (const k of keys) {
    const kind = k[0] as keyof typeof by;
    // An office phone key is looked up by its phone part; the name is compared here.
    by[kind]?.add(kind === 'n' ? k.slice(2, k.indexOf('|')) : k.slice(2));
  }
  const map = new Map<string, Match>();
  const t = def.name;
  const table = sql.table(t);
  const vis = visibilityCondition(actor, t, def.ownerField ? sql.ref(`${t}.${def.ownerField}`) : undefined);
  const title = sql.ref(`${t}.${def.titleField}`);
  const parts = [];
  const list = (s: Set<string>) => sql`${sql.val([...s])}::text[]`;
  if (by.e.size) parts.push(sql`SELECT id, ${title} AS title, 'e:' || lower(email) AS k FROM ${table} WHERE lower(email) = ANY(${list(by.e)}) AND email IS NOT NULL AND ${vis}`);
  if (by.m.size) parts.push(sql`SELECT id, ${title} AS title, 'm:' || mobile_key AS k FROM ${table} WHERE mobile_key = ANY(${list(by.m)}) AND ${vis}`);
  if (by.n.size) parts.push(sql`SELECT id, ${title} AS title, 'n:' || phone_key AS k FROM ${table} WHERE phone_key = ANY(${list(by.n)}) AND ${vis}`);
  if (by.a.size) parts.push(sql`SELECT id, ${title} AS title, 'a:' || name_key AS k FROM ${table} WHERE name_key = ANY(${list(by.a)}) AND ${vis}`);
  if (!parts.length) return map;
  const { rows } = await sql<{ id: number; title: string; k: string }>`${sql.join(parts, sql` UNION ALL `)}`.execute(trx);
  for (const r of rows) {
    const key = r.k.startsWith('n:') ? `${r.k}|${personNameKey(r.title)}` : r.k;
    const id = Number(r.id);
    const had = map.get(key);
    if (!had || id < had.id) map.set(key, { id, title: r.title });
  }
  return map;
}
