import { canDo, canReadField, type Actor } from '../core/access.ts';
import { invalid, type FieldIssue } from '../http/errors.ts';
import { MAX_LINES, type LineInput } from '../../shared/contracts/line-items.ts';
import { minorDigits, parseMoney, ROUNDING_MODES, type Money, type RoundingMode } from '../../shared/money.ts';
import { findObject } from './registry.ts';
import { recordCurrency } from './money.ts';
import { selectLines, visibleProducts } from './line-items-sql.ts';
import { keepKey, LIST, sourceOfRow, typedSource, type LinePriceSource } from './line-price-source.ts';
import { priceLines, runLineChecks, type LinePricingContext } from './line-pricing.ts';
import type { LineItemsDef, ObjectDef, Row, Tx } from './types.ts';

// Checking a PUT of lines before anything is written: every bad value is reported at once with
// its row and a stable code (`lines[2].quantity` / negative_quantity), and a product line is
// filled from the catalogue where it leaves values out (a snapshot: later price changes of the
// product do not touch the line).

/** How a parent's lines are computed, read from its own fields (LineItemsDef). */
export interface LineSettings {
  currency: string;
  roundingMode: RoundingMode;
  pricesIncludeTax: boolean;
  overallDiscountPercent: string;
}

export function settingsOf(def: ObjectDef, row: Row, org: string): LineSettings {
  const l = def.lines!;
  const mode = l.roundingField ? row[l.roundingField] : null;
  const discount = l.discountField ? parseMoney(row[l.discountField]) : null;
  return {
    currency: recordCurrency(def, row, org),
    roundingMode: ROUNDING_MODES.includes(mode) ? mode : 'per_line',
    pricesIncludeTax: l.pricesIncludeTaxField ? row[l.pricesIncludeTaxField] === true : false,
    overallDiscountPercent: discount ? discount.toString() : '0',
  };
}

/** A checked line, before its amounts are computed (decimal strings). */
export interface LineDraftRow {
  product_id: number | null;
  sku: string | null;
  description: string;
  quantity: string;
  unit: string | null;
  unit_price: string;
  discount_percent: string;
  tax_rate: string;
  /** Where the unit price came from (kept only by objects with LineItemsDef.priceSource). */
  source?: LinePriceSource | null;
}

/** Column scale of quantities and percentages (numeric(18,4), numeric(7,4)). */
const SCALE = 4;

interface DecimalRule {
  /** Most decimals written. */
  places: number;
  min?: { value: number; code: string };
  max?: { value: number; code: string };
}

/** A decimal value checked against a rule; issues pushed, null when bad. */
function decimalOf(v: unknown, field: string, rule: DecimalRule, issues: FieldIssue[]): Money | null {
  const m = parseMoney(v);
  if (!m) return issues.push({ field, message: 'Must be a number', code: 'invalid_number' }), null;
  if (rule.min && m.lt(rule.min.value)) return issues.push({ field, message: `Must be at least ${rule.min.value}`, code: rule.min.code }), null;
  if (rule.max && m.gt(rule.max.value)) return issues.push({ field, message: `Must be at most ${rule.max.value}`, code: rule.max.code }), null;
  if (m.decimalPlaces() > rule.places) return issues.push({ field, message: `At most ${rule.places} decimals`, code: 'too_many_decimals' }), null;
  return m;
}

const PERCENT = (code: string): DecimalRule => ({ places: SCALE, min: { value: 0, code }, max: { value: 100, code } });
const blank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
const textOrNull = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** The catalogue fields a line copies (LineItemsDef.productFields with their defaults). */
function productFieldsOf(l: LineItemsDef, productDef: ObjectDef) {
  const f = l.productFields ?? {};
  return { sku: f.sku ?? 'sku', description: f.description ?? productDef.titleField, unit: f.unit ?? 'unit', unitPrice: f.unitPrice ?? 'list_price', taxRate: f.taxRate ?? 'tax_rate' };
}

/** Products the lines name that the actor may pick: readable, visible and active; others are unknown. */
async function productsFor(db: Tx, def: ObjectDef, actor: Actor, lines: LineInput[]): Promise<{ def: ObjectDef; byId: Map<number, Row> } | null> {
  const productDef = def.lines!.productObject ? findObject(def.lines!.productObject) : undefined;
  if (!productDef) return null;
  const ids = [...new Set(lines.map((l) => l.product_id).filter((x): x is number => typeof x === 'number'))];
  const rows = canDo(actor, productDef, 'read') ? await visibleProducts(db, productDef, actor, ids) : [];
  const hasActive = productDef.fields.some((f) => f.key === 'active' && f.type === 'boolean');
  return { def: productDef, byId: new Map(rows.filter((r) => !hasActive || r.active === true).map((r) => [r.id, r])) };
}

/**
 * Checks the lines of a PUT and fills product lines from the catalogue; throws
 * validation_failed with every issue, so a refused PUT changes nothing.
 */
