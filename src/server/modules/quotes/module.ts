import { defineModule } from '../../core/modules.ts';
import { registerFileUse } from '../../jobs/retention.ts';
import { quotesObject } from './quotes.object.ts';
import quotesRoutes from './quotes.routes.ts';
import { quotesDemo } from './demo.ts';
import quotePublicRoutes, { quotePublicPages } from './quotes.public.routes.ts';
import { EXPIRY_CRON, EXPIRY_JOB, expireQuotes } from './quotes.expiry.ts';

// The PDF a quote was sent with is kept as long as the quote (jobs/retention.ts leaves it).
registerFileUse('quotes', 'sent_pdf_file_id');

// Quotes: numbered documents for an account and contact with lines picked from the product
// catalogue (GET/PUT /quotes/{id}/lines come from modules/line-items); v2 (issue 13): the status
// flow with approval, sending with the PDF frozen, versions, and the customer's accept link
// (/q/{token} and /api/v1/public/quotes/{token}).
export default defineModule({
  name: 'quotes',
  dir: import.meta.dirname,
  objects: [quotesObject],
  demo: quotesDemo,
  routes: async (app) => {
    await quotesRoutes(app);
    await quotePublicRoutes(app);
  },
  pages: quotePublicPages,
  // Daily: sent (or approved, unsent) quotes past their valid_until become expired (quotes.expiry.ts).
  jobs: (app) => app.jobs.schedule(EXPIRY_JOB, EXPIRY_CRON, async () => void (await expireQuotes(app.db))),
  // A merge of products moves the lines that picked them.
  references: [{ object: 'products', ref: { table: 'quote_lines', column: 'product_id' } }],
});
