import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { canReadField, requireDo, visibilityCondition, type Actor } from '../../core/access.ts';
import { sql } from 'kysely';
import { diff, writeAudit } from '../../core/audit.ts';
import { deliverSoon, writeEvents } from '../../core/events.ts';
import { paymentTarget } from '../../core/billing.ts';
import { AppError, forbidden, invalid, notFound, type FieldIssue } from '../../http/errors.ts';
import { getObject } from '../../records/registry.ts';
import { createRecordIn, getRecord, loadVisible } from '../../records/service.ts';
import { orgCurrency } from '../../records/money.ts';
import { minorDigits, parseMoney, type Money } from '../../../shared/money.ts';
import type { PutAllocationsBody, RecordPaymentBody } from '../../../shared/contracts/payments.ts';
import type { Row, Tx } from '../../records/types.ts';
import { allocationsToTarget, replaceAllocations, selectAllocations, setPayment, targetTotals } from './payments.repo.ts';
import { paymentOnTimeline } from './payments.object.ts';

// A payment's allocations: the whole set replaced in one transaction with the payment locked,
// then each target (core/billing.ts PaymentTarget, 'invoice' registered by modules/invoices)
// locked by its module's open() before its open amount is read, so two allocations to one
// invoice wait for each other and cannot overpay it. Every refusal comes before a write.

const def = () => getObject('payments');
const m = (v: unknown): Money => parseMoney(v ?? 0)!;
const key = (kind: string, id: number) => `${kind}:${id}`;
const amountsHidden = (actor: Actor) => ['amount', 'amount_allocated', 'amount_unapplied'].some((f) => !canReadField(actor, 'payments', f));

function answer(actor: Actor, payment: Row, rows: { id: number; target_kind: string; target_id: number; amount: string }[], org: string) {
  const currency = payment.currency || org;
  const d = minorDigits(currency);
  if (amountsHidden(actor)) return { allocations: rows.map(({ amount: _a, ...r }) => r), currency };
  return {
    allocations: rows.map((r) => ({ ...r, amount: m(r.amount).toFixed(d) })), currency,
    amount: m(payment.amount).toFixed(d), allocated: m(payment.amount_allocated).toFixed(d), unapplied: m(payment.amount_unapplied).toFixed(d),
  };
}

export async function getAllocations(db: Kysely<DB>, actor: Actor, paymentId: number) {
  requireDo(actor, def(), 'read');
  const payment = await loadVisible(db, def(), actor, paymentId);
  return answer(actor, payment, await selectAllocations(db, paymentId), await orgCurrency(db));
}

/** Checks and writes the new set inside the caller's transaction (payment row already locked). */
async function allocateIn(trx: Tx, actor: Actor, payment: Row, wanted: PutAllocationsBody['allocations']): Promise<Row> {
  const org = await orgCurrency(trx);
  const currency = payment.currency || org;
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const parsed = wanted.map((a, i) => {
    const amount = parseMoney(a.amount);
    if (!paymentTarget(a.target_kind)) issues.push({ field: `allocations[${i}].target_kind`, message: 'Not something a payment is allocated to', code: 'unknown_target_kind' });
    if (seen.has(key(a.target_kind, a.target_id))) issues.push({ field: `allocations[${i}].target_id`, message: 'Allocated twice', code: 'duplicate_target' });
    seen.add(key(a.target_kind, a.target_id));
    if (!amount || amount.lte(0)) issues.push({ field: `allocations[${i}].amount`, message: 'A positive amount', code: 'not_positive' });
    else if (amount.decimalPlaces() > minorDigits(currency)) issues.push({ field: `allocations[${i}].amount`, message: `At most ${minorDigits(currency)} decimals`, code: 'too_many_decimals' });
    return { ...a, amount: amount ?? m(0) };
  });
  if (issues.length) throw invalid(issues);
  const total = parsed.reduce((s, a) => s.plus(a.amount), m(0));
  if (total.gt(m(payment.amount))) {
    throw new AppError('over_payment', 'The allocations exceed the payment', { reason: 'over_payment', amount: m(payment.amount).toString(), allocated: total.toString() });
  }
  const before = await selectAllocations(trx, payment.id);
  const old = new Map(before.map((b) => [key(b.target_kind, b.target_id), m(b.amount)]));
  const kinds = new Set([...parsed.map((a) => a.target_kind), ...before.map((b) => b.target_kind)]);
  for (const kind of kinds) {
    const mine = parsed.filter((a) => a.target_kind === kind);
    if (!mine.length) continue;
    const open = await paymentTarget(kind)!.open(trx, actor, [...new Set(mine.map((a) => a.target_id))].sort((x, y) => x - y));
    for (const a of mine) {
      const o = open.get(a.target_id);
      if (!o) throw notFound(kind);
      if (o.currency !== currency) throw new AppError('currency_mismatch', `The ${kind} is in ${o.currency}, the payment in ${currency}`, { reason: 'currency_mismatch', target_kind: kind, target_id: a.target_id });
      if (o.account_id !== null && payment.account_id !== null && o.account_id !== Number(payment.account_id)) {
        throw invalid([{ field: 'allocations', message: `The ${kind} belongs to another account`, code: 'other_account' }]);
      }
      const available = m(o.open).plus(old.get(key(kind, a.target_id)) ?? 0);
      if (a.amount.gt(available)) {
        throw new AppError('over_allocation', `Only ${available.toString()} is open on this ${kind}`, { reason: 'over_allocation', target_kind: kind, target_id: a.target_id, open: available.toString() });
      }
    }
  }
  await replaceAllocations(trx, payment.id, parsed.map((a) => ({ target_kind: a.target_kind, target_id: a.target_id, amount: a.amount.toString() })));
  for (const kind of kinds) {
    const ids = [...new Set([...parsed, ...before].filter((a) => a.target_kind === kind).map((a) => a.target_id))].sort((x, y) => x - y);
    await paymentTarget(kind)?.allocated(trx, await targetTotals(trx, kind, ids));
  }
  const set = { amount_allocated: total.toString(), amount_unapplied: m(payment.amount).minus(total).toString() };
  const row = await setPayment(trx, payment.id, set);
  const changes = { ...diff(payment, set), allocations: [before.length, parsed.length] as [unknown, unknown] };
  await writeAudit(trx, { actorId: actor.id, action: 'allocate', object: 'payments', recordId: payment.id, changes });
  await writeEvents(trx, [{ type: 'updated', object: 'payments', id: payment.id, actorId: actor.id, changes }]);
  return row;
}

