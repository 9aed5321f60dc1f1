import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { canReadField, requireDo, type Actor } from '../../core/access.ts';
import { writeAudit } from '../../core/audit.ts';
import { deliverSoon, writeEvents } from '../../core/events.ts';
import { AppError, forbidden, invalid, type FieldIssue } from '../../http/errors.ts';
import { loadVisible } from '../../records/service.ts';
import { orgCurrency } from '../../records/money.ts';
import { assertVersion } from '../../records/versions.ts';
import type { Row, Tx } from '../../records/types.ts';
import { minorDigits, Money, MONEY_LIMIT, parseMoney } from '../../../shared/money.ts';
import { MAX_INSTALMENTS, type GeneratePlanBody, type InstalmentInput, type InstalmentOut, type PutPlanBody } from '../../../shared/contracts/receivable-plans.ts';
import { addMonths, isDay } from './contracts.dates.ts';
import { orgToday } from '../../core/org-time.ts';
import { selectInstalments, selectTerms, writeInstalments, type InstalmentRow, type InstalmentWrite } from './contracts.repo.ts';
import { contractsObject as def } from './contracts.object.ts';

/*
 * A contract's receivable plan (回款计划): instalments with due dates whose amounts add up to at
 * most the contract's value. Their paid amounts come from payment allocations (contracts.billing.ts),
 * so replacing the plan keeps an instalment that has payments (by id) and refuses to drop it or
 * lower it under what was paid (409 instalment_has_payments); an invoiced one keeps its amount.
 * A role that may not read the contract's value sees no amount of its plan and may not change it.
 */

/** The stored status follows the payments; overdue (unpaid past its due date) is derived for every answer too. */
export function instalmentStatus(amount: string, paid: string, due: string, today: string): InstalmentOut['status'] {
  const a = new Money(amount);
  const p = new Money(paid);
  if (p.gte(a)) return 'paid';
  if (due < today) return 'overdue';
  return p.isZero() ? 'planned' : 'partially_paid';
}

const moneyVisible = (actor: Actor) => canReadField(actor, def.name, 'value');
const currencyOf = (contract: Row, org: string): string => contract.currency || org;

function answer(actor: Actor, contract: Row, rows: InstalmentRow[], org: string, today: string) {
  const visible = moneyVisible(actor);
  const currency = currencyOf(contract, org);
  const digits = minorDigits(currency);
  const m = (v: InstanceType<typeof Money>) => (visible ? v.toFixed(digits) : null);
  let planned = new Money(0);
  let paid = new Money(0);
  const instalments = rows.map((r): InstalmentOut => {
    planned = planned.plus(r.amount);
    paid = paid.plus(r.paid_amount);
    return {
      id: r.id, sequence: r.sequence, due_date: r.due_date, amount: m(new Money(r.amount)), paid_amount: m(new Money(r.paid_amount)),
      open: m(Money.max(new Money(r.amount).minus(r.paid_amount), 0)), status: instalmentStatus(r.amount, r.paid_amount, r.due_date, today),
      note: r.note, invoiced: new Money(r.invoiced_quantity).gt(0),
    };
  });
  const value = new Money(contract.value ?? 0);
  return {
    contract_id: Number(contract.id), currency, version: contract.version as number, money_visible: visible,
    value: m(value), instalments,
    totals: visible ? { planned: m(planned)!, paid: m(paid)!, open: m(planned.minus(paid))!, unplanned: m(value.minus(planned))! } : null,
  };
}

/** GET /contracts/{id}/plan: read on contracts, the contract visible (else not_found, as for a missing one). */
export async function getPlan(db: Kysely<DB>, actor: Actor, id: number) {
  requireDo(actor, def, 'read');
  const contract = await loadVisible(db, def, actor, id);
  return answer(actor, contract, await selectInstalments(db, id), await orgCurrency(db), await orgToday(db));
}

