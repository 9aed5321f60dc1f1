import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import { writeAudit } from '../../core/audit.ts';
import { allFields } from '../../records/fields.ts';
import type { WriteExtension } from '../../records/hooks.ts';
import type { ObjectDef, Row, Tx } from '../../records/types.ts';
import { conditionSql, SYSTEM_ACTOR } from './rule-conditions.ts';
import { activeUsers, matchNew, matchStored, ownerLoads, selectRule, selectRules, setPointer, teamMembers, type RuleRow } from './assignment.repo.ts';

// Deciding owners by rules, for records of any object declaring `assignment` (never one named
// here). Rules run as the system (SYSTEM_ACTOR): every field and record counts.

export interface Decision {
  ruleId: number;
  ruleName: string;
  userId: number;
}

/** Records to decide: values of records not yet written, or ids of stored ones. */
export type Subjects = { kind: 'new'; rows: Row[] } | { kind: 'stored'; ids: number[] };

/** The rule's condition as SQL, or null when it no longer compiles (a custom field it named was deleted): such a rule never matches, and never fails a write. */
async function ruleCondition(db: Tx, def: ObjectDef, rule: RuleRow, alias?: string): Promise<RawBuilder<boolean> | null> {
  try {
    return await conditionSql(db as Kysely<DB>, def, rule.condition, SYSTEM_ACTOR, { alias });
  } catch (e) {
    if (e instanceof AppError) return null;
    throw e;
  }
}

/** A record not yet written as a row of its table: custom fields in `custom`, the rest as columns. */
async function asTableRows(db: Tx, def: ObjectDef, rows: Row[]): Promise<Row[]> {
  const custom = new Set((await allFields(db as Kysely<DB>, def)).filter((f) => f.custom).map((f) => f.key));
  return rows.map((values) => {
    const out: Row = { custom: {} };
    for (const [k, v] of Object.entries(values)) {
      if (custom.has(k)) out.custom[k] = v;
      else out[k] = v;
    }
    return out;
  });
}

/** Indexes (into the subjects) of those the rule's condition matches. */
async function matching(db: Tx, def: ObjectDef, rule: RuleRow, subjects: Subjects, tableRows: Row[], pending: number[]): Promise<number[]> {
  const cond = await ruleCondition(db, def, rule);
  if (!cond) return [];
  if (subjects.kind === 'new') {
    const hits = await matchNew(db, def, pending.map((i) => tableRows[i]!), cond);
    return hits.map((h) => pending[h]!);
  }
  const ids = new Set(await matchStored(db, def, pending.map((i) => subjects.ids[i]!), cond));
  return pending.filter((i) => ids.has(subjects.ids[i]!));
}

/**
 * Owners for `count` records, in order, by the rule; [] when nobody can take them (a deactivated
 * user, a team without active members). A team's rule row is locked first, so concurrent writes
 * take turns in order and see each other's records (the load count runs after the lock).
 * `dryRun` reads without locking or moving the round robin.
 */
export async function ownersBy(db: Tx, def: ObjectDef, rule: RuleRow, count: number, dryRun = false): Promise<number[]> {
  if (rule.strategy === 'user') {
    const ok = (await activeUsers(db, [rule.user_id!])).length > 0;
    return ok ? Array(count).fill(rule.user_id) : [];
  }
  const locked = dryRun ? rule : await selectRule(db, rule.id, true);
  if (!locked) return [];
  const members = await teamMembers(db, locked.team_id!);
  if (!members.length) return [];
  // Turn order: the members after the one who took the last record, then from the start.
  const start = members.findIndex((m) => m > (locked.last_user_id ?? 0));
  const turn = start < 0 ? members : [...members.slice(start), ...members.slice(0, start)];
  const out: number[] = [];
  if (locked.strategy === 'round_robin') {
    for (let i = 0; i < count; i++) out.push(turn[i % turn.length]!);
  } else {
    const open = def.assignment?.loadFilter ? await conditionSql(db as Kysely<DB>, def, def.assignment.loadFilter, SYSTEM_ACTOR) : sql<boolean>`true`;
    const loads = await ownerLoads(db, def, members, open);
    for (let i = 0; i < count; i++) {
      // The least loaded; ties go in turn order, so equal members alternate too.
      let best = turn[0]!;
      for (const m of turn) if ((loads.get(m) ?? 0) < (loads.get(best) ?? 0)) best = m;
      out.push(best);
      loads.set(best, (loads.get(best) ?? 0) + 1);
      turn.push(...turn.splice(turn.indexOf(best), 1));
    }
  }
  if (!dryRun) await setPointer(db, locked.id, out[out.length - 1]!);
  return out;
}

