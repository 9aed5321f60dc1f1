import { defineModule } from '../../core/modules.ts';
import { fapiaoObject } from './fapiao.object.ts';
import { fapiaoSellersObject } from './fapiao-sellers.object.ts';
import { fapiaoRoutes } from './fapiao.routes.ts';
import { fapiaoDemo } from './fapiao.demo.ts';
import './fapiao.providers.ts';

// Fapiao (发票, issue 13) as their own records: requested from issued invoices (fapiao_invoices,
// never more than an invoice has left), issued through a provider (manual now), reversed by
// red fapiao; the invoice page lists its fapiao (GET /invoices/{id}/fapiao).
export default defineModule({
  name: 'fapiao',
  dir: import.meta.dirname,
  objects: [fapiaoSellersObject, fapiaoObject],
  routes: fapiaoRoutes,
  references: [{ object: 'products', ref: { table: 'fapiao_lines', column: 'product_id' } }],
  demo: fapiaoDemo,
  // Fapiao for the quarter's paid invoices (seed/demo.ts demoOrder).
  demoAfter: ['payments'],
});
