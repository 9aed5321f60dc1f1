import { ConditionGroup, MAX_CONDITIONS, MAX_DEPTH, type Condition } from '../../shared/contracts/conditions.ts';
import { AppError, type FieldIssue } from '../http/errors.ts';

// The shape of a condition tree, checked before anything reads it: a tree nests at most
// MAX_DEPTH groups (a related condition's `where` is one more level) and holds at most
// MAX_CONDITIONS leaves (field and related conditions, inner ones counted), so a stored rule stays
// cheap to compile and run. Depth is measured on the raw JSON first, so a hostile body nested
// thousands deep is refused without the zod schema recursing through it.

export const conditionError = (issues: FieldIssue[]) => new AppError('invalid_condition', 'The condition is not valid', issues);

/** Leaves counted, or -1 once too deep (then the walk stops). */
function measure(node: unknown, depth: number): number {
  if (!node || typeof node !== 'object') return 0;
  const n = node as { kind?: unknown; conditions?: unknown; where?: unknown };
  if (n.kind === 'group') {
    if (depth > MAX_DEPTH) return -1;
    let leaves = 0;
    for (const c of Array.isArray(n.conditions) ? n.conditions : []) {
      const m = measure(c, depth + 1);
      if (m < 0) return -1;
      leaves += m;
    }
    return leaves;
  }
  if (n.kind === 'related') {
    const inner = measure(n.where, depth + 1);
    return inner < 0 ? -1 : inner + 1;
  }
  return 1;
}

/** `conditions[0].where.conditions[1]` from a zod path. */
export function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '');
}

/** The tree, parsed; invalid_condition (400) for a malformed, too deep or too large one. */
export function parseConditionTree(tree: unknown): ConditionGroup {
  const leaves = measure(tree, 1);
  if (leaves < 0) throw conditionError([{ field: 'conditions', message: `Conditions nest at most ${MAX_DEPTH} levels deep`, code: 'too_deep' }]);
  if (leaves > MAX_CONDITIONS) throw conditionError([{ field: 'conditions', message: `At most ${MAX_CONDITIONS} conditions`, code: 'too_many_conditions' }]);
  const r = ConditionGroup.safeParse(tree);
  if (!r.success) {
    throw conditionError(r.error.issues.slice(0, 20).map((i) => ({ field: pathText(i.path) || 'conditions', message: i.message, code: 'invalid_condition_shape' })));
  }
  return r.data;
}

/** Every related object a tree names, at any depth. */
export function relatedObjects(group: ConditionGroup, out = new Set<string>()): Set<string> {
  for (const c of group.conditions as Condition[]) {
    if (c.kind === 'group') relatedObjects(c, out);
    else if (c.kind === 'related') {
      out.add(c.object);
      relatedObjects(c.where, out);
    }
  }
  return out;
}

/** `?where=<json>` as list parameters: the tree, or invalid_condition when it is not JSON. */
export function whereParam(raw: unknown): { where?: unknown } {
  if (raw === undefined) return {};
  if (typeof raw !== 'string' || raw.length > 20_000) throw conditionError([{ field: 'where', message: 'where is one JSON condition tree (at most 20000 characters)', code: 'invalid_condition_shape' }]);
  try {
    return { where: JSON.parse(raw) };
  } catch {
    throw conditionError([{ field: 'where', message: 'where is not valid JSON', code: 'invalid_condition_shape' }]);
  }
}
