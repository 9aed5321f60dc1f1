import { sql } from 'kysely';
import { recordVisibility, type Actor } from '../../core/access.ts';
import type { ResolvedField } from '../../records/fields.ts';
import { getObject } from '../../records/registry.ts';
import { linkNameColumn } from '../../records/export.ts';
import type { ObjectDef, Row, Tx } from '../../records/types.ts';

// Link and user fields of an imported row. A file exported elsewhere carries ids of another
// database, so an export writes the linked record's name beside each id (records/export.ts:
// `account_id` + `account_name`, `owner_id` + `owner_name`...) and the import trusts the name:
// - a name present decides the link (an id beside it is ignored);
// - an id alone must be a record the importer may see, else the row is rejected
//   ("account_id: No such record"), the same answer for a hidden record as for a missing one.
// A name column the object declares as `import.createMissingLink` (a contact's `account_name`)
// finds or creates the record (import-creates.ts); other names must name an existing record
// the importer may see, compared by the target's `import.lookup` key (or its title, any case).

/** A link or user field the import can fill, by id and (optionally) by name. */
export interface LinkField {
  key: string;
  /** 'users' or the linked object's table. */
  target: string;
  /** Column index of the name column, when the file has one. */
  nameIndex?: number;
}

/** Pseudo-field key (name column) → link field, for the fields an import may write. */
export function linkNameFields(fields: ResolvedField[], def: ObjectDef): Map<string, ResolvedField> {
  const out = new Map<string, ResolvedField>();
  for (const f of fields) {
    if (f.system || !(f.type === 'user' || (f.type === 'link' && f.link))) continue;
    const name = linkNameColumn(f.key);
    // A column that creates missing records has its own meaning: see import-creates.ts.
    if (name === def.import?.createMissingLink?.column) continue;
    if (!fields.some((x) => x.key === name)) out.set(name, f);
  }
  return out;
}

export function linkFields(fields: ResolvedField[], names: { index: number; key: string }[]): LinkField[] {
  return fields
    .filter((f) => !f.system && (f.type === 'user' || (f.type === 'link' && f.link)))
    .map((f) => ({ key: f.key, target: f.type === 'user' ? 'users' : f.link!, nameIndex: names.find((n) => n.key === f.key)?.index }));
}

/** What a row links to: ids from its values, names from its name columns. */
export interface RowLinks {
  ids: Record<string, number>;
  names: Record<string, string>;
}

interface LinkRow {
  line: number;
  links?: RowLinks;
}

const NO_SUCH = 'No such record';

/**
 * Checks the ids and resolves the names of a batch's links (one statement per link field and
 * kind). Answers, per line, the reason its row is rejected, and sets `resolved` on the rows
 * whose names were resolved (field → id).
 */
export async function resolveLinks(trx: Tx, actor: Actor, links: LinkField[], rows: (LinkRow & { resolved?: Row })[]): Promise<Map<number, string>> {
  const rejected = new Map<number, string>();
  const reject = (line: number, reason: string) => rejected.set(line, rejected.has(line) ? `${rejected.get(line)}; ${reason}` : reason);
  for (const l of links) {
    const ids = new Set<number>();
    const names = new Set<string>();
    for (const r of rows) {
      const name = r.links?.names[l.key];
      if (name) names.add(name);
      else if (r.links?.ids[l.key] !== undefined && !(l.target === 'users' && r.links.ids[l.key] === actor.id)) ids.add(r.links.ids[l.key]!);
    }
    const known = ids.size ? await visibleIds(trx, actor, l.target, [...ids]) : new Set<number>();
    const byName = names.size ? await idsByName(trx, actor, l.target, [...names]) : new Map<string, number | null>();
    for (const r of rows) {
      const name = r.links?.names[l.key];
      if (name) {
        const id = byName.get(nameKey(l.target, name));
        if (id == null) reject(r.line, `${l.key}: ${id === null ? 'Several records have this name' : NO_SUCH}`);
        else (r.resolved ??= {})[l.key] = id;
      } else {
        const id = r.links?.ids[l.key];
        if (id !== undefined && !(l.target === 'users' && id === actor.id) && !known.has(id)) reject(r.line, `${l.key}: ${NO_SUCH}`);
      }
    }
  }
  return rejected;
}

function nameKey(target: string, name: string): string {
  const lookup = target === 'users' ? undefined : getObject(target).import?.lookup;
  return lookup ? lookup.key(name) : name.trim().toLowerCase();
}

async function visibleIds(trx: Tx, actor: Actor, target: string, ids: number[]): Promise<Set<number>> {
  const list = sql`${sql.val(ids)}::bigint[]`;
  const { rows } = target === 'users'
    ? await sql<{ id: number }>`SELECT id FROM users WHERE id = ANY(${list})`.execute(trx)
    : await sql<{ id: number }>`SELECT id FROM ${sql.table(target)} WHERE id = ANY(${list}) AND ${visibility(actor, target)}`.execute(trx);
  return new Set(rows.map((r) => Number(r.id)));
}

function visibility(actor: Actor, target: string) {
  const def = getObject(target);
  return recordVisibility(actor, def, target);
}

/**
 * Ids by name key among the records the actor may see: by the object's lookup key (accounts:
 * normalised name; the oldest of several), users by name or e-mail (null when several users share it), other
 * objects by their title, case-insensitive (the oldest of several).
 */
async function idsByName(trx: Tx, actor: Actor, target: string, names: string[]): Promise<Map<string, number | null>> {
  const keys = [...new Set(names.map((n) => nameKey(target, n)))];
  const list = sql`${sql.val(keys)}::text[]`;
  const out = new Map<string, number | null>();
  if (target === 'users') {
    const { rows } = await sql<{ id: number; k: string }>`SELECT id, lower(name) AS k FROM users WHERE lower(name) = ANY(${list})
      UNION SELECT id, lower(email) AS k FROM users WHERE lower(email) = ANY(${list})`.execute(trx);
    for (const r of rows) out.set(r.k, out.has(r.k) && out.get(r.k) !== Number(r.id) ? null : Number(r.id));
    return out;
  }
  const def = getObject(target);
  const col = def.import?.lookup ? sql.ref(`${target}.${def.import.lookup.column}`) : sql`lower(${sql.ref(`${target}.${def.titleField}`)})`;
  const { rows } = await sql<{ id: number; k: string }>`SELECT min(id) AS id, ${col} AS k FROM ${sql.table(target)}
    WHERE ${col} = ANY(${list}) AND ${visibility(actor, target)} GROUP BY ${col}`.execute(trx);
  for (const r of rows) out.set(r.k, Number(r.id));
  return out;
}
