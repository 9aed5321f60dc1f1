import { DEFAULT_ROLES, canDo, canReadField, type Actor } from '../../core/access.ts';
import { AppError } from '../../http/errors.ts';
import { conditionSql } from '../../records/conditions.ts';
import { getObject } from '../../records/registry.ts';
import { orgCurrency } from '../../records/money.ts';
import type { Row, Tx } from '../../records/types.ts';
import { minorDigits, Money, parseMoney, roundMoney } from '../../../shared/money.ts';
import type { ResolvedLine } from '../../../shared/contracts/price-books.ts';
import { accountMatches, candidateEntries, type CandidateRow, type Tier } from './price-books.repo.ts';
import { rateOn } from '../../records/totals.ts';

// Which price a product gets (the rules, no HTTP): among the active books in the currency valid
// on the date that have an entry for the product, a book whose audience matches the account
// comes first, then books for everyone, each by priority (higher first, then the older book);
// the currency's default book last. Inside the entry the highest tier whose min_quantity the
// quantity reaches (inclusive) wins, else the entry's price. No entry: the product's list price
// (organisation currency), converted at the latest rate on or before the date and rounded
// half-up to the currency's minor unit; no list price or no rate: no_price with the reason.

/** Audiences are an administrator's rules over every account, so they compile as the system; the caller checked the account's visibility. */
const SYSTEM_ACTOR: Actor = { id: 0, email: '', name: 'system', role: 'admin', team_id: null, locale: 'en', permissions: DEFAULT_ROLES.admin!.permissions };

export interface PriceQuery {
  accountId: number | null;
  currency: string;
  date: string;
}

export interface PriceRequestLine {
  product_id: number;
  quantity: string;
}

/** The highest tier the quantity reaches (tiers ascending by min_quantity), or null: the entry's own price. */
export function tierFor(tiers: Tier[], quantity: string): Tier | null {
  const q = new Money(quantity);
  let tier: Tier | null = null;
  for (const t of tiers) if (q.gte(t.min_quantity)) tier = t;
  return tier;
}

/** The unit price of the tier the quantity reaches, else the entry's. */
export function tierPrice(unitPrice: string, tiers: Tier[], quantity: string): string {
  return tierFor(tiers, quantity)?.unit_price ?? unitPrice;
}

async function audienceMatches(db: Tx, audience: unknown, accountId: number | null): Promise<boolean> {
  if (audience === null || audience === undefined) return true;
  if (accountId === null) return false;
  try {
    return await accountMatches(db, accountId, await conditionSql(db as never, getObject('accounts'), audience, SYSTEM_ACTOR));
  } catch (e) {
    // A tree naming a field since deleted matches nobody rather than failing every quote.
    if (e instanceof AppError && e.code === 'invalid_condition') return false;
    throw e;
  }
}

/** Eligible entries per product, best first. */
async function rankedEntries(db: Tx, q: PriceQuery, productIds: number[]): Promise<Map<number, CandidateRow[]>> {
  const rows = await candidateEntries(db, q.currency, q.date, productIds);
  const matches = new Map<number, boolean>();
  for (const r of rows) if (!matches.has(r.book_id)) matches.set(r.book_id, await audienceMatches(db, r.audience, q.accountId));
  const rank = (r: CandidateRow) => (r.is_default ? 2 : r.audience === null || r.audience === undefined ? 1 : 0);
  const eligible = rows.filter((r) => matches.get(r.book_id)).sort((a, b) => rank(a) - rank(b) || b.priority - a.priority || a.book_id - b.book_id);
  const by = new Map<number, CandidateRow[]>();
  for (const r of eligible) by.set(r.product_id, [...(by.get(r.product_id) ?? []), r]);
  return by;
}

/** The list price of a product in the currency, or the reason there is none. */
async function listPrice(db: Tx, actor: Actor, product: Row, q: PriceQuery, org: string): Promise<{ price: Money } | { reason: string }> {
  const list = canReadField(actor, 'products', 'list_price') ? parseMoney(product.list_price) : null;
  if (!list) return { reason: 'no_entry' };
  if (q.currency === org) return { price: roundMoney(list, org) };
  const rate = await rateOn(db, q.currency, org, q.date);
  if (!rate) return { reason: 'no_exchange_rate' };
  return { price: roundMoney(list.div(rate), q.currency) };
}

/** A resolved line with the book and tier that priced it, whatever the actor may read (a line's snapshot keeps them; answers mask them). */
export interface PricedDetail {
  line: ResolvedLine;
  book: { id: number; name: string } | null;
  /** The tier's min quantity, or null for the entry's own price. */
  min_quantity: string | null;
}

/** Prices for the lines with their book and tier (products already checked readable and active by the caller). */
export async function priceDetails(db: Tx, actor: Actor, q: PriceQuery, lines: PriceRequestLine[], products: Map<number, Row>): Promise<PricedDetail[]> {
  const ranked = await rankedEntries(db, q, [...new Set(lines.map((l) => l.product_id))]);
  const org = await orgCurrency(db);
  const showBook = canDo(actor, getObject('price_books'), 'read');
  const out: PricedDetail[] = [];
  for (const l of lines) {
    const entry = ranked.get(l.product_id)?.[0];
    if (entry) {
      const tier = tierFor(entry.tiers, l.quantity);
      const price = roundMoney(tier?.unit_price ?? entry.unit_price, q.currency);
      const book = { id: Number(entry.book_id), name: entry.book_name };
      out.push({ line: { product_id: l.product_id, quantity: l.quantity, unit_price: price.toFixed(minorDigits(q.currency)), source: 'price_book', price_book: showBook ? book : null }, book, min_quantity: tier ? new Money(tier.min_quantity).toString() : null });
      continue;
    }
    const lp = await listPrice(db, actor, products.get(l.product_id)!, q, org);
    const line: ResolvedLine = 'price' in lp
      ? { product_id: l.product_id, quantity: l.quantity, unit_price: lp.price.toFixed(minorDigits(q.currency)), source: 'list_price', price_book: null }
      : { product_id: l.product_id, quantity: l.quantity, unit_price: null, source: 'no_price', price_book: null, reason: lp.reason };
    out.push({ line, book: null, min_quantity: null });
  }
  return out;
}

/** Prices for the lines as POST /pricing/resolve answers them. */
export async function priceFor(db: Tx, actor: Actor, q: PriceQuery, lines: PriceRequestLine[], products: Map<number, Row>): Promise<ResolvedLine[]> {
  return (await priceDetails(db, actor, q, lines, products)).map((d) => d.line);
}
