import { pricingAccountId, pricingDate, type LinePricer } from '../../records/line-pricing.ts';
import type { PricedUnit } from '../../records/line-pricing.ts';
import { priceDetails } from './pricing.ts';
import { activeProducts, visibleAccountOrNull } from './resolve.service.ts';

/**
 * The line-items pricer (records/line-pricing.ts): a PUT of lines naming a product without a
 * unit price gets what POST /pricing/resolve answers for the parent's account, currency and
 * date, so the API and the line editor agree. An account the writer may not see prices as no
 * account (books for everyone, the default book, the list price): nothing about it is used.
 */
export const priceBookPricer: LinePricer = async (ctx, lines) => {
  if (ctx.def.lines?.productObject !== 'products') return new Map();
  const accountId = await visibleAccountOrNull(ctx.db, ctx.actor, pricingAccountId(ctx.def, ctx.parent));
  const products = await activeProducts(ctx.db, ctx.actor, lines.map((l) => l.product_id));
  const known = lines.filter((l) => products.has(l.product_id));
  const priced = await priceDetails(ctx.db, ctx.actor, { accountId, currency: ctx.currency, date: pricingDate(ctx.def, ctx.parent) }, known, products);
  const out = new Map<number, PricedUnit>();
  priced.forEach(({ line: p, book, min_quantity }, i) => {
    if (p.unit_price === null) return;
    // The source is the book and tier whatever the writer may read: readers' answers mask it (records/line-price-source.ts).
    const source = p.source === 'price_book' && book ? { kind: 'price_book' as const, price_book_id: book.id, price_book_name: book.name, min_quantity } : { kind: 'list' as const };
    out.set(known[i]!.index, { unit_price: p.unit_price, source });
  });
  return out;
};
