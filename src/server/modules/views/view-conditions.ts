import type { Condition, ConditionGroup } from '../../../shared/contracts/conditions.ts';
import type { FilterClause } from '../../../shared/fields.ts';
import { canDo, type Actor } from '../../core/access.ts';
import { readable } from '../../core/redact.ts';
import { findObject } from '../../records/registry.ts';

// A saved view's conditions: its flat filters (as before) and the tree stored beside them
// (migration 020). Answers carry both as saved (`filters`, `conditions`) and `where`, the two as
// one tree: a view saved with flat filters only reads as an `all` group of them.

export function filtersToTree(filters: unknown): ConditionGroup {
  const list = Array.isArray(filters) ? (filters as FilterClause[]) : [];
  return { kind: 'group', match: 'all', conditions: list.map((f) => ({ kind: 'field', field: f.field, op: f.op, value: f.value })) };
}

/** All a view asks: its flat filters and its stored tree, as one tree (what a consumer of views runs). */
export function viewTree(row: { conditions: unknown; filters: unknown }): ConditionGroup {
  const flat = filtersToTree(row.filters);
  if (!row.conditions) return flat;
  return flat.conditions.length ? { ...flat, conditions: [...flat.conditions, row.conditions as ConditionGroup] } : (row.conditions as ConditionGroup);
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
