import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { requireDo, type Actor } from '../../core/access.ts';
import { diff, writeAudit } from '../../core/audit.ts';
import { deliverSoon, writeEvents } from '../../core/events.ts';
import { invalid, type FieldIssue } from '../../http/errors.ts';
import { afterWrite } from '../../records/hooks.ts';
import { getObject } from '../../records/registry.ts';
import { loadVisible, present } from '../../records/service.ts';
import { Money, parseMoney } from '../../../shared/money.ts';
import type { LineQuantity } from '../../../shared/contracts/orders.ts';
import { setOrder, type OrderLineRow } from './orders.repo.ts';
import type { Row } from '../../records/types.ts';

// The frame every order action runs in: the update right, the order visible (else 404 as for a
// missing one) and locked, one transaction holding the status change, the timeline refresh,
// the audit entry (named after the action, with what the action adds: the credit check, a
// reason) and the `updated` event. A refusal thrown by the action writes nothing.

export const ordersDef = () => getObject('orders');

/** An order as its reader sees it (records/service.ts present). */
export type OrderOut = Row & { id: number };

export interface ActionResult<T> {
  set: { status?: string; credit_status?: string | null };
  audit?: Row;
  extra?: T;
}

export async function runAction<T>(db: Kysely<DB>, actor: Actor, id: number, action: string,
  fn: (trx: Transaction<DB>, order: Row) => Promise<ActionResult<T>>): Promise<{ order: OrderOut; extra?: T }> {
  const def = ordersDef();
  requireDo(actor, def, 'update');
  const done = await db.transaction().execute(async (trx) => {
    const existing = await loadVisible(trx, def, actor, id, true);
    const { set, audit, extra } = await fn(trx, existing);
    const row = await setOrder(trx, id, set);
    await afterWrite({ trx, actor, def }, [{ row, existing, input: set }]);
    const changes = diff(existing, set);
    await writeAudit(trx, { actorId: actor.id, action, object: def.name, recordId: id, changes: { ...changes, ...audit } });
    await writeEvents(trx, [{ type: 'updated', object: def.name, id, actorId: actor.id, changes }]);
    return { row, extra };
  });
  deliverSoon();
  return { order: (await present(db, def, actor, done.row)) as OrderOut, extra: done.extra };
}

/**
 * Checks per-line quantities of an action against what each line has `available` (fulfil:
 * ordered − fulfilled; return: fulfilled − returned): every issue at once, with the line's index
 * and a stable code, so a refused request changes nothing. Answers the quantities by line id.
 */
export function checkQuantities(input: LineQuantity[], lines: OrderLineRow[], available: (l: OrderLineRow) => Money, overCode: string): Map<number, Money> {
  const byId = new Map(lines.map((l) => [Number(l.id), l]));
  const issues: FieldIssue[] = [];
  const out = new Map<number, Money>();
  input.forEach((q, i) => {
    const at = `lines[${i}]`;
    const line = byId.get(q.line_id);
    if (!line) return void issues.push({ field: `${at}.line_id`, message: 'Not a line of this order', code: 'unknown_line' });
    if (out.has(q.line_id)) return void issues.push({ field: `${at}.line_id`, message: 'The line is named twice', code: 'duplicate_line' });
    const m = parseMoney(q.quantity);
    if (!m || m.lte(0) || m.decimalPlaces() > 4) return void issues.push({ field: `${at}.quantity`, message: 'A positive quantity with at most 4 decimals', code: 'invalid_quantity' });
    const left = available(line);
    if (m.gt(left)) return void issues.push({ field: `${at}.quantity`, message: `At most ${left.toString()} on this line`, code: overCode });
    out.set(q.line_id, m);
  });
  if (issues.length) throw invalid(issues);
  return out;
}

export const dec = (v: string | number) => new Money(v);
