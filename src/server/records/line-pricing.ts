import type { Actor } from '../core/access.ts';
import type { LinePriceSource } from './line-price-source.ts';
import type { ObjectDef, Row, Tx } from './types.ts';

// The seam between the line-items service and whatever prices products (modules/price-books):
// a line naming a product but no unit price gets the registered pricer's price for the parent's
// account, currency and date; registered line checks (product requires / excludes rules) run
// on the checked lines before anything is written. Nothing here names a module: a module
// registers at import of its module.ts, and with none registered lines keep the catalogue's
// list price (records/line-items-input.ts).

export interface LinePricingContext {
  db: Tx;
  def: ObjectDef;
  actor: Actor;
  /** The parent record as stored (its account and date fields decide the price). */
  parent: Row | null;
  /** The parent's currency (LineSettings.currency). */
  currency: string;
}

export interface PriceRequest {
  /** The line's index in the PUT. */
  index: number;
  product_id: number;
  /** Exact decimal text. */
  quantity: string;
}

/** A price and, optionally, where it came from (kept on lines whose object opts in: LineItemsDef.priceSource). */
export interface PricedUnit {
  unit_price: string;
  source?: LinePriceSource | null;
}

/** Unit prices (exact decimal text in the currency, within its minor digits) by line index; a line left out has no price. */
export type LinePricer = (ctx: LinePricingContext, lines: PriceRequest[]) => Promise<Map<number, string | PricedUnit>>;

/** Throws an AppError to refuse the lines (nothing is written); `lines` are the checked lines with their index. */
export type LineCheck = (ctx: LinePricingContext, lines: { index: number; product_id: number | null }[]) => Promise<void>;

let pricer: LinePricer | null = null;
const checks: LineCheck[] = [];

/** One pricer per process (the last registration wins: a module is imported once). */
export function registerLinePricer(p: LinePricer): void {
  pricer = p;
}

export function registerLineCheck(c: LineCheck): void {
  if (!checks.includes(c)) checks.push(c);
}

export async function priceLines(ctx: LinePricingContext, lines: PriceRequest[]): Promise<Map<number, PricedUnit>> {
  if (!pricer || !lines.length) return new Map();
  const priced = await pricer(ctx, lines);
  return new Map([...priced].map(([i, p]) => [i, typeof p === 'string' ? { unit_price: p } : p]));
}

export async function runLineChecks(ctx: LinePricingContext, lines: { index: number; product_id: number | null }[]): Promise<void> {
  for (const c of checks) await c(ctx, lines);
}

/** The parent's account link (LineItemsDef.pricing.accountField, else its first link to accounts). */
export function pricingAccountId(def: ObjectDef, parent: Row | null): number | null {
  if (!parent) return null;
  const key = def.lines?.pricing?.accountField ?? def.fields.find((f) => f.type === 'link' && f.link === 'accounts')?.key;
  const v = key ? parent[key] : null;
  return typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : null;
}

/** The date prices are taken on: the parent's date field (LineItemsDef.pricing.dateField) when set, else today (UTC). */
export function pricingDate(def: ObjectDef, parent: Row | null, now = new Date()): string {
  const key = def.lines?.pricing?.dateField;
  const v = key && parent ? parent[key] : null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v)) return v.slice(0, 10);
  return now.toISOString().slice(0, 10);
}
