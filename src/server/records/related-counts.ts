import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { requireDo, type Actor } from '../core/access.ts';
import { countRecords, loadVisible } from './service.ts';
import { relatedLists } from './descriptor.ts';
import { getObject } from './registry.ts';
import type { ObjectDef } from './types.ts';

/**
 * A related list whose records do not follow from one link field (an account's people come
 * through contact_accounts, several per contact): its module counts them the way its view lists
 * them, under the actor's visibility. Keyed `${parent}:${object}.${field}`.
 */
type RelatedCounter = (db: Kysely<DB>, actor: Actor, id: number) => Promise<{ count: number; capped: boolean }>;
const counters = new Map<string, RelatedCounter>();

export function registerRelatedCount(parent: string, list: { object: string; field: string }, counter: RelatedCounter): void {
  counters.set(`${parent}:${list.object}.${list.field}`, counter);
}

/**
 * GET /{object}/{id}/related-counts: how many records each related list of the record page
 * holds, for the tab labels. Only the lists the descriptor gives this actor (objects it may list,
 * link fields it may read), each counted under its visibility like the list it labels; a record
 * the actor may not see answers not_found as a missing one does.
 */
export async function relatedCounts(db: Kysely<DB>, def: ObjectDef, actor: Actor, id: number) {
  requireDo(actor, def, 'read');
  await loadVisible(db, def, actor, id);
  const out: { object: string; field: string; count: number; capped: boolean }[] = [];
  for (const r of relatedLists(def, actor)) {
    const counter = counters.get(`${def.name}:${r.object}.${r.field}`);
    const n = counter
      ? await counter(db, actor, id)
      : await countRecords(db, getObject(r.object), actor, { filters: [{ field: r.field, op: 'eq', value: String(id) }] });
    out.push({ object: r.object, field: r.field, ...n });
  }
  return out;
}
