// Each business module's web part, imported once for its registrations (./registry.ts).
// One line per module; keep them sorted.
import '../modules/commissions/index.tsx';
import '../modules/contracts/index.ts';
import '../modules/forecasts/index.tsx';
import '../modules/price-books/index.ts';
import '../modules/quotes/index.tsx';
import '../modules/sales-reports/index.tsx';
import '../modules/opportunities/index.tsx';

import '../modules/fapiao/index.tsx';
import '../modules/invoices/index.tsx';
import '../modules/payments/index.tsx';
export {};
import '../modules/orders/index.ts';
import '../modules/territories/index.tsx';

