import { defineModule } from '../../core/modules.ts';
import { ordersObject } from './orders.object.ts';
import { ordersRoutes } from './orders.routes.ts';
import { ordersDemo } from './demo.ts';
// Registers the open-orders part of credit exposure and orders as a billing source (core/billing.ts).
import './orders.credit.ts';
import './orders.billing.ts';

// Sales orders (issue 13): from an accepted quote or direct, confirmed through a credit check,
// fulfilled, returned, invoiced through the invoices module; GET/PUT /orders/{id}/lines come
// from modules/line-items (drafts only).
export default defineModule({
  name: 'orders',
  dir: import.meta.dirname,
  objects: [ordersObject],
  routes: ordersRoutes,
  demo: ordersDemo,
  // A merge of products moves the lines that picked them.
  references: [{ object: 'products', ref: { table: 'order_lines', column: 'product_id' } }],
});