/** GET /contracts/{id}/terms: the ended terms of a contract the actor may read. */
export async function getTerms(db: Kysely<DB>, actor: Actor, id: number) {
  requireDo(actor, def, 'read');
  await loadVisible(db, def, actor, id);
  return (await selectTerms(db, id)).map((r) => ({ ...r, renewed_at: new Date(r.renewed_at).toISOString() }));
}

/** Checks the submitted instalments (400 with one issue per bad cell, nothing written). */
function checkInputs(inputs: InstalmentInput[], currency: string, stored: Map<number, InstalmentRow>): { drafts: InstalmentWrite[]; total: InstanceType<typeof Money> } {
  const issues: FieldIssue[] = [];
  if (inputs.length > MAX_INSTALMENTS) throw invalid([{ field: 'instalments', message: `At most ${MAX_INSTALMENTS} instalments`, code: 'too_many_instalments' }]);
  const digits = minorDigits(currency);
  const seen = new Set<number>();
  let total = new Money(0);
  const drafts = inputs.map((x, i): InstalmentWrite => {
    const at = (k: string) => `instalments.${i}.${k}`;
    if (x.id !== undefined && (!stored.has(x.id) || seen.has(x.id))) issues.push({ field: at('id'), message: 'Not an instalment of this plan', code: 'unknown_instalment' });
    if (x.id !== undefined) seen.add(x.id);
    if (!isDay(x.due_date)) issues.push({ field: at('due_date'), message: 'Must be a date (YYYY-MM-DD)', code: 'invalid_date' });
    const amount = parseMoney(x.amount);
    if (!amount || amount.lte(0) || amount.gte(MONEY_LIMIT)) issues.push({ field: at('amount'), message: 'Must be an amount above zero', code: 'invalid_amount' });
    else if (amount.decimalPlaces() > digits) issues.push({ field: at('amount'), message: `${currency} has ${digits} decimals`, code: 'too_many_decimals' });
    else total = total.plus(amount);
    return { id: x.id, sequence: i + 1, due_date: x.due_date, amount: amount?.toString() ?? '0', status: 'planned', note: x.note?.trim() || null };
  });
  if (issues.length) throw invalid(issues);
  return { drafts, total };
}

/** Instalments with payments or invoices stay, at no less than paid, and an invoiced amount is fixed (409, nothing written). */
function checkKept(drafts: InstalmentWrite[], stored: Map<number, InstalmentRow>, today: string): number[] {
  const kept = new Map(drafts.filter((d) => d.id).map((d) => [d.id!, d]));
  const removed: number[] = [];
  for (const [id, s] of stored) {
    const d = kept.get(id);
    const paid = new Money(s.paid_amount);
    const invoiced = new Money(s.invoiced_quantity).gt(0);
    if (!d) {
      if (paid.gt(0)) throw new AppError('instalment_has_payments', `Instalment ${s.sequence} has payments and cannot be removed`, { reason: 'instalment_has_payments', sequence: s.sequence });
      if (invoiced) throw new AppError('conflict', `Instalment ${s.sequence} was invoiced and cannot be removed`, { reason: 'instalment_invoiced', sequence: s.sequence });
      removed.push(id);
      continue;
    }
    if (new Money(d.amount).lt(paid)) throw new AppError('instalment_has_payments', `Instalment ${s.sequence} cannot be less than its payments`, { reason: 'instalment_has_payments', sequence: s.sequence });
    if (invoiced && !new Money(d.amount).eq(s.amount)) throw new AppError('conflict', `Instalment ${s.sequence} was invoiced: its amount is fixed`, { reason: 'instalment_invoiced', sequence: s.sequence });
    d.status = instalmentStatus(d.amount, s.paid_amount, d.due_date, today);
  }
  for (const d of drafts) if (!d.id) d.status = instalmentStatus(d.amount, '0', d.due_date, today);
  return removed;
}

