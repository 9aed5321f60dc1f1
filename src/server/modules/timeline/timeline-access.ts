import { sql, type RawBuilder } from 'kysely';
import { canDo, visibilityCondition, visibilityOf, type Actor } from '../../core/access.ts';
import { redactPayload } from '../../core/redact.ts';
import { getObject, objectBySingular, objectNames } from '../../records/registry.ts';

/**
 * Timeline entries come from records (an activity, a task): an entry shows only when the actor
 * may read the record it comes from, so a timeline never lists what the record's own list
 * would not. Entries without a source record (ref_type null) show with the timeline.
 */
export function timelineSourceVisible(actor: Actor, alias: string): RawBuilder<boolean> {
  const conds: RawBuilder<boolean>[] = [];
  for (const name of objectNames()) {
    const def = getObject(name);
    // A role that may not read the object sees none of the entries its records wrote.
    if (!canDo(actor, def, 'read')) {
      conds.push(sql<boolean>`${sql.ref(`${alias}.ref_type`)} IS DISTINCT FROM ${def.singular}`);
      continue;
    }
    if (!def.ownerField || visibilityOf(actor, name) === 'all') continue;
    const vis = visibilityCondition(actor, name, sql.ref(`r.${def.ownerField}`));
    conds.push(sql<boolean>`(${sql.ref(`${alias}.ref_type`)} IS DISTINCT FROM ${def.singular}
      OR EXISTS (SELECT 1 FROM ${sql.table(name)} r WHERE r.id = ${sql.ref(`${alias}.ref_id`)} AND ${vis}))`);
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
  const tf = def?.timelineFields;
  if (!def || !tf) return e;
  const shown = redactPayload(actor, def.name, { [tf.title]: e.title, ...(tf.body ? { [tf.body]: e.body } : {}) });
  return { ...e, title: tf.title in shown ? e.title : null, body: tf.body && tf.body in shown ? e.body : null };
}
