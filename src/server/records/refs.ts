import { sql } from 'kysely';
import type { ResolvedField } from './fields.ts';
import type { Row, Tx } from './types.ts';
import { getObject } from './registry.ts';

export interface Ref {
  id: number;
  title: string;
}

/**
 * Titles of the records a page links to (account name, owner name...), loaded with one
 * query per linked object for the whole page rather than one per row.
 */
export async function loadRefs(db: Tx, fields: ResolvedField[], rows: Row[]): Promise<(row: Row) => Record<string, Ref>> {
  const linkFields = fields.filter((f) => f.type === 'user' || (f.type === 'link' && f.link));
  const valueOf = (f: ResolvedField, r: Row) => (f.custom ? r.custom?.[f.key] : r[f.key]) as number | null | undefined;
  const titles = new Map<string, Map<number, string>>();
  const wanted = new Map<string, Set<number>>();
  for (const f of linkFields) {
    const target = f.type === 'user' ? 'users' : f.link!;
    const set = wanted.get(target) ?? new Set<number>();
    for (const r of rows) {
      const v = valueOf(f, r);
      if (typeof v === 'number') set.add(v);
    }
    wanted.set(target, set);
  }
  for (const [target, ids] of wanted) {
    if (!ids.size) continue;
    const titleCol = target === 'users' ? 'name' : getObject(target).titleField;
    const { rows: found } = await sql<{ id: number; title: string }>`
      SELECT id, ${sql.ref(titleCol)} AS title FROM ${sql.table(target)} WHERE id = ANY(${sql.val([...ids])}::bigint[])`.execute(db);
    titles.set(target, new Map(found.map((x) => [x.id, x.title])));
  }
  return (row) => {
    const out: Record<string, Ref> = {};
    for (const f of linkFields) {
      const v = valueOf(f, row);
      const title = typeof v === 'number' ? titles.get(f.type === 'user' ? 'users' : f.link!)?.get(v) : undefined;
      if (typeof v === 'number' && title !== undefined) out[f.key] = { id: v, title };
    }
    return out;
  };
}