export async function checkLines(db: Tx, def: ObjectDef, actor: Actor, lines: LineInput[], s: LineSettings, org: string, parent: Row | null = null): Promise<LineDraftRow[]> {
  if (lines.length > MAX_LINES) throw invalid([{ field: 'lines', message: `At most ${MAX_LINES} lines`, code: 'too_many_lines' }]);
  const issues: FieldIssue[] = [];
  const products = await productsFor(db, def, actor, lines);
  // A product line without a price takes the registered pricer's (price books) before the list price.
  const pricing: LinePricingContext = { db, def, actor, parent, currency: s.currency };
  // An object keeping price sources also prices typed lines: a typed price equal to the book's keeps the book as its source.
  const withSource = Boolean(def.lines!.priceSource);
  const resolved = await priceLines(pricing, lines.flatMap((l, index) => {
    const q = parseMoney(l.quantity);
    return typeof l.product_id === 'number' && products?.byId.has(l.product_id) && (withSource || blank(l.unit_price)) && q && q.gte(0) ? [{ index, product_id: l.product_id, quantity: q.toString() }] : [];
  }));
  const kept = withSource ? await keptSources(db, def, parent) : new Map<string, LinePriceSource>();
  const pf = products ? productFieldsOf(def.lines!, products.def) : null;
  // A product field is copied only if the actor may read it (a hidden cost or price never leaks into a line).
  const copy = (p: Row | undefined, key: string | undefined) => (p && key && products && canReadField(actor, products.def.name, key) ? p[key] : undefined);
  const digits = Math.min(minorDigits(s.currency), SCALE);
  const out: LineDraftRow[] = [];
  lines.forEach((l, i) => {
    const at = (k: string) => `lines[${i}].${k}`;
    let product: Row | undefined;
    if (l.product_id !== null && l.product_id !== undefined) {
      product = products?.byId.get(l.product_id);
      if (!product) issues.push({ field: at('product_id'), message: 'No such active product', code: 'unknown_product' });
    }
    const fromBook = resolved.get(i);
    const fromList = s.currency === org ? copy(product, pf?.unitPrice) : undefined;
    const priceFromProduct = fromBook?.unit_price ?? fromList;
    const unitPrice = blank(l.unit_price) ? priceFromProduct : l.unit_price;
    let source: LinePriceSource | null = null;
    if (withSource && !blank(unitPrice)) {
      if (!blank(l.unit_price)) source = typedSource(String(l.unit_price), fromBook ?? (fromList !== undefined && fromList !== null ? { unit_price: String(fromList), source: LIST } : undefined), kept.get(keepKey(product?.id, l.quantity, l.unit_price) ?? ''));
      else source = fromBook ? (fromBook.source ?? null) : LIST;
    }
    const taxRate = blank(l.tax_rate) ? (copy(product, pf?.taxRate) ?? 0) : l.tax_rate;
    const description = textOrNull(l.description) ?? textOrNull(copy(product, pf?.description));
    if (!description && !(l.product_id && !product)) issues.push({ field: at('description'), message: 'Required', code: 'required' });
    const quantity = decimalOf(l.quantity, at('quantity'), { places: SCALE, min: { value: 0, code: 'negative_quantity' }, max: { value: 1e12, code: 'too_big' } }, issues);
    let price: Money | null = null;
    if (blank(unitPrice)) {
      if (!(l.product_id && !product)) issues.push({ field: at('unit_price'), message: product ? 'The product has no price in this currency: give one' : 'Required', code: 'required' });
    } else price = decimalOf(unitPrice, at('unit_price'), { places: digits, min: { value: 0, code: 'negative_price' }, max: { value: 1e12, code: 'too_big' } }, issues);
    const discount = blank(l.discount_percent) ? null : decimalOf(l.discount_percent, at('discount_percent'), PERCENT('discount_out_of_range'), issues);
    const tax = decimalOf(taxRate, at('tax_rate'), PERCENT('tax_rate_out_of_range'), issues);
    if (!description || !quantity || !price || !tax) return;
    out.push({
      product_id: product ? product.id : null,
      sku: textOrNull(l.sku) ?? textOrNull(copy(product, pf?.sku)),
      description,
      quantity: quantity.toString(),
      unit: textOrNull(l.unit) ?? textOrNull(copy(product, pf?.unit)),
      unit_price: price.toString(),
      discount_percent: discount ? discount.toString() : '0',
      tax_rate: tax.toString(),
      ...(withSource ? { source } : {}),
    });
  });
  if (issues.length) throw invalid(issues);
  // Every line passed, so out[i] is lines[i]: product rules (requires / excludes) see the whole document.
  await runLineChecks(pricing, out.map((d, index) => ({ index, product_id: d.product_id })));
  return out;
}

/** The parent's stored lines' sources by product, quantity and price (typedSource keeps them on a re-save). */
async function keptSources(db: Tx, def: ObjectDef, parent: Row | null): Promise<Map<string, LinePriceSource>> {
  const out = new Map<string, LinePriceSource>();
  if (!parent?.id) return out;
  for (const r of await selectLines(db, def.lines!.table, Number(parent.id))) {
    const k = keepKey(r.product_id, r.quantity, r.unit_price);
    const src = sourceOfRow(r);
    if (k && src && !out.has(k)) out.set(k, src);
  }
  return out;
}

/** A percent stored in a `number` field of a parent or product (0..100, at most 4 decimals), as an issue or null. */
export function percentIssue(field: string, v: unknown, code: string): FieldIssue | null {
  if (typeof v !== 'number') return null;
  if (v < 0 || v > 100) return { field, message: 'A percent from 0 to 100', code };
  if (Math.round(v * 10 ** SCALE) / 10 ** SCALE !== v) return { field, message: `At most ${SCALE} decimals`, code: 'too_many_decimals' };
  return null;
}
