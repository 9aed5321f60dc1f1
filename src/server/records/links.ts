import { sql } from 'kysely';
import { invalid, type FieldIssue } from '../http/errors.ts';
import { canDo, recordVisibility, type Actor } from '../core/access.ts';
import type { ResolvedField } from './fields.ts';
import { getObject } from './registry.ts';
import { linkTarget } from './refs.ts';
import type { Row, Tx } from './types.ts';

/** The one answer for a link to a record that is missing or that the actor may not read. */
export const NO_SUCH_RECORD = { code: 'invalid_link', message: 'No such record' } as const;

/**
 * Of these ids of `target` (a record object or 'users'), the ones the actor may link to: a
 * record the actor may read (the same condition as a read), or an active user. One query.
 */
export async function linkableIds(db: Tx, actor: Actor, target: string, ids: readonly number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const list = sql.val([...new Set(ids)]);
  if (target === 'users') {
    const { rows } = await sql<{ id: number }>`SELECT id FROM users WHERE id = ANY(${list}::bigint[]) AND active`.execute(db);
    return new Set(rows.map((r) => Number(r.id)));
  }
  const def = getObject(target);
  // A role that may not read the object links to none of its records (answered as missing).
  if (!canDo(actor, def, 'read')) return new Set();
  const vis = recordVisibility(actor, def, 'r');
  const { rows } = await sql<{ id: number }>`SELECT r.id FROM ${sql.table(target)} r WHERE r.id = ANY(${list}::bigint[]) AND ${vis}`.execute(db);
  return new Set(rows.map((r) => Number(r.id)));
}

/** Throws validation_failed naming `field` for each id the actor may not link to. */
export async function assertLinkable(db: Tx, actor: Actor, target: string, ids: readonly number[], field: (id: number) => string): Promise<void> {
  const ok = await linkableIds(db, actor, target, ids);
  const issues: FieldIssue[] = ids.filter((id) => !ok.has(id)).map((id) => ({ field: field(id), ...NO_SUCH_RECORD }));
  if (issues.length) throw invalid(issues);
}

/**
 * Every link and user value a write sets is checked like a read, one query per target object:
 * a record the actor may not see answers exactly as one that does not exist, so links cannot
 * probe for records or pull their titles into `refs`. A value the record already holds is
 * accepted unchecked (a manager's record may point at an account its editor cannot see, and
 * editing another field must still work).
 */
export async function checkLinks(db: Tx, actor: Actor, fields: ResolvedField[], values: Row, existing: Row | null): Promise<void> {
  const wanted = new Map<string, { field: string; id: number }[]>();
  for (const f of fields) {
    const target = linkTarget(f);
    const v = values[f.key];
    if (!target || typeof v !== 'number') continue;
    const before = existing ? (f.custom ? existing.custom?.[f.key] : existing[f.key]) : undefined;
    if (before !== undefined && before !== null && Number(before) === v) continue;
    wanted.set(target, [...(wanted.get(target) ?? []), { field: f.key, id: v }]);
  }
  const issues: FieldIssue[] = [];
  for (const [target, links] of wanted) {
    const ok = await linkableIds(db, actor, target, links.map((l) => l.id));
    for (const l of links) if (!ok.has(l.id)) issues.push({ field: l.field, ...NO_SUCH_RECORD });
  }
  if (issues.length) throw invalid(issues);
}
