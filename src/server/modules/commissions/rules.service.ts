import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { requireCan, type Actor } from '../../core/access.ts';
import { writeAudit } from '../../core/audit.ts';
import { AppError, invalid, notFound, type FieldIssue } from '../../http/errors.ts';
import { parseMoney } from '../../../shared/money.ts';
import type { RuleInput } from '../../../shared/contracts/commissions.ts';
import { deleteRule, findRule, insertRule, listRules, missingIds, updateRule, type RuleRow, type RuleValues } from './rules.repo.ts';

// Commission rules (plans): read by every signed-in user (a rep may see how they are paid),
// written by administrators. Every value is checked before anything is written.

export async function getRules(db: Kysely<DB>, _actor: Actor): Promise<RuleRow[]> {
  return listRules(db);
}

async function checked(db: Kysely<DB>, v: RuleValues): Promise<RuleValues> {
  const issues: FieldIssue[] = [];
  const tiers = v.tiers.map((t, i) => {
    const from = parseMoney(t.from);
    const rate = parseMoney(t.rate);
    if (!from || from.isNeg()) issues.push({ field: `tiers.${i}.from`, message: 'A tier starts at an amount of 0 or more', code: 'invalid_amount' });
    if (!rate || rate.isNeg() || rate.gt(100)) issues.push({ field: `tiers.${i}.rate`, message: 'A rate is a percent from 0 to 100', code: 'rate_out_of_range' });
    return { from: from?.toString() ?? '0', rate: rate?.toString() ?? '0' };
  });
  if (!issues.length) {
    if (!parseMoney(tiers[0]!.from)!.isZero()) issues.push({ field: 'tiers.0.from', message: 'The first tier starts at 0', code: 'first_tier_not_zero' });
    tiers.forEach((t, i) => {
      if (i > 0 && !parseMoney(t.from)!.gt(tiers[i - 1]!.from)) issues.push({ field: `tiers.${i}.from`, message: 'Tiers start at ascending amounts', code: 'tiers_not_ascending' });
    });
  }
  for (const id of await missingIds(db, 'users', v.user_ids)) issues.push({ field: 'user_ids', message: `No user ${id}`, code: 'unknown_user' });
  for (const id of await missingIds(db, 'teams', v.team_ids)) issues.push({ field: 'team_ids', message: `No team ${id}`, code: 'unknown_team' });
  if (issues.length) throw invalid(issues);
  if (v.valid_from && v.valid_to && v.valid_to < v.valid_from) throw new AppError('end_before_start', 'The rule ends before it starts', [{ field: 'valid_to', message: 'Before valid_from', code: 'end_before_start' }]);
  return { ...v, tiers };
}

function values(input: Partial<RuleInput>, base?: RuleRow): RuleValues {
  const pick = <K extends keyof RuleValues>(k: K, fallback: RuleValues[K]): RuleValues[K] => (input[k as keyof RuleInput] !== undefined ? (input[k as keyof RuleInput] as RuleValues[K]) : base ? base[k] : fallback);
  return {
    name: pick('name', ''), basis: pick('basis', 'booked'), tier_mode: pick('tier_mode', 'marginal'),
    tiers: input.tiers ? input.tiers.map((t) => ({ from: String(t.from), rate: String(t.rate) })) : base?.tiers ?? [],
    product_category: pick('product_category', null) || null, team_ids: [...new Set(pick('team_ids', []))], user_ids: [...new Set(pick('user_ids', []))],
    valid_from: pick('valid_from', null), valid_to: pick('valid_to', null), clawback_days: pick('clawback_days', 0), active: pick('active', true),
  };
}

export async function createRule(db: Kysely<DB>, actor: Actor, input: RuleInput): Promise<RuleRow> {
  requireCan(actor, 'admin');
  const v = await checked(db, values(input));
  return db.transaction().execute(async (trx) => {
    const id = await insertRule(trx, v);
    await writeAudit(trx, { actorId: actor.id, action: 'create', object: 'commission_rules', recordId: id, changes: { name: [null, v.name] } });
    return (await findRule(trx, id))!;
  });
}

export async function patchRule(db: Kysely<DB>, actor: Actor, id: number, input: Partial<RuleInput>): Promise<RuleRow> {
  requireCan(actor, 'admin');
  return db.transaction().execute(async (trx) => {
    const rule = await findRule(trx, id);
    if (!rule) throw notFound('Commission rule');
    const v = await checked(trx as Kysely<DB>, values(input, rule));
    await updateRule(trx, id, v);
    await writeAudit(trx, { actorId: actor.id, action: 'update', object: 'commission_rules', recordId: id, changes: { rule: [rule, v] } });
    return (await findRule(trx, id))!;
  });
}

export async function removeRule(db: Kysely<DB>, actor: Actor, id: number): Promise<void> {
  requireCan(actor, 'admin');
  await db.transaction().execute(async (trx) => {
    const rule = await findRule(trx, id);
    if (!rule) throw notFound('Commission rule');
    await deleteRule(trx, id);
    await writeAudit(trx, { actorId: actor.id, action: 'delete', object: 'commission_rules', recordId: id, changes: { name: [rule.name, null] } });
  });
}
