import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { visibilityCondition, canReadField, type Actor } from '../../core/access.ts';
import { buildSearchQuery, rankMatch } from '../../text/search-text.ts';
import { searchCondition } from '../../records/search-sql.ts';
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

/** Global search over the searchable objects the actor may see; best match first. */
export async function search(db: Kysely<DB>, actor: Actor, q: string, objects: ObjectDef[], limit: number): Promise<SearchHit[]> {
  const query = buildSearchQuery(q);
  if (!query) return [];
  const hits: SearchHit[] = [];
  for (const def of objects) {
    const cond = searchCondition(def.name, q);
    if (!cond) continue;
    const vis = visibilityCondition(actor, def.name, def.ownerField ? sql.ref(`${def.name}.${def.ownerField}`) : undefined);
    const subtitleCols = def.name === 'contacts' ? sql`email, mobile, phone, (SELECT a.name FROM accounts a WHERE a.id = contacts.account_id) AS company` : sql`email, phone, city AS company, NULL AS mobile`;
    const { rows } = await sql<Row>`
      SELECT id, ${sql.ref(def.titleField)} AS title, ${subtitleCols}
      FROM ${sql.table(def.name)} WHERE ${cond} AND ${vis}
      ORDER BY id DESC LIMIT ${CANDIDATES}`.execute(db);
    for (const r of rows) {
      const parts = [
        canReadField(actor, def.name, 'company') ? r.company : null,
        canReadField(actor, def.name, 'email') ? r.email : null,
        canReadField(actor, def.name, 'mobile') ? r.mobile : null,
        canReadField(actor, def.name, 'phone') ? r.phone : null,
      ].filter(Boolean);
      hits.push({ type: def.singular, id: r.id, title: r.title, subtitle: parts.join(' · ') || null, score: rankMatch(q, r.title) });
    }
  }
  // Lower rank is better; newer records first among equals.
  hits.sort((a, b) => a.score - b.score || b.id - a.id);
  return hits.slice(0, limit).map((h) => ({ ...h, score: 1 / (1 + h.score) }));
}
