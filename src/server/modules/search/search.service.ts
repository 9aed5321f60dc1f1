import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { recordVisibility, canReadField, type Actor } from '../../core/access.ts';
import { buildSearchQuery, rankMatch } from '../../text/search-text.ts';
import { hiddenSearchRegex, searchCondition } from '../../records/search-sql.ts';
import { linkTarget, refVisible } from '../../records/refs.ts';
import { getObject } from '../../records/registry.ts';
import type { ObjectDef, Row } from '../../records/types.ts';

export interface SearchHit {
  type: string;
  id: number;
  title: string;
  subtitle: string | null;
  score: number;
}

// Candidates per object before ranking: the index finds them, JS ranks this many at most.
const CANDIDATES = 200;
// The normalised title: the first part of search_text (indexed, migration 004).
const TITLE = sql`split_part(search_text, E'\\x01', 1)`;

/** Global search over the searchable objects the actor may see; best match first. */
export async function search(db: Kysely<DB>, actor: Actor, q: string, objects: ObjectDef[], limit: number): Promise<SearchHit[]> {
  const query = buildSearchQuery(q);
  if (!query) return [];
  const hits = new Map<string, SearchHit>();
  for (const def of objects) {
    const cond = searchCondition(def.name, q, hiddenSearchRegex(actor, def));
    if (!cond) continue;
    const vis = recordVisibility(actor, def, def.name);
    const parts = [{ where: sql`${cond} AND ${vis}`, order: NEWEST, limit: CANDIDATES }];
    if (canReadField(actor, def.name, def.titleField)) {
      // Records named exactly as the query, then records whose name starts with it, however
      // old: the newest CANDIDATES matches alone could all be newer names merely containing
      // it (张伟 among thousands of 张伟X; 奇 among every name with 奇 in it).
      const [from, to] = prefixRange(query.normalized);
      parts.unshift(
        { where: sql`${TITLE} = ${query.normalized} AND ${vis}`, order: NEWEST, limit },
        { where: sql`${TITLE} ~>=~ ${from} AND ${TITLE} ~<~ ${to} AND ${vis}`, order: BY_TITLE, limit },
      );
    }
    const rows = await candidates(db, def, actor, parts);
    for (const r of rows) {
      const key = `${def.name}:${r.id}`;
      if (!hits.has(key)) hits.set(key, toHit(actor, def, r, q));
    }
  }
  // Lower rank is better; newer records first among equals.
  const sorted = [...hits.values()].sort((a, b) => a.score - b.score || b.id - a.id);
  return sorted.slice(0, limit).map((h) => ({ ...h, score: 1 / (1 + h.score) }));
}

const NEWEST = sql`id DESC`;
// The order of the title index (migration 011), so the prefix part reads only `limit` entries.
const BY_TITLE = sql`${TITLE}, id`;

/**
 * The byte-order range of titles starting with a prefix, for the text_pattern_ops index:
 * [prefix, prefix + U+10FFFF). Bound parameters, not a LIKE pattern, so a generic prepared
 * plan still uses the index.
 */
function prefixRange(prefix: string): [string, string] {
  return [prefix, `${prefix}\u{10FFFF}`];
}

/**
 * The columns of a hit's subtitle (search.subtitle), s0, s1…: the fields the actor may read; a
 * link field as the linked record's title, only when the actor may read that record (as refs).
 */
function subtitleColumns(def: ObjectDef, actor: Actor): RawBuilder<unknown>[] {
  return (def.search?.subtitle ?? []).map((key, i) => {
    const as = sql.id(`s${i}`);
    const field = def.fields.find((f) => f.key === key);
    if (!field || !canReadField(actor, def.name, key)) return sql`NULL AS ${as}`;
    const target = linkTarget(field);
    if (!target) return sql`${sql.ref(`${def.name}.${key}`)} AS ${as}`;
    const title = target === 'users' ? 'name' : getObject(target).titleField;
    return sql`(SELECT l.${sql.ref(title)} FROM ${sql.table(target)} l WHERE l.id = ${sql.ref(`${def.name}.${key}`)} AND ${refVisible(actor, target, 'l')}) AS ${as}`;
  });
}

/** The rows of each part (its own condition, newest first, its own limit) in one statement. */
async function candidates(db: Kysely<DB>, def: ObjectDef, actor: Actor, parts: { where: RawBuilder<unknown>; order: RawBuilder<unknown>; limit: number }[]): Promise<Row[]> {
  const subtitle = subtitleColumns(def, actor);
  const cols = subtitle.length ? sql`, ${sql.join(subtitle)}` : sql``;
  const selects = parts.map((p) => sql`(SELECT id, ${sql.ref(def.titleField)} AS title${cols}
    FROM ${sql.table(def.name)} WHERE ${p.where}
    ORDER BY ${p.order} LIMIT ${p.limit})`);
  const { rows } = await sql<Row>`${sql.join(selects, sql` UNION ALL `)}`.execute(db);
  return rows;
}

const shown = (v: unknown): string => (Array.isArray(v) ? v.join(', ') : v === null || v === undefined ? '' : String(v));

function toHit(actor: Actor, def: ObjectDef, r: Row, q: string): SearchHit {
  const subtitle = (def.search?.subtitle ?? []).map((_, i) => shown(r[`s${i}`])).filter(Boolean).join(' · ') || null;
  // A role hiding the title field gets the hit without it (found by another field it may read).
  if (!canReadField(actor, def.name, def.titleField)) return { type: def.singular, id: r.id, title: '', subtitle, score: 3 };
  return { type: def.singular, id: r.id, title: r.title, subtitle, score: rankMatch(q, r.title, def.search?.pinyin ?? 'person') };
}
