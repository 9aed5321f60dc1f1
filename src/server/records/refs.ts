import { sql, type RawBuilder } from 'kysely';
import type { ResolvedField } from './fields.ts';
import type { Row, Tx } from './types.ts';
import { getObject } from './registry.ts';
import { canDo, recordVisibility, visibilityOf, type Actor } from '../core/access.ts';

export interface Ref {
  id: number;
  title: string;
}

/** The table a link or user field points at ('users' for user fields). */
export function linkTarget(f: Pick<ResolvedField, 'type' | 'link'>): string | null {
  if (f.type === 'user') return 'users';
  return f.type === 'link' && f.link ? f.link : null;
}

/**
 * The condition under which a linked record's title may be shown to the actor: the record is
 * one the actor may read (users' names are public to every user). `alias` is the linked
 * table's alias in the query. Inline literals, so cached select lists stay parameter-free.
 */
export function refVisible(actor: Actor, target: string, alias: string): RawBuilder<boolean> {
  if (target === 'users') return sql<boolean>`true`;
  const def = getObject(target);
  // A role that may not read the object sees no title of it, whatever its visibility.
  if (!canDo(actor, def, 'read')) return sql<boolean>`false`;
  return recordVisibility(actor, def, alias, { inline: true });
}

/** A key telling apart actors whose refs differ (the same key = the same ref conditions). */
export function refVisibilityKey(actor: Actor, targets: readonly string[]): string {
  const parts = targets.filter((t) => t !== 'users').map((t) => (canDo(actor, getObject(t), 'read') ? visibilityOf(actor, t) : 'none'));
  if (parts.every((v) => v === 'all' || v === 'none')) return parts.join(',');
  return `${parts.join(',')}|${actor.id}|${actor.team_id ?? ''}`;
}

/**
 * Titles of the records a page links to (account name, owner name...), loaded with one
 * query per linked object for the whole page rather than one per row. A linked record the
 * actor may not read gets no ref (its id stays in the field): its title would disclose it.
 * Export and other server callers resolve names through this with the requesting actor.
 */
export async function loadRefs(db: Tx, actor: Actor, fields: ResolvedField[], rows: Row[]): Promise<(row: Row) => Record<string, Ref>> {
  const linkFields = fields.filter((f) => linkTarget(f));
  const valueOf = (f: ResolvedField, r: Row) => (f.custom ? r.custom?.[f.key] : r[f.key]) as number | null | undefined;
  const titles = new Map<string, Map<number, string>>();
  const wanted = new Map<string, Set<number>>();
  for (const f of linkFields) {
    const target = linkTarget(f)!;
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
      SELECT r.id, r.${sql.ref(titleCol)} AS title FROM ${sql.table(target)} r
      WHERE r.id = ANY(${sql.val([...ids])}::bigint[]) AND ${refVisible(actor, target, 'r')}`.execute(db);
    titles.set(target, new Map(found.map((x) => [Number(x.id), x.title])));
  }
  return (row) => {
    const out: Record<string, Ref> = {};
    for (const f of linkFields) {
      const v = valueOf(f, row);
      const title = typeof v === 'number' ? titles.get(linkTarget(f)!)?.get(v) : undefined;
      if (typeof v === 'number' && title !== undefined && title !== null) out[f.key] = { id: v, title };
    }
    return out;
  };
}