/** PUT /payments/{id}/allocations: the whole set. */
export async function putAllocations(db: Kysely<DB>, actor: Actor, paymentId: number, body: PutAllocationsBody) {
  requireDo(actor, def(), 'update');
  const result = await db.transaction().execute(async (trx) => {
    const payment = await loadVisible(trx, def(), actor, paymentId, true);
    if (amountsHidden(actor)) throw forbidden('Your role may not see the amounts of payments');
    const row = await allocateIn(trx, actor, payment, body.allocations);
    return answer(actor, row, await selectAllocations(trx, paymentId), await orgCurrency(trx));
  });
  deliverSoon();
  return result;
}

/** POST /payments/record: a payment received for one invoice, allocated to it in the same transaction. */
export async function recordPayment(db: Kysely<DB>, actor: Actor, body: RecordPaymentBody) {
  requireDo(actor, def(), 'create');
  if (amountsHidden(actor)) throw forbidden('Your role may not see the amounts of payments');
  const target = paymentTarget('invoice');
  if (!target) throw notFound('invoice');
  const id = await db.transaction().execute(async (trx) => {
    const o = (await target.open(trx, actor, [body.invoice_id])).get(body.invoice_id);
    if (!o) throw notFound('invoice');
    const created = await createRecordIn(trx, def(), actor, {
      account_id: o.account_id, amount: body.amount, currency: o.currency, method: body.method, received_on: body.received_on,
      reference: body.reference ?? null, note: body.note ?? null,
    });
    await allocateIn(trx, actor, created, [{ target_kind: 'invoice', target_id: body.invoice_id, amount: body.amount }]);
    await paymentOnTimeline(trx, created, actor.id);
    return created.id as number;
  });
  deliverSoon();
  return getRecord(db, def(), actor, id);
}

/** GET /payments/to/{kind}/{id}: the payments allocated to a target the actor may see (an invoice's payments tab). */
export async function paymentsOfTarget(db: Kysely<DB>, actor: Actor, kind: string, id: number) {
  requireDo(actor, def(), 'list');
  const target = paymentTarget(kind);
  if (!target) throw notFound(kind);
  // open() locks: read it in a transaction of its own, over at once.
  const seen = await db.transaction().execute(async (trx) => (await target.open(trx, actor, [id])).has(id));
  if (!seen) throw notFound(kind);
  const org = await orgCurrency(db);
  const rows = await allocationsToTarget(db, kind, id, visibilityCondition(actor, 'payments', sql.ref('p.owner_id')));
  const hide = amountsHidden(actor);
  return rows.map(({ amount, currency, ...r }) => ({ ...r, currency: currency || org, ...(hide ? {} : { amount: m(amount).toFixed(minorDigits(currency || org)) }) }));
}
