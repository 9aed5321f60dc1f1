import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { canWriteField, requireDo, type Actor } from '../../core/access.ts';
import { writeAudit } from '../../core/audit.ts';
import { AppError, forbidden, invalid, notFound } from '../../http/errors.ts';
import { allFields } from '../../records/fields.ts';
import { findObject } from '../../records/registry.ts';
import { loadVisible, updateRecord } from '../../records/service.ts';
import { validateRecord } from '../../records/validate.ts';
import type { ObjectDef } from '../../records/types.ts';
import type { AssignBody, AssignmentRule, AssignmentRuleBody, AssignmentRulePatch, AssignmentTestBody } from '../../../shared/contracts/assignment.ts';
import { decide, decisionFor, ruleMatches } from './assignment.engine.ts';
import { validateCondition } from './rule-conditions.ts';
import { activeUsers, deleteRuleRow, insertRule, selectRule, selectRules, setPositions, teamExists, updateRuleRow, userExists, type RuleRow } from './assignment.repo.ts';

// Assignment rules: administrators keep them (audited as object 'assignment_rules'); the engine
// (assignment.engine.ts) applies them; POST /{object}/assign re-applies them to stored records.

/** An object whose records rules may assign: it declares `assignment` and has an owner. */
export function assignable(object: string): ObjectDef {
  const def = findObject(object);
  if (!def?.assignment || !def.ownerField) throw invalid([{ field: 'object', message: `Records of ${object} are not assigned by rules`, code: 'not_assignable' }]);
  return def;
}

function present(r: RuleRow): AssignmentRule {
  return {
    id: r.id, object: r.object, name: r.name, position: r.position, active: r.active, condition: r.condition as AssignmentRule['condition'],
    strategy: r.strategy, user_id: r.user_id, team_id: r.team_id, updated_at: new Date(r.updated_at).toISOString(),
  };
}

export async function listRules(db: Kysely<DB>, object?: string): Promise<AssignmentRule[]> {
  return (await selectRules(db, object)).map(present);
}

async function ruleOr404(db: Kysely<DB>, id: number): Promise<RuleRow> {
  const r = await selectRule(db, id);
  if (!r) throw notFound('Assignment rule');
  return r;
}

type Target = Pick<RuleRow, 'strategy' | 'user_id' | 'team_id'>;

/** A user for 'user', a team for the others, existing; the other left empty. */
async function checkTarget(db: Kysely<DB>, t: Target): Promise<Target> {
  if (t.strategy === 'user') {
    if (!t.user_id || !(await userExists(db, t.user_id))) throw invalid([{ field: 'user_id', message: 'Choose a user', code: t.user_id ? 'invalid_link' : 'required' }]);
    return { strategy: t.strategy, user_id: t.user_id, team_id: null };
  }
  if (!t.team_id || !(await teamExists(db, t.team_id))) throw invalid([{ field: 'team_id', message: 'Choose a team', code: t.team_id ? 'invalid_link' : 'required' }]);
  return { strategy: t.strategy, user_id: null, team_id: t.team_id };
}

export async function createRule(db: Kysely<DB>, actor: Actor, body: z.infer<typeof AssignmentRuleBody>): Promise<AssignmentRule> {
  const def = assignable(body.object);
  // The administrator's own field rights: a rule names only fields its author may read.
  const condition = await validateCondition(db, def, body.condition, actor);
  const target = await checkTarget(db, { strategy: body.strategy, user_id: body.user_id ?? null, team_id: body.team_id ?? null });
  const id = await db.transaction().execute(async (trx) => {
    const id = await insertRule(trx, { object: def.name, name: body.name, active: body.active ?? true, condition, ...target }, actor.id);
    await writeAudit(trx, { actorId: actor.id, action: 'create', object: 'assignment_rules', recordId: id, changes: { ...body, condition } });
    return id;
  });
  return present((await selectRule(db, id))!);
}

