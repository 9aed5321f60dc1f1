import { sql } from 'kysely';
import { Money } from '../../../shared/money.ts';
import type { DemoContext, DemoCounts } from '../../seed/context.ts';
import { createRecord } from '../../records/service.ts';
import { getObject } from '../../records/registry.ts';
import { ExchangeRatesPut, putRates } from '../settings/exchange-rates.service.ts';
import { day, daysBefore } from '../../seed/clock.ts';
import { putEntries } from './entries.service.ts';

// The demo's prices: a default CNY book with volume tiers on the consumables and scanners, and a
// USD export book (with the USD rate of the quarter, so USD deals have an organisation-currency
// value). Written by the administrator through the price-book and exchange-rate services.

export const USD_RATE = '7.1200';

export async function priceBooksDemo(ctx: DemoContext): Promise<DemoCounts> {
  const products = (await sql<{ id: number; sku: string; list_price: string }>`SELECT id::int AS id, sku, list_price::text AS list_price FROM products WHERE sku IS NOT NULL AND active ORDER BY id`.execute(ctx.db)).rows;
  if (!products.length) return {};
  const quarterStart = day(daysBefore(ctx.now, 120));
  await putRates(ctx.db, ctx.admin.id, ExchangeRatesPut.parse({ rates: [{ from_currency: 'USD', valid_from: quarterStart, rate: USD_RATE }] }));
  const def = getObject('price_books');
  const cny = await createRecord(ctx.db, def, ctx.admin, { name: '2026 标准价目表', currency: 'CNY', is_default: true, active: true, priority: 10, valid_from: quarterStart });
  const tiered = new Set(['GX-200', 'TL-100', 'RB-110']);
  await putEntries(ctx.db, ctx.admin, cny.id, {
    entries: products.map((p) => ({
      product_id: Number(p.id), unit_price: String(p.list_price),
      tiers: tiered.has(String(p.sku)) ? [{ min_quantity: '10', unit_price: new Money(String(p.list_price)).times('0.92').toFixed(2) }, { min_quantity: '50', unit_price: new Money(String(p.list_price)).times('0.85').toFixed(2) }] : [],
    })),
  });
  const usd = await createRecord(ctx.db, def, ctx.admin, { name: 'Export price list (USD)', currency: 'USD', active: true, priority: 5, valid_from: quarterStart });
  await putEntries(ctx.db, ctx.admin, usd.id, {
    entries: products.map((p) => ({ product_id: Number(p.id), unit_price: new Money(String(p.list_price)).div(USD_RATE).times('1.05').toFixed(2) })),
  });
  return { price_books: 2 };
}
