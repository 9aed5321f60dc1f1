import { sql, type RawBuilder } from 'kysely';
import { canDo, canReadField, recordVisibility, visibilityOf, type Actor } from '../../core/access.ts';
import { redactPayload } from '../../core/redact.ts';
import { getObject, objectBySingular, objectNames } from '../../records/registry.ts';

/**
 * Timeline entries come from records (an activity, a task): an entry shows only when the actor
 * may read the record it comes from, so a timeline never lists what the record's own list
 * would not, and only when the actor may read the source's link field that put it on this
 * timeline (`targets.field`), so a hidden link does not show through the timeline either.
 * Entries without a source record (ref_type null) show with the timeline.
 */
export function timelineEntryVisible(actor: Actor, events: string, targets: string): RawBuilder<boolean> {
  const conds: RawBuilder<boolean>[] = [];
  const ref = (c: string) => sql.ref(`${events}.${c}`);
  for (const name of objectNames()) {
    const def = getObject(name);
    const notFrom = sql<boolean>`${ref('ref_type')} IS DISTINCT FROM ${def.singular}`;
    if (!canDo(actor, def, 'read')) {
      conds.push(notFrom);
      continue;
    }
    if (def.ownerField && visibilityOf(actor, name) !== 'all') {
      const vis = recordVisibility(actor, def, 'r');
      conds.push(sql<boolean>`(${notFrom} OR EXISTS (SELECT 1 FROM ${sql.table(name)} r WHERE r.id = ${ref('ref_id')} AND ${vis}))`);
    }
    const hidden = (def.timeline?.targets ?? []).filter((k) => !canReadField(actor, name, k));
    if (hidden.length) {
      const field = sql.ref(`${targets}.field`);
      conds.push(sql<boolean>`(${notFrom} OR ${field} IS NULL OR ${field} NOT IN (${sql.join(hidden)}))`);
    }
  }
  return conds.length ? sql.join(conds, sql` AND `) as RawBuilder<boolean> : sql<boolean>`true`;
}

export interface EntryText {
  ref_type: string | null;
  title: string | null;
  body: string | null;
}

/** An entry's title and body blanked where they come from a field the actor may not read. */
export function redactTimelineEntry<T extends EntryText>(actor: Actor, e: T): T {
  const def = e.ref_type ? objectBySingular(e.ref_type) : undefined;
  const tl = def?.timeline;
  if (!def || !tl) return e;
  const shown = redactPayload(actor, def.name, { [tl.title]: e.title, ...(tl.body ? { [tl.body]: e.body } : {}) });
  return { ...e, title: tl.title in shown ? e.title : null, body: tl.body && tl.body in shown ? e.body : null };
}
