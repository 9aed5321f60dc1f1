import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { canDo, requireDo, type Actor } from '../../core/access.ts';
import { AppError, invalid, notFound, type FieldIssue } from '../../http/errors.ts';
import { findObject, getObject } from '../../records/registry.ts';
import { pricingAccountId, pricingDate } from '../../records/line-pricing.ts';
import { CURRENCIES, orgCurrency, recordCurrency } from '../../records/money.ts';
import { loadVisible } from '../../records/service.ts';
import { visibleProducts } from '../../records/line-items-sql.ts';
import type { Row, Tx } from '../../records/types.ts';
import { minorDigits, Money } from '../../../shared/money.ts';
import type { ResolveBody, ResolvedLine } from '../../../shared/contracts/price-books.ts';
import { decimalIssue, QUANTITY_PLACES } from './decimals.ts';
import { priceFor, type PriceQuery } from './pricing.ts';
import { selectRelations } from './price-books.repo.ts';

// POST /pricing/resolve: what the line editor asks when a product is picked, and what API users
// ask before writing lines. The account must be one the caller may see (else not_found, as for a
// missing one); products the caller may not read, or inactive ones, are unknown_product.

const isDate = (s: string) => new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/** Readable, visible, active products among the ids. */
export async function activeProducts(db: Tx, actor: Actor, ids: number[]): Promise<Map<number, Row>> {
  const def = getObject('products');
  const rows = canDo(actor, def, 'read') ? await visibleProducts(db, def, actor, [...new Set(ids)]) : [];
  return new Map(rows.filter((r) => r.active === true).map((r) => [Number(r.id), r]));
}

/** The account, currency and date a stored document's lines are priced with (as its PUT of lines does). */
async function documentQuery(db: Kysely<DB>, actor: Actor, doc: { object: string; id: number }): Promise<PriceQuery> {
  const def = findObject(doc.object);
  // An object without lines, or one the caller may not read, is as unknown as a missing record.
  if (!def?.lines || !canDo(actor, def, 'read')) throw notFound('Record');
  const parent = await loadVisible(db, def, actor, doc.id);
  const accountId = await visibleAccountOrNull(db, actor, pricingAccountId(def, parent));
  return { accountId, currency: recordCurrency(def, parent, await orgCurrency(db)), date: pricingDate(def, parent) };
}

/** The account when the actor may see it, else null (a document's hidden account prices as no account). */
export async function visibleAccountOrNull(db: Tx, actor: Actor, accountId: number | null): Promise<number | null> {
  if (accountId === null) return null;
  try {
    await loadVisible(db, getObject('accounts'), actor, accountId);
    return accountId;
  } catch (e) {
    if (e instanceof AppError && e.code === 'not_found') return null;
    throw e;
  }
}

async function explicitQuery(db: Kysely<DB>, actor: Actor, body: ResolveBody, issues: FieldIssue[]): Promise<PriceQuery> {
  const currency = (body.currency ?? '').toUpperCase();
  if (!CURRENCIES.has(currency)) issues.push({ field: 'currency', message: 'An ISO 4217 currency code', code: currency ? 'unknown_currency' : 'required' });
  const date = body.date ?? new Date().toISOString().slice(0, 10);
  if (!isDate(date)) issues.push({ field: 'date', message: 'Must be a date (YYYY-MM-DD)', code: 'invalid_date' });
  // Visibility before anything is priced: a hidden account answers exactly like a missing one.
  const accountId = body.account_id ?? null;
  if (accountId !== null) await loadVisible(db, getObject('accounts'), actor, accountId);
  return { accountId, currency, date };
}

export async function resolvePrices(db: Kysely<DB>, actor: Actor, body: ResolveBody) {
  requireDo(actor, getObject('products'), 'read');
  const issues: FieldIssue[] = [];
  const query = body.document ? await documentQuery(db, actor, body.document) : await explicitQuery(db, actor, body, issues);
  const { currency, date } = query;
  const products = await activeProducts(db, actor, body.lines.map((l) => l.product_id));
  const lines = body.lines.map((l, i) => {
    if (!products.has(l.product_id)) issues.push({ field: `lines[${i}].product_id`, message: 'No such active product', code: 'unknown_product' });
    const q = decimalIssue(l.quantity, `lines[${i}].quantity`, QUANTITY_PLACES, issues);
    return { product_id: l.product_id, quantity: q?.toString() ?? '0' };
  });
  if (issues.length) throw invalid(issues);
  const priced = await priceFor(db, actor, query, lines, products);
  return { currency, date, lines: body.expand_bundles ? await withComponents(db, actor, priced, currency) : priced };
}

/** Each bundle line followed by its components (quantity × the bundle's), at 0 in the currency. */
async function withComponents(db: Tx, actor: Actor, lines: ResolvedLine[], currency: string): Promise<ResolvedLine[]> {
  const rels = await selectRelations(db, lines.map((l) => l.product_id), ['bundle_component']);
  if (!rels.length) return lines;
  const usable = await activeProducts(db, actor, rels.map((r) => r.related_product_id));
  const zero = new Money(0).toFixed(minorDigits(currency));
  const out: ResolvedLine[] = [];
  for (const l of lines) {
    const at = out.push(l) - 1;
    for (const r of rels) {
      if (r.product_id !== l.product_id || !usable.has(r.related_product_id)) continue;
      const quantity = new Money(l.quantity).times(r.quantity).toDecimalPlaces(QUANTITY_PLACES).toString();
      out.push({ product_id: r.related_product_id, quantity, unit_price: zero, source: 'bundle_component', price_book: null, bundle_of: at });
    }
  }
  return out;
}
