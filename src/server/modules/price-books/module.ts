import { defineModule } from '../../core/modules.ts';
import { registerLineCheck, registerLinePricer } from '../../records/line-pricing.ts';
import { priceBooksObject } from './price-books.object.ts';
import routes from './price-books.routes.ts';
import { priceBookPricer } from './line-pricer.ts';
import { relationsCheck } from './relations.service.ts';
import { priceBooksDemo } from './demo.ts';

// Price books, options and bundles (issue 13, catalogue and pricing): books per currency and
// audience with entries and quantity tiers, POST /pricing/resolve, product relations. Lines of
// any object picking products are priced from here when they leave the unit price out, and
// refused when they break a requires / excludes rule (records/line-pricing.ts).
registerLinePricer(priceBookPricer);
registerLineCheck(relationsCheck);

export default defineModule({ name: 'price-books', dir: import.meta.dirname, objects: [priceBooksObject], routes, demo: priceBooksDemo });
