import { defineModule } from '../../core/modules.ts';
import { opportunitiesObject } from './opportunities.object.ts';
import opportunitiesRoutes from './opportunities.routes.ts';
import { opportunitiesDemo } from './demo.ts';

// Pipelines and opportunities (issue 13): admin-managed pipelines with ordered stages
// (/pipelines), opportunities in them with lines, contact roles, an append-only history, and a
// kanban per pipeline with column totals (/opportunities/board); a quote made from one.
export default defineModule({
  name: 'opportunities',
  dir: import.meta.dirname,
  objects: [opportunitiesObject],
  routes: opportunitiesRoutes,
  demo: opportunitiesDemo,
  // Demo only: its deals' lines are priced by the demo price books, in the demo territories.
  demoAfter: ['price-books', 'territories'],
  // A merge of products moves the lines that picked them; a merge of contacts their roles.
  references: [
    { object: 'products', ref: { table: 'opportunity_lines', column: 'product_id' } },
    { object: 'contacts', ref: { table: 'opportunity_contacts', column: 'contact_id', uniqueWith: 'opportunity_id' } },
  ],
});
