import { defineModule } from '../../core/modules.ts';
import { paymentsObject } from './payments.object.ts';
import { paymentsRoutes } from './payments.routes.ts';
import { paymentsDemo } from './demo.ts';
import './payments.billing.ts';

// Payments received (issue 13) and their allocations to invoices or any registered payment
// target (core/billing.ts); invoices are reached only through that registry.
export default defineModule({
  name: 'payments',
  dir: import.meta.dirname,
  objects: [paymentsObject],
  routes: paymentsRoutes,
  demo: paymentsDemo,
});
