import { computeLines, parseMoney, type ComputedLine, type ComputedTotals, type RoundingMode } from '../../../shared/money.ts';
import type { LineInput, LineOut, LinePriceSourceOut } from '../../../shared/contracts/line-items.ts';

// The line editor's rows and its live figures: computed with the same shared function the
// server stores (src/shared/money.ts computeLines), so what the editor shows is what is saved.

/** One row being edited: every number is kept as the text typed (never a float). */
export interface EditRow {
  key: string;
  product_id: number | null;
  sku: string;
  description: string;
  quantity: string;
  unit: string;
  unit_price: string;
  discount_percent: string;
  tax_rate: string;
  /** Where the saved line's price came from; cleared when the row's product, quantity or price is edited. */
  price_source?: LinePriceSourceOut | null;
}

let seq = 0;
export const newKey = () => `row-${++seq}`;

export function fromStored(l: LineOut): EditRow {
  return {
    key: newKey(), product_id: l.product_id, sku: l.sku ?? '', description: l.description, quantity: l.quantity, unit: l.unit ?? '',
    unit_price: l.unit_price ?? '', discount_percent: l.discount_percent === '0' ? '' : l.discount_percent, tax_rate: l.tax_rate,
    price_source: l.price_source ?? null,
  };
}

export const emptyRow = (): EditRow => ({ key: newKey(), product_id: null, sku: '', description: '', quantity: '1', unit: '', unit_price: '', discount_percent: '', tax_rate: '' });

/** What a picked product fills in a row (its price is decided by the caller). */
export function productRow(p: Record<string, unknown>): Pick<EditRow, 'product_id' | 'sku' | 'description' | 'unit' | 'tax_rate'> {
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  return { product_id: Number(p.id), sku: text(p.sku), description: text(p.name), unit: text(p.unit), tax_rate: text(p.tax_rate) };
}

/** The PUT body's lines: blank texts left out, so the server fills them from the product. */
export function toInput(rows: EditRow[]): LineInput[] {
  const opt = (s: string) => (s.trim() === '' ? undefined : s.trim());
  return rows.map((r) => ({
    product_id: r.product_id, sku: opt(r.sku), description: opt(r.description), quantity: r.quantity.trim(), unit: opt(r.unit),
    unit_price: opt(r.unit_price), discount_percent: opt(r.discount_percent), tax_rate: opt(r.tax_rate),
  }));
}

export interface Settings { currency: string; rounding_mode: RoundingMode; prices_include_tax: boolean; overall_discount_percent: string }

/** Live amounts; a value not (yet) a number counts as 0 until it is one. */
export function liveTotals(rows: EditRow[], s: Settings): { lines: ComputedLine[]; totals: ComputedTotals } {
  const num = (v: string) => parseMoney(v) ?? 0;
  return computeLines(
    rows.map((r) => ({ quantity: num(r.quantity), unitPrice: num(r.unit_price), discountPercent: num(r.discount_percent), taxRate: num(r.tax_rate) })),
    { currency: s.currency, roundingMode: s.rounding_mode, pricesIncludeTax: s.prices_include_tax, overallDiscountPercent: s.overall_discount_percent },
  );
}

/** A server issue's field (`lines[2].quantity`) as its row index and column. */
export function issueAt(field: string): { row: number; column: string } | null {
  const m = /^lines\[(\d+)\]\.(\w+)$/.exec(field);
  return m ? { row: Number(m[1]), column: m[2]! } : null;
}