/** Replaces the plan of a locked, visible contract: checks, writes, audit and the contract's `updated` event. */
async function replacePlan(trx: Tx, actor: Actor, contract: Row, inputs: InstalmentInput[], action: string) {
  if (!moneyVisible(actor)) throw forbidden('Your role may not see the amounts of this plan');
  const org = await orgCurrency(trx);
  const currency = currencyOf(contract, org);
  const before = await selectInstalments(trx, contract.id);
  const stored = new Map(before.map((r) => [r.id, r]));
  const { drafts, total } = checkInputs(inputs, currency, stored);
  const value = new Money(contract.value ?? 0);
  if (total.gt(value)) {
    throw new AppError('plan_exceeds_value', 'The instalments add up to more than the contract value', { reason: 'plan_exceeds_value', planned: total.toFixed(minorDigits(currency)), value: value.toFixed(minorDigits(currency)) });
  }
  // Overdue or not is judged on the organisation's day (settings time_zone).
  const today = await orgToday(trx);
  const removed = checkKept(drafts, stored, today);
  await writeInstalments(trx, contract.id, removed, drafts);
  const rows = await selectInstalments(trx, contract.id);
  const summary = (list: { due_date: string; amount: string }[]) => list.map((r) => `${r.due_date} ${new Money(r.amount).toFixed(minorDigits(currency))}`);
  const changes: Record<string, [unknown, unknown]> = { plan: [summary(before), summary(rows)] };
  await writeAudit(trx, { actorId: actor.id, action, object: def.name, recordId: contract.id, changes });
  await writeEvents(trx, [{ type: 'updated', object: def.name, id: contract.id, actorId: actor.id, changes }]);
  return answer(actor, contract, rows, org, today);
}

/** Opens the write: update on contracts, the contract visible and locked, its version checked when given. */
async function writePlan<T>(db: Kysely<DB>, actor: Actor, id: number, version: number | undefined, fn: (trx: Tx, contract: Row) => Promise<T>): Promise<T> {
  requireDo(actor, def, 'update');
  const out = await db.transaction().execute(async (trx) => {
    const contract = await loadVisible(trx, def, actor, id, true);
    if (version !== undefined) await assertVersion(trx, def, actor, contract, version);
    return fn(trx, contract);
  });
  deliverSoon();
  return out;
}

/** PUT /contracts/{id}/plan: the whole new plan. */
export function putPlan(db: Kysely<DB>, actor: Actor, id: number, body: PutPlanBody) {
  return writePlan(db, actor, id, body.version, (trx, contract) => replacePlan(trx, actor, contract, body.instalments, 'plan'));
}

/** `count` instalments splitting `value` exactly: each the value / count rounded down to the minor unit, the remainder on the last. */
export function splitValue(value: string, count: number, currency: string): string[] {
  const digits = minorDigits(currency);
  const total = new Money(value);
  const each = total.div(count).toDecimalPlaces(digits, Money.ROUND_DOWN);
  const last = total.minus(each.times(count - 1));
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? last : each).toFixed(digits));
}

/** POST /contracts/{id}/plan/generate: replaces the plan by `count` instalments every `every_months` from `first_due_date`. */
export function generatePlan(db: Kysely<DB>, actor: Actor, id: number, body: GeneratePlanBody) {
  if (!isDay(body.first_due_date)) throw invalid([{ field: 'first_due_date', message: 'Must be a date (YYYY-MM-DD)', code: 'invalid_date' }]);
  return writePlan(db, actor, id, undefined, async (trx, contract) => {
    if (!moneyVisible(actor)) throw forbidden('Your role may not see the amounts of this plan');
    const currency = currencyOf(contract, await orgCurrency(trx));
    const value = new Money(contract.value ?? 0);
    if (value.lte(0)) throw invalid([{ field: 'value', message: 'The contract has no value to split', code: 'no_value' }]);
    const minor = new Money(10).pow(-minorDigits(currency));
    if (value.lt(minor.times(body.count))) throw invalid([{ field: 'count', message: 'Too many instalments for the value', code: 'out_of_range' }]);
    const amounts = splitValue(value.toString(), body.count, currency);
    const inputs = amounts.map((amount, i) => ({ due_date: addMonths(body.first_due_date, i * body.every_months), amount }));
    return replacePlan(trx, actor, contract, inputs, 'plan');
  });
}
