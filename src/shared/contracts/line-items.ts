import { z } from 'zod';

// Child lines of a parent record (quotes, later orders and invoices): GET and PUT
// /{object}/{id}/lines (server: records/line-items.ts). Amounts, quantities and percentages
// travel as decimal strings (a JSON number is read from its shortest text); the server checks
// them with stable codes (negative_quantity, too_many_decimals, discount_out_of_range,
// tax_rate_out_of_range, unknown_product, too_many_lines) rather than here, so a client can
// show each one on its row and field.

/** The most lines one parent holds. */
export const MAX_LINES = 500;

const decimal = z.union([z.string().max(40), z.number()]);

export const LineInput = z.object({
  /** A product of the catalogue: fills sku, description, unit, unit price and tax rate the line leaves out. */
  product_id: z.number().int().positive().nullable().optional(),
  sku: z.string().max(100).nullable().optional(),
  description: z.string().max(2000).nullable().optional(),
  quantity: decimal,
  unit: z.string().max(30).nullable().optional(),
  unit_price: decimal.nullable().optional(),
  /** Percent off the line, 0..100. */
  discount_percent: decimal.nullable().optional(),
  /** Percent, 13 = 13 % VAT. */
  tax_rate: decimal.nullable().optional(),
});
export type LineInput = z.infer<typeof LineInput>;

/** The whole new set of lines (their order is their position) and the parent version the client read. */
export const PutLinesBody = z.object({
  version: z.number().int().positive().optional(),
  lines: z.array(LineInput).max(100_000),
});
export type PutLinesBody = z.infer<typeof PutLinesBody>;

const text = z.string().nullable();

/**
 * Where a line's unit price came from (objects whose lines keep it): a price book (its id and
 * name, null for a reader who may not read price books; the tier's min quantity or null for the
 * entry's own price), the catalogue's list price, or typed by hand. Null: not recorded.
 */
export const LinePriceSourceOut = z.object({
  kind: z.enum(['price_book', 'list', 'manual']),
  price_book: z.object({ id: z.number(), name: z.string() }).nullable(),
  min_quantity: z.string().nullable(),
});
export type LinePriceSourceOut = z.infer<typeof LinePriceSourceOut>;

/** A stored line. Money keys (unit_price, net, tax, gross) are left out for a role that may not read the parent's totals. */
export const LineOut = z.object({
  id: z.number(),
  position: z.number(),
  product_id: z.number().nullable(),
  sku: text,
  description: z.string(),
  quantity: z.string(),
  unit: text,
  unit_price: z.string().optional(),
  discount_percent: z.string(),
  tax_rate: z.string(),
  net: z.string().optional(),
  tax: z.string().optional(),
  gross: z.string().optional(),
  /** Objects whose lines keep it, and only with the money keys. */
  price_source: LinePriceSourceOut.nullable().optional(),
});
export type LineOut = z.infer<typeof LineOut>;

export const LinesAnswer = z.object({
  data: z.object({
    lines: z.array(LineOut),
    /** The parent's totals fields (its own keys: net_total...), those the caller may read. */
    totals: z.record(z.string(), z.string().nullable()),
    currency: z.string(),
    rounding_mode: z.enum(['per_line', 'total']),
    prices_include_tax: z.boolean(),
    overall_discount_percent: z.string(),
    /** The parent's version after the write: send it with the next PUT. */
    version: z.number(),
    /** GET only: why the lines cannot be replaced now (a sent quote, an issued invoice…), or null. */
    locked: z.object({ reason: z.string(), status: z.string().nullable() }).nullable().optional(),
  }),
});
export type LinesAnswer = z.infer<typeof LinesAnswer>;
