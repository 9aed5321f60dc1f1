import { sql } from 'kysely';
import { defineModule } from '../../core/modules.ts';
import { registerBillingSource, registerPaymentTarget } from '../../core/billing.ts';
import { loadVisible } from '../../records/service.ts';
import { parseMoney } from '../../../shared/money.ts';
import type { ObjectDef } from '../../records/types.ts';

// The billing test module: `test_orders` is a BillingSource (what orders and contracts register)
// and `test_instalment` a PaymentTarget kind, so modules/invoices and modules/payments are tested
// through the seams of core/billing.ts. Loaded only by tests (useTestApp({ modules: [dir] })).
export const testOrdersObject: ObjectDef = {
  name: 'test_orders',
  singular: 'test_order',
  titleField: 'name',
  ownerField: 'owner_id',
  currencyField: 'currency',
  fields: [
    { key: 'name', type: 'text', required: true, max: 200 },
    { key: 'account_id', type: 'link', link: 'accounts' },
    { key: 'owner_id', type: 'user' },
    { key: 'currency', type: 'text', max: 3 },
    { key: 'created_at', type: 'datetime', system: true },
    { key: 'updated_at', type: 'datetime', system: true },
  ],
};

registerBillingSource({
  object: 'test_orders',
  async billable(db, actor, id) {
    const order = await loadVisible(db, testOrdersObject, actor, id);
    const { rows } = await sql<{ id: number; description: string; left: string; unit_price: string; tax_rate: string }>`
      SELECT id, description, (quantity - invoiced)::text AS left, unit_price::text AS unit_price, tax_rate::text AS tax_rate
      FROM test_order_lines WHERE order_id = ${id} AND quantity > invoiced ORDER BY id`.execute(db);
    return {
      account_id: order.account_id, contact_id: null, currency: order.currency, rounding_mode: 'per_line', prices_include_tax: false,
      lines: rows.map((r) => ({
        source_line_id: Number(r.id), product_id: null, sku: null, description: r.description, unit: null,
        quantity: parseMoney(r.left)!.toString(), unit_price: r.unit_price, discount_percent: '0', tax_rate: r.tax_rate,
      })),
    };
  },
  async invoiced(db, id, taken) {
    for (const t of taken) {
      await sql`UPDATE test_order_lines SET invoiced = invoiced + ${t.quantity}::numeric WHERE id = ${t.source_line_id} AND order_id = ${id}`.execute(db);
    }
  },
});

registerPaymentTarget({
  kind: 'test_instalment',
  async open(db, _actor, ids) {
    const { rows } = await sql<{ id: number; account_id: number | null; currency: string; open: string }>`
      SELECT id, account_id, currency, (amount - paid)::text AS open FROM test_instalments WHERE id = ANY(${sql.val(ids)}::bigint[]) ORDER BY id FOR UPDATE`.execute(db);
    return new Map(rows.map((r) => [Number(r.id), { account_id: r.account_id === null ? null : Number(r.account_id), currency: r.currency, open: r.open }]));
  },
  async allocated(db, totals) {
    for (const t of totals) await sql`UPDATE test_instalments SET paid = ${t.paid}::numeric WHERE id = ${t.id}`.execute(db);
  },
});

export default defineModule({ name: 'billing-source', dir: import.meta.dirname, objects: [testOrdersObject] });
