import type { Condition, ConditionGroup } from '../../../shared/contracts/conditions.ts';
import type { FilterClause } from '../../../shared/fields.ts';
import { canDo, type Actor } from '../../core/access.ts';
import { readable } from '../../core/redact.ts';
import { findObject } from '../../records/registry.ts';

// A saved view's condition tree: stored (migration 020), or — for a view saved with flat filters
// only — those filters read as an `all` group, so old views and API clients keep working.

export function filtersToTree(filters: unknown): ConditionGroup {
  const list = Array.isArray(filters) ? (filters as FilterClause[]) : [];
  return { kind: 'group', match: 'all', conditions: list.map((f) => ({ kind: 'field', field: f.field, op: f.op, value: f.value })) };
}

export function viewTree(row: { conditions: unknown; filters: unknown }): ConditionGroup {
  return row.conditions ? (row.conditions as ConditionGroup) : filtersToTree(row.filters);
}

function keep(actor: Actor, object: string, c: Condition): Condition | null {
  if (c.kind === 'field') return readable(actor, object, c.field) ? c : null;
  if (c.kind === 'group') return redactTree(actor, object, c);
  const rel = findObject(c.object);
  if (!rel || !canDo(actor, rel, 'list') || !readable(actor, c.object, c.via) || (c.field && !readable(actor, c.object, c.field))) return null;
  return { ...c, where: redactTree(actor, c.object, c.where) };
}

/**
 * The tree as the actor may see it: conditions on fields (or related objects) the actor may not
 * read are dropped, as flat filters always were (view-redact.ts). They are not applied on the
 * actor's behalf either: the records such a condition keeps would tell its value.
 */
export function redactTree(actor: Actor, object: string, g: ConditionGroup): ConditionGroup {
  const conditions = g.conditions.map((c) => keep(actor, object, c)).filter((c): c is Condition => c !== null);
  return { ...g, conditions };
}
