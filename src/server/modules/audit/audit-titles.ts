import { sql } from 'kysely';
import type { Actor } from '../../core/access.ts';
import { canReadField } from '../../core/access.ts';
import { refVisible } from '../../records/refs.ts';
import { findObject } from '../../records/registry.ts';
import type { Row, Tx } from '../../records/types.ts';

/**
 * Titles of the records a page of audit entries is about, one query per object. A record the
 * reader may not read now (policy, visibility, a hidden title field) or that no longer exists
 * gets no title: the page shows it as "#id", the same as a deleted one, so nothing is disclosed.
 */
export async function auditTitles(db: Tx, actor: Actor, rows: Row[]): Promise<Row[]> {
  const wanted = new Map<string, Set<number>>();
  for (const r of rows) {
    if (r.record_id === null || r.record_id === undefined || !findObject(r.object)) continue;
    const set = wanted.get(r.object) ?? new Set<number>();
    set.add(Number(r.record_id));
    wanted.set(r.object, set);
  }
  const titles = new Map<string, string>();
  for (const [object, ids] of wanted) {
    const def = findObject(object)!;
    if (!canReadField(actor, object, def.titleField)) continue;
    const { rows: found } = await sql<{ id: number; title: unknown }>`
      SELECT r.id, r.${sql.ref(def.titleField)} AS title FROM ${sql.table(object)} r
      WHERE r.id = ANY(${sql.val([...ids])}::bigint[]) AND ${refVisible(actor, object, 'r')}`.execute(db);
    for (const f of found) if (f.title !== null && f.title !== undefined && f.title !== '') titles.set(`${object}:${Number(f.id)}`, String(f.title));
  }
  return rows.map((r) => ({ ...r, record_title: titles.get(`${r.object}:${Number(r.record_id)}`) ?? null }));
}
