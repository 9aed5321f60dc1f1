import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { getObject, objectNames } from './registry.ts';
import { pinyinSortKey, SORT_KEY } from './sort-key.ts';

const CHUNK = 500;

/**
 * Gives rows written before their object had a sort key (migration 029, a module turning
 * `titleSort` on, a restored backup) their key, a chunk at a time. Runs at start-up; once
 * filled it costs one index probe per object.
 */
export async function fillSortKeys(db: Kysely<DB>): Promise<number> {
  let done = 0;
  for (const name of objectNames()) {
    const def = getObject(name);
    if (!def.titleSort) continue;
    const title = sql.ref(def.titleField);
    for (;;) {
      const { rows } = await sql<{ id: number; title: unknown }>`SELECT id, ${title} AS title FROM ${sql.table(name)}
        WHERE ${sql.ref(SORT_KEY)} IS NULL AND ${title} IS NOT NULL AND ${title} <> '' ORDER BY id LIMIT ${sql.lit(CHUNK)}`.execute(db);
      const keys = rows.map((r) => pinyinSortKey(r.title, def.titleSort === 'person') ?? '');
      if (!rows.length) break;
      await sql`UPDATE ${sql.table(name)} t SET ${sql.ref(SORT_KEY)} = v.k
        FROM unnest(${sql.val(rows.map((r) => r.id))}::bigint[], ${sql.val(keys)}::text[]) AS v(id, k) WHERE t.id = v.id`.execute(db);
      done += rows.length;
    }
  }
  return done;
}
