import { invalid, type FieldIssue } from '../../http/errors.ts';
import type { Actor } from '../../core/access.ts';
import { readable } from '../../core/redact.ts';
import { redactTree, viewTree } from './view-conditions.ts';
import type { ConditionGroup } from '../../../shared/contracts/conditions.ts';

interface ViewParts {
  object: string;
  filters: unknown;
  conditions: unknown;
  columns: unknown;
  sort: string | null;
}

type Filter = { field: string; op: string; value: string };

const sortField = (sort: string) => sort.replace(/^-/, '');

/**
 * A saved view as the actor may see it: filters, columns and sort on fields the actor may not
 * read are dropped (a shared view filtering on a hidden field must not show the field or the
 * value). They are not applied on the actor's behalf either: the records such a filter keeps
 * would tell its value, so the actor's list is the view without them.
 */
export function redactView<T extends ViewParts>(actor: Actor, view: T): T {
  const filters = Array.isArray(view.filters) ? (view.filters as Filter[]).filter((f) => readable(actor, view.object, f.field)) : view.filters;
  const columns = Array.isArray(view.columns) ? (view.columns as string[]).filter((k) => readable(actor, view.object, k)) : view.columns;
  const sort = view.sort && !readable(actor, view.object, sortField(view.sort)) ? null : view.sort;
  const conditions = view.conditions ? redactTree(actor, view.object, view.conditions as ConditionGroup) : null;
  return { ...view, filters, columns, sort, conditions, where: viewTree({ filters, conditions }) };
}

/** Refuses a view the actor saves with fields the actor may not read, as the list would refuse them. */
export function assertViewReadable(actor: Actor, object: string, body: { filters?: Filter[]; columns?: string[]; sort?: string | null }): void {
  const issues: FieldIssue[] = [];
  const refuse = (field: string, key: string) => issues.push({ field, message: `Unknown field ${key}`, code: 'unknown_field' });
  body.filters?.forEach((f, i) => !readable(actor, object, f.field) && refuse(`filters[${i}].field`, f.field));
  body.columns?.forEach((k, i) => !readable(actor, object, k) && refuse(`columns[${i}]`, k));
  if (body.sort && !readable(actor, object, sortField(body.sort))) refuse('sort', sortField(body.sort));
  if (issues.length) throw invalid(issues);
}
