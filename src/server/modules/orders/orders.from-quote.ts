import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { requireDo, type Actor } from '../../core/access.ts';
import { deliverSoon } from '../../core/events.ts';
import { writeAudit } from '../../core/audit.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { findObject } from '../../records/registry.ts';
import { createRecordIn, loadVisible, present } from '../../records/service.ts';
import { lineMoneyHidden, writeLinesIn } from '../../records/line-items.ts';
import { selectLines } from '../../records/line-items-sql.ts';
import { sourceOfRow } from '../../records/line-price-source.ts';
import type { Row } from '../../records/types.ts';
import { liveOrderOfQuote, setOrder } from './orders.repo.ts';
import { ordersDef, type OrderOut } from './orders.write.ts';

// POST /orders/from-quote/{quoteId}: an order from an accepted quote, in one transaction — the
// quote read as the caller (hidden: 404 as a missing one) and locked, so two requests cannot
// both order it; its pricing settings and lines copied as they were accepted (prices, discounts
// and tax rates are the quote's, not today's catalogue). The quotes module is read only through
// the record engine (its definition and line-items service), never imported.

const COPIED = ['subject', 'account_id', 'contact_id', 'currency', 'rounding_mode', 'prices_include_tax', 'discount_percent'] as const;

export async function orderFromQuote(db: Kysely<DB>, actor: Actor, quoteId: number): Promise<OrderOut> {
  const orders = ordersDef();
  const quotes = findObject('quotes');
  if (!quotes?.lines) throw notFound('Quote');
  requireDo(actor, orders, 'create');
  requireDo(actor, quotes, 'read');
  const row = await db.transaction().execute(async (trx) => {
    const quote = await loadVisible(trx, quotes, actor, quoteId, true);
    if (quote.status !== 'accepted') throw new AppError('conflict', 'Only an accepted quote becomes an order', { reason: 'quote_not_accepted', status: quote.status });
    // Which order it is may be hidden from the caller: say only that there is one.
    if (await liveOrderOfQuote(trx, quoteId)) throw new AppError('conflict', 'This quote has an order already', { reason: 'quote_already_ordered' });
    if (lineMoneyHidden(actor, quotes)) throw forbidden('Your role may not see the amounts of this quote');
    const input: Row = {};
    for (const k of COPIED) if (quote[k] !== null && quote[k] !== undefined) input[k] = quote[k];
    const created = await createRecordIn(trx, orders, actor, input);
    const linked = await setOrder(trx, created.id, { quote_id: quoteId });
    await writeAudit(trx, { actorId: actor.id, action: 'from_quote', object: orders.name, recordId: created.id, changes: { quote_id: [null, quoteId] } });
    const drafts = (await selectLines(trx, quotes.lines!.table, quoteId)).map((l) => ({
      product_id: l.product_id, sku: l.sku, description: l.description, quantity: l.quantity, unit: l.unit,
      unit_price: l.unit_price, discount_percent: l.discount_percent, tax_rate: l.tax_rate, source: sourceOfRow(l),
    }));
    return drafts.length ? (await writeLinesIn(trx, orders, actor, linked, drafts)).row : linked;
  });
  deliverSoon();
  return (await present(db, orders, actor, row)) as OrderOut;
}
