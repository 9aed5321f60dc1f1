import { sql, type Kysely, type RawBuilder } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../core/access.ts';
import { canReadField, recordVisibility } from '../../core/access.ts';
import { normalizeText, phoneKey } from '../../text/search-text.ts';
import type { DuplicateKey, ObjectDef, Row, Tx } from '../../records/types.ts';

// Duplicate detection reads the object's declared keys (ObjectDef duplicates.keys): the same
// email, the same phone key, the same name (optionally within the same linked record).

/** The values to look for, by field key (the fields the object's keys name); `exclude_id`: the record itself. */
export type DuplicateProbe = Row & { exclude_id?: number };

export interface DuplicateMatch {
  id: number;
  name: string;
  reasons: string[];
}

const keysOf = (def: ObjectDef): readonly DuplicateKey[] => def.duplicates?.keys ?? [];

/**
 * The keys an actor may match by: a match on a field its role hides would tell that field's
 * value, so such a key is left out (a phone key keeps its readable fields only).
 */
function readableKeys(def: ObjectDef, actor: Actor | null): DuplicateKey[] {
  const keys = keysOf(def);
  if (!actor) return [...keys];
  const may = (f: string) => canReadField(actor, def.name, f);
  const out: DuplicateKey[] = [];
  for (const k of keys) {
    if (k.match === 'phone') {
      const fields = k.fields.filter(may);
      if (fields.length) out.push({ ...k, fields });
    } else if (may(k.field) && (k.match !== 'name' || !k.within || may(k.within))) out.push(k);
  }
  return out;
}
const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** The body of POST /{object}/duplicates/check: every field the keys name (strings; `within` links: ids). */
export function checkBodySchema(def: ObjectDef) {
  const shape: Record<string, z.ZodType> = {};
  for (const k of keysOf(def)) {
    for (const f of k.match === 'phone' ? k.fields : [k.field]) shape[f] = z.string().max(320).nullish();
    if (k.match === 'name' && k.within) shape[k.within] = z.number().int().positive().nullish();
  }
  return z.object(shape);
}

interface Condition {
  where: RawBuilder<boolean>;
  /** Whether a found row matched this key (the SQL said some key matched, not which). */
  hit: (r: Row) => boolean;
  reason: string;
}

/** The condition of one key for this probe, or null when the probe gives it nothing to compare. */
function condition(def: ObjectDef, key: DuplicateKey, p: DuplicateProbe): Condition | null {
  const col = (c: string) => sql.ref(`${def.name}.${c}`);
  if (key.match === 'email') {
    const email = text(p[key.field]).toLowerCase();
    if (!email) return null;
    return { where: sql<boolean>`lower(${col(key.field)}) = ${email}`, hit: (r) => text(r[key.field]).toLowerCase() === email, reason: 'email' };
  }
  if (key.match === 'phone') {
    const keys = [...new Set(key.fields.map((f) => (text(p[f]) ? phoneKey(text(p[f])) : '')).filter(Boolean))];
    if (!keys.length) return null;
    const cols = key.fields.map((f) => `${f}_key`);
    return {
      where: sql<boolean>`(${sql.join(cols.map((c) => sql`${col(c)} IN (${sql.join(keys)})`), sql` OR `)})`,
      hit: (r) => cols.some((c) => keys.includes(r[c])),
      reason: 'phone',
    };
  }
  const name = text(p[key.field]);
  if (!name) return null;
  const folded = normalizeText(name);
  const within = key.within ? p[key.within] : undefined;
  if (key.within && typeof within !== 'number') return null;
  const same = sql<boolean>`lower(${col(key.field)}) = ${name.toLowerCase()}`;
  return {
    where: key.within ? sql<boolean>`(${col(key.within)} = ${within} AND ${same})` : same,
    hit: (r) => normalizeText(text(r[key.field])) === folded,
    reason: 'name',
  };
}

/** The columns a match is checked against: the keys' fields, phone key columns and `within` links. */
function columnsOf(def: ObjectDef): string[] {
  const cols = new Set(['id', def.titleField]);
  for (const k of keysOf(def)) {
    if (k.match === 'phone') for (const f of k.fields) cols.add(`${f}_key`);
    else cols.add(k.field);
  }
  return [...cols];
}

/** Records that look like the probe by any of the object's duplicate keys the actor may read, visible to it. */
export async function findDuplicates(db: Tx, def: ObjectDef, actor: Actor | null, p: DuplicateProbe, limit = 20): Promise<DuplicateMatch[]> {
  const t = def.name;
  const conds = readableKeys(def, actor).map((k) => condition(def, k, p)).filter((c): c is Condition => c !== null);
  if (!conds.length) return [];
  const vis = actor ? recordVisibility(actor, def, t) : sql`true`;
  const { rows } = await sql<Row>`
    SELECT ${sql.join(columnsOf(def).map((c) => sql.ref(c)))}
    FROM ${sql.table(t)} WHERE (${sql.join(conds.map((c) => c.where), sql` OR `)}) AND ${vis} ${p.exclude_id ? sql`AND id <> ${p.exclude_id}` : sql``}
    ORDER BY id LIMIT ${limit}`.execute(db);
  const title = !actor || canReadField(actor, def.name, def.titleField);
  return rows.map((r) => ({ id: r.id, name: title ? r[def.titleField] : '', reasons: [...new Set(conds.filter((c) => c.hit(r)).map((c) => c.reason))] }));
}

/** Records that look like this one. */
export async function duplicatesOf(db: Kysely<DB>, def: ObjectDef, actor: Actor, row: Row): Promise<DuplicateMatch[]> {
  return findDuplicates(db, def, actor, { ...row, exclude_id: row.id });
}
