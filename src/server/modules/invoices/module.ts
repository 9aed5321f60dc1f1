import { defineModule } from '../../core/modules.ts';
import { invoicesObject } from './invoices.object.ts';
import { invoicesRoutes } from './invoices.routes.ts';
import { invoicesDemo } from './demo.ts';
import { runCollections } from './collections.service.ts';
import { beforeInvoiceDelete } from './invoices.service.ts';
import './invoices.billing.ts';

// Invoices and credit notes (issue 13): numbered documents with lines (GET/PUT
// /invoices/{id}/lines from modules/line-items while draft), made by hand or from a billing
// source (core/billing.ts: orders, contracts), issued, voided, credited; paid through payment
// allocations (the 'invoice' payment target, invoices.billing.ts); collections and ageing.
invoicesObject.beforeDelete = async (ctx, row) => beforeInvoiceDelete(ctx.trx, row);

export default defineModule({
  name: 'invoices',
  dir: import.meta.dirname,
  objects: [invoicesObject],
  routes: invoicesRoutes,
  demo: invoicesDemo,
  // Demo only: the demo bills its orders and contracts (the migrations need neither module).
  demoAfter: ['orders', 'contracts'],
  references: [{ object: 'products', ref: { table: 'invoice_lines', column: 'product_id' } }],
  jobs(app) {
    // Daily at 01:00 UTC: overdue reminders once per invoice and bucket, broken promises to pay.
    app.jobs.schedule('invoices.collections', '0 1 * * *', async () => void (await runCollections(app.db)));
  },
});
