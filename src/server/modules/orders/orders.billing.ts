import { requireDo } from '../../core/access.ts';
import { writeAudit } from '../../core/audit.ts';
import { writeEvents } from '../../core/events.ts';
import { registerBillingSource, type BillableLine } from '../../core/billing.ts';
import { forbidden, invalid, type FieldIssue } from '../../http/errors.ts';
import { lineMoneyHidden } from '../../records/line-items.ts';
import { loadVisible } from '../../records/service.ts';
import { Money } from '../../../shared/money.ts';
import { addToLine, lockLines, readLines, setOrder, statusOf, type OrderLineRow } from './orders.repo.ts';
import { dec, ordersDef } from './orders.write.ts';

// Orders as a billing source for the invoices module (core/billing.ts). What a line may still be
// invoiced is what was delivered, less what came back and what was invoiced already:
// quantity_fulfilled − quantity_returned − quantity_invoiced. Services are delivered (and so
// become billable) through the same fulfil action as goods: one rule, no product type lookup.
// The order's overall discount is folded into each line's discount (1 − (1 − a)(1 − b)), as a
// billable line has no overall discount of its own.

/** Statuses whose delivered lines may be invoiced. */
const BILLABLE = ['confirmed', 'partially_fulfilled', 'fulfilled', 'invoiced'];

const open = (l: OrderLineRow) => dec(l.quantity_fulfilled).minus(l.quantity_returned).minus(l.quantity_invoiced);

function combinedDiscount(line: string, overall: unknown): string {
  const b = new Money(typeof overall === 'number' || typeof overall === 'string' ? overall : 0);
  if (b.isZero()) return dec(line).toString();
  return new Money(100).minus(new Money(100).minus(line).times(new Money(100).minus(b)).div(100)).toString();
}

/** Every line fully invoiced (what was not returned): the order is invoiced. */
const allInvoiced = (lines: OrderLineRow[]) => lines.length > 0 && lines.every((l) => dec(l.quantity_invoiced).gte(dec(l.quantity).minus(l.quantity_returned)));

registerBillingSource({
  object: 'orders',
  async billable(db, actor, id) {
    const def = ordersDef();
    requireDo(actor, def, 'read');
    const order = await loadVisible(db, def, actor, id);
    if (lineMoneyHidden(actor, def)) throw forbidden('Your role may not see the amounts of this order');
    const lines: BillableLine[] = !BILLABLE.includes(order.status) ? [] : (await readLines(db, id)).filter((l) => open(l).gt(0)).map((l) => ({
      source_line_id: Number(l.id), product_id: l.product_id === null ? null : Number(l.product_id), sku: l.sku, description: l.description, unit: l.unit,
      quantity: open(l).toString(), unit_price: dec(l.unit_price).toString(), discount_percent: combinedDiscount(l.discount_percent, order.discount_percent), tax_rate: dec(l.tax_rate).toString(),
    }));
    return {
      account_id: order.account_id ?? null, contact_id: order.contact_id ?? null, currency: order.currency, rounding_mode: order.rounding_mode === 'total' ? 'total' : 'per_line',
      prices_include_tax: order.prices_include_tax === true, lines,
    };
  },
  async invoiced(db, id, taken) {
    const lines = await lockLines(db, id);
    const byId = new Map(lines.map((l) => [Number(l.id), l]));
    const issues: FieldIssue[] = [];
    taken.forEach((t, i) => {
      const l = byId.get(t.source_line_id);
      if (!l) return void issues.push({ field: `lines[${i}].source_line_id`, message: 'Not a line of this order', code: 'unknown_line' });
      const after = dec(l.quantity_invoiced).plus(t.quantity);
      // A credit note (negative) may give back at most what was invoiced; an invoice take at most what is open.
      if (after.lt(0) || dec(t.quantity).gt(open(l))) issues.push({ field: `lines[${i}].quantity`, message: `At most ${open(l).toString()} may be invoiced on this line`, code: 'over_invoicing' });
      else l.quantity_invoiced = after.toString();
    });
    if (issues.length) throw invalid(issues);
    for (const t of taken) await addToLine(db, t.source_line_id, 'quantity_invoiced', dec(t.quantity).toString());
    const before = (await statusOf(db, id)) ?? 'draft';
    let status = before;
    if (allInvoiced(lines) && status !== 'cancelled') status = 'invoiced';
    else if (status === 'invoiced') status = lines.every((l) => dec(l.quantity_fulfilled).gte(l.quantity)) ? 'fulfilled' : 'partially_fulfilled';
    const changes = { status: [before, status] as [unknown, unknown], invoiced: Object.fromEntries(taken.map((t) => [t.source_line_id, t.quantity])) };
    if (status !== before) await setOrder(db, id, { status });
    await writeAudit(db, { actorId: null, action: 'invoiced', object: 'orders', recordId: id, changes });
    await writeEvents(db, [{ type: 'updated', object: 'orders', id, actorId: null, changes: { status: changes.status } }]);
  },
});