export async function updateRule(db: Kysely<DB>, actor: Actor, id: number, patch: z.infer<typeof AssignmentRulePatch>): Promise<AssignmentRule> {
  const old = await ruleOr404(db, id);
  const def = assignable(old.object);
  const condition = patch.condition === undefined ? old.condition : await validateCondition(db, def, patch.condition, actor);
  const target = await checkTarget(db, { strategy: patch.strategy ?? old.strategy, user_id: patch.user_id === undefined ? old.user_id : patch.user_id, team_id: patch.team_id === undefined ? old.team_id : patch.team_id });
  await db.transaction().execute(async (trx) => {
    await updateRuleRow(trx, id, { name: patch.name ?? old.name, active: patch.active ?? old.active, condition, ...target });
    await writeAudit(trx, { actorId: actor.id, action: 'update', object: 'assignment_rules', recordId: id, changes: patch });
  });
  return present((await selectRule(db, id))!);
}

export async function deleteRule(db: Kysely<DB>, actor: Actor, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!(await deleteRuleRow(trx, id))) throw notFound('Assignment rule');
    await writeAudit(trx, { actorId: actor.id, action: 'delete', object: 'assignment_rules', recordId: id });
  });
}

/** The object's rules in a new order: `ids` must be every one of them, once. */
export async function reorderRules(db: Kysely<DB>, actor: Actor, object: string, ids: number[]): Promise<AssignmentRule[]> {
  const def = assignable(object);
  await db.transaction().execute(async (trx) => {
    const current = (await selectRules(trx, def.name)).map((r) => r.id);
    const same = ids.length === current.length && new Set(ids).size === ids.length && ids.every((i) => current.includes(i));
    if (!same) throw invalid([{ field: 'ids', message: "List every one of the object's rules once", code: 'invalid_order' }]);
    await setPositions(trx, ids);
    await writeAudit(trx, { actorId: actor.id, action: 'reorder', object: 'assignment_rules', recordId: null, changes: { object: def.name, ids } });
  });
  return listRules(db, def.name);
}

/** Which rule a record matches and who would take it now: reads only (no lock, the round robin stays). */
export async function testRules(db: Kysely<DB>, actor: Actor, body: z.infer<typeof AssignmentTestBody>) {
  const def = assignable(body.object);
  let subjects: Parameters<typeof decide>[2];
  if (body.id !== undefined) {
    await loadVisible(db, def, actor, body.id);
    subjects = { kind: 'stored', ids: [body.id] };
  } else {
    const values = validateRecord(await allFields(db, def), body.values, 'create', actor, def.name);
    subjects = { kind: 'new', rows: [values] };
  }
  const rules = await selectRules(db, def.name);
  const matches: { id: number; name: string; active: boolean; matches: boolean }[] = [];
  for (const rule of rules) {
    // Each rule alone, active or not: the admin sees why a record falls through.
    matches.push({ id: rule.id, name: rule.name, active: rule.active, matches: await ruleMatches(db, def, rule, subjects) });
  }
  const [d] = await decide(db, def, subjects, { dryRun: true });
  const user = d ? (await activeUsers(db, [d.userId]))[0] ?? null : null;
  return { rule: d ? { id: d.ruleId, name: d.ruleName } : null, user, rules: matches };
}

/**
 * Re-applies the rules to stored records, each through the record engine's update (its
 * transaction, version, audit and `updated` event with the owner change): the caller needs the
 * update right on each; a record it may not see fails as not_found, like a missing one.
 */
export async function assignRecords(db: Kysely<DB>, def: ObjectDef, actor: Actor, body: z.infer<typeof AssignBody>) {
  requireDo(actor, def, 'update');
  // Changing owners is writing the owner field: a role that may not (readonly, hidden) may not
  // have the rules do it either, nor learn the owners from the answer.
  if (!canWriteField(actor, def.name, def.ownerField!)) throw forbidden('Your role may not change the owner');
  const assigned: { id: number; owner_id: number; rule_id: number }[] = [];
  const unmatched: number[] = [];
  const errors: { id: number; code: string; message: string }[] = [];
  for (const id of [...new Set(body.ids)]) {
    const input = {};
    try {
      await updateRecord(db, def, actor, id, input, { assign: true });
      const d = decisionFor(input);
      if (d) assigned.push({ id, owner_id: d.userId, rule_id: d.ruleId });
      else unmatched.push(id);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      errors.push({ id, code: e.code, message: e.message });
    }
  }
  return { assigned, unmatched, errors };
}
