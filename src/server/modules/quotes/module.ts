import { defineModule } from '../../core/modules.ts';
import { quotesObject } from './quotes.object.ts';

// Quotes (v1): numbered documents for an account and contact with lines picked from the
// product catalogue; GET/PUT /quotes/{id}/lines come from modules/line-items.
export default defineModule({
  name: 'quotes',
  dir: import.meta.dirname,
  objects: [quotesObject],
  // A merge of products moves the lines that picked them.
  references: [{ object: 'products', ref: { table: 'quote_lines', column: 'product_id' } }],
});
