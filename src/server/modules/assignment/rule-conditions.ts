import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { DEFAULT_ROLES, canReadField, type Actor } from '../../core/access.ts';
import { AppError } from '../../http/errors.ts';
import { allFields } from '../../records/fields.ts';
import { filterCondition } from '../../records/query.ts';
import type { ObjectDef } from '../../records/types.ts';
import { ConditionGroup } from '../../../shared/contracts/conditions.ts';

// TEMPORARY: field conditions and groups only, until the condition compiler
// (records/conditions.ts, branch h-conditions) is merged; the two exports keep its signatures.

/**
 * Who rules run as: the system, seeing every record and field. A rule is a stored decision of an
 * administrator, checked against that administrator's field rights when saved
 * (validateCondition with their actor); when it runs, no user is asking.
 */
export const SYSTEM_ACTOR: Actor = { id: 0, email: '', name: 'system', role: 'admin', team_id: null, locale: 'en', permissions: DEFAULT_ROLES.admin!.permissions };

const bad = (message: string, field = 'condition') => new AppError('validation_failed', message, [{ field, message, code: 'invalid_condition' }]);

async function compile(db: Kysely<DB>, def: ObjectDef, tree: unknown, actor: Actor, alias: string): Promise<{ parsed: ConditionGroup; cond: RawBuilder<boolean> }> {
  const r = ConditionGroup.safeParse(tree);
  if (!r.success) throw bad('The condition is not valid');
  const fields = await allFields(db, def);
  const group = (g: ConditionGroup): RawBuilder<boolean> => {
    const parts = g.conditions.map((c): RawBuilder<boolean> => {
      if (c.kind === 'group') return group(c);
      if (c.kind === 'related') throw bad('Related conditions are not supported yet');
      const f = fields.find((x) => x.key === c.field);
      if (!f || !f.filterable || !canReadField(actor, def.name, c.field)) throw bad(`Unknown field ${c.field}`, c.field);
      return filterCondition(alias, f, { field: c.field, op: c.op, value: c.value }, actor);
    });
    const joined = parts.length ? sql<boolean>`(${sql.join(parts, g.match === 'all' ? sql` AND ` : sql` OR `)})` : sql<boolean>`${g.match === 'all'}`;
    return g.negate ? sql<boolean>`NOT coalesce(${joined}, false)` : joined;
  };
  return { parsed: r.data, cond: group(r.data) };
}

export async function validateCondition(db: Kysely<DB>, def: ObjectDef, tree: unknown, actor: Actor): Promise<ConditionGroup> {
  return (await compile(db, def, tree, actor, def.name)).parsed;
}

export async function conditionSql(db: Kysely<DB>, def: ObjectDef, tree: unknown, actor: Actor, opts: { alias?: string } = {}): Promise<RawBuilder<boolean>> {
  return (await compile(db, def, tree, actor, opts.alias ?? def.name)).cond;
}