/** Whether the rule's condition matches the (one) subject, whoever could take it. */
export async function ruleMatches(db: Tx, def: ObjectDef, rule: RuleRow, subjects: Subjects): Promise<boolean> {
  const tableRows = subjects.kind === 'new' ? await asTableRows(db, def, subjects.rows) : [];
  return (await matching(db, def, rule, subjects, tableRows, [0])).length > 0;
}

/** The first matching active rule of each subject (null: none matched, or nobody could take it) and its owner. */
export async function decide(db: Tx, def: ObjectDef, subjects: Subjects, opts: { dryRun?: boolean } = {}): Promise<(Decision | null)[]> {
  const n = subjects.kind === 'new' ? subjects.rows.length : subjects.ids.length;
  const out: (Decision | null)[] = Array(n).fill(null);
  const rules = await selectRules(db, def.name, true);
  if (!rules.length || !n) return out;
  const tableRows = subjects.kind === 'new' ? await asTableRows(db, def, subjects.rows) : [];
  let pending = [...Array(n).keys()];
  for (const rule of rules) {
    if (!pending.length) break;
    const hits = await matching(db, def, rule, subjects, tableRows, pending);
    if (!hits.length) continue;
    const owners = await ownersBy(db, def, rule, hits.length, opts.dryRun);
    if (!owners.length) continue; // nobody can take them: the next rule may
    hits.forEach((i, k) => (out[i] = { ruleId: rule.id, ruleName: rule.name, userId: owners[k]! }));
    const taken = new Set(hits);
    pending = pending.filter((i) => !taken.has(i));
  }
  return out;
}

/** Decisions by the values object the before hook saw, and by the request input (POST /{object}/assign reads its result there). */
const decided = new WeakMap<Row, Decision>();

export function decisionFor(input: Row): Decision | undefined {
  return decided.get(input);
}

/**
 * The record engine's part (records/hooks.ts): rows whose owner is for the engine to decide
 * (`assign`: a create naming no owner, or POST /{object}/assign) get the first matching rule's
 * owner, in the write's transaction; the assignment is audited (`assign`, with the rule) on
 * the record, and the owner is an ordinary value of the write (its audit diff and event).
 */
export const assignmentExtension: WriteExtension = {
  appliesTo: (def) => Boolean(def.assignment && def.ownerField),
  async before(ctx, rows) {
    const { def } = ctx;
    if (!def.assignment || !def.ownerField) return;
    const todo = rows.filter((r) => r.assign);
    if (!todo.length) return;
    const stored = todo.every((r) => r.existing);
    const subjects: Subjects = stored ? { kind: 'stored', ids: todo.map((r) => Number(r.existing!.id)) } : { kind: 'new', rows: todo.map((r) => r.values) };
    const decisions = await decide(ctx.trx, def, subjects);
    todo.forEach((r, i) => {
      const d = decisions[i];
      if (!d) return;
      r.values[def.ownerField!] = d.userId;
      decided.set(r.values, d);
    });
  },
  async after(ctx, rows) {
    const owner = ctx.def.ownerField;
    if (!ctx.def.assignment || !owner) return;
    for (const r of rows) {
      const d = r.values && decided.get(r.values);
      if (!d) continue;
      decided.set(r.input, d);
      const before = r.existing ? r.existing[owner] : null;
      if (r.existing && Number(before) === d.userId) continue;
      await writeAudit(ctx.trx, {
        actorId: ctx.actor.id,
        action: 'assign',
        object: ctx.def.name,
        recordId: Number(r.row.id),
        changes: { [owner]: [before === null ? null : Number(before), d.userId], rule: { id: d.ruleId, name: d.ruleName } },
      });
    }
  },
};
