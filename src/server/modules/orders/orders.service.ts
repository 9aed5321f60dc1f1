import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { requireDo, type Actor } from '../../core/access.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import { loadVisible } from '../../records/service.ts';
import type { FulfilBody, ReturnBody } from '../../../shared/contracts/orders.ts';
import { checkCredit, presentCredit } from './orders.credit.ts';
import { addToLine, insertReturn, listReturns, lockLines, readLines, type OrderLineRow } from './orders.repo.ts';
import { wrongStatus } from './orders.errors.ts';
import { checkQuantities, dec, ordersDef, runAction } from './orders.write.ts';

// The actions that move an order (POST /orders/{id}/confirm, /fulfil, /return, /cancel,
// /release): draft → confirmed (or on_hold by the credit check) → partially_fulfilled →
// fulfilled → invoiced (by the invoices module, orders.billing.ts); cancelled before anything
// was delivered. Each runs in runAction (orders.write.ts).

/** Who may release a credit hold. */
const RELEASERS = ['admin', 'manager'];

/** Fulfilled when every line is delivered in full, else partially. */
const fulfilment = (lines: OrderLineRow[]) => (lines.every((l) => dec(l.quantity_fulfilled).gte(l.quantity)) ? 'fulfilled' : 'partially_fulfilled');

export async function confirmOrder(db: Kysely<DB>, actor: Actor, id: number) {
  const r = await runAction(db, actor, id, 'confirm', async (trx, order) => {
    if (order.status !== 'draft') throw wrongStatus('confirmed', order.status);
    if (!(await lockLines(trx, id)).length) throw new AppError('conflict', 'An order needs at least one line to be confirmed', { reason: 'order_has_no_lines' });
    const check = await checkCredit(trx, order, true);
    const hold = check.result === 'hold';
    return {
      set: { status: hold ? 'on_hold' : 'confirmed', credit_status: check.result === 'ok' ? 'ok' : check.result },
      audit: { credit_check: { result: check.result, over_limit: check.over_limit, overdue: check.overdue, policy: check.policy } },
      extra: check,
    };
  });
  const check = r.extra!;
  return {
    order: r.order, credit: await presentCredit(db, actor, check),
    ...(check.result === 'warning' ? { credit_warning: true } : {}), ...(check.result === 'hold' ? { credit_hold: true } : {}),
  };
}

/** A manager or administrator confirms an order held by the credit check, with a reason (audited). */
export async function releaseOrder(db: Kysely<DB>, actor: Actor, id: number, reason: string) {
  if (!RELEASERS.includes(actor.role)) throw forbidden('Only a manager or an administrator may release a credit hold');
  const r = await runAction(db, actor, id, 'release', async (_trx, order) => {
    if (order.status !== 'on_hold') throw new AppError('conflict', 'The order is not on credit hold', { reason: 'order_not_on_hold', status: order.status });
    return { set: { status: 'confirmed', credit_status: 'released' }, audit: { reason } };
  });
  return { order: r.order };
}

export async function fulfilOrder(db: Kysely<DB>, actor: Actor, id: number, body: FulfilBody) {
  const r = await runAction(db, actor, id, 'fulfil', async (trx, order) => {
    if (order.status !== 'confirmed' && order.status !== 'partially_fulfilled') throw wrongStatus('fulfilled', order.status);
    const lines = await lockLines(trx, id);
    const qty = checkQuantities(body.lines, lines, (l) => dec(l.quantity).minus(l.quantity_fulfilled), 'over_fulfilment');
    for (const [lineId, q] of qty) await addToLine(trx, lineId, 'quantity_fulfilled', q.toString());
    const after = lines.map((l) => ({ ...l, quantity_fulfilled: dec(l.quantity_fulfilled).plus(qty.get(Number(l.id)) ?? 0).toString() }));
    return { set: { status: fulfilment(after) }, audit: { fulfilled: Object.fromEntries([...qty].map(([k, v]) => [k, v.toString()])) } };
  });
  return { order: r.order };
}

/** Goods sent back: per line at most what was delivered and not yet returned; a return row with its reason. */
export async function returnGoods(db: Kysely<DB>, actor: Actor, id: number, body: ReturnBody) {
  const r = await runAction(db, actor, id, 'return', async (trx, order) => {
    if (!['partially_fulfilled', 'fulfilled', 'invoiced'].includes(order.status)) throw wrongStatus('returned', order.status);
    const lines = await lockLines(trx, id);
    const qty = checkQuantities(body.lines, lines, (l) => dec(l.quantity_fulfilled).minus(l.quantity_returned), 'over_return');
    for (const [lineId, q] of qty) await addToLine(trx, lineId, 'quantity_returned', q.toString());
    const returnId = await insertReturn(trx, id, body.reason, actor.id, [...qty].map(([line_id, q]) => ({ line_id, quantity: q.toString() })));
    return { set: {}, audit: { return_id: returnId, reason: body.reason, returned: Object.fromEntries([...qty].map(([k, v]) => [k, v.toString()])) } };
  });
  return { order: r.order };
}

/** Cancelled before anything was delivered (after a delivery, goods come back by a return). */
export async function cancelOrder(db: Kysely<DB>, actor: Actor, id: number, reason?: string) {
  const r = await runAction(db, actor, id, 'cancel', async (trx, order) => {
    if (!['draft', 'confirmed', 'on_hold'].includes(order.status)) throw wrongStatus('cancelled', order.status);
    return { set: { status: 'cancelled' }, audit: reason ? { reason } : {} };
  });
  return { order: r.order };
}

/** GET /orders/{id}/credit: the check as it stands now, as the caller may see it. */
export async function orderCredit(db: Kysely<DB>, actor: Actor, id: number) {
  const def = ordersDef();
  requireDo(actor, def, 'read');
  const order = await loadVisible(db, def, actor, id);
  return presentCredit(db, actor, await checkCredit(db, order, false));
}

/** GET /orders/{id}/progress: quantities per line (no amounts) and the returns. */
export async function orderProgress(db: Kysely<DB>, actor: Actor, id: number) {
  const def = ordersDef();
  requireDo(actor, def, 'read');
  await loadVisible(db, def, actor, id);
  const plain = (v: string) => dec(v).toString();
  const lines = (await readLines(db, id)).map((l) => ({
    id: Number(l.id), position: l.position, description: l.description, unit: l.unit, quantity: plain(l.quantity),
    quantity_fulfilled: plain(l.quantity_fulfilled), quantity_returned: plain(l.quantity_returned), quantity_invoiced: plain(l.quantity_invoiced),
  }));
  const returns = (await listReturns(db, id)).map((r) => ({ ...r, id: Number(r.id), created_by: r.created_by === null ? null : Number(r.created_by), created_at: new Date(r.created_at).toISOString(), lines: r.lines.map((l) => ({ line_id: Number(l.line_id), quantity: plain(l.quantity) })) }));
  return { lines, returns };
}
