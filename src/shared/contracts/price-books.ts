import { z } from 'zod';

// Price books (server: modules/price-books): entries and quantity tiers per book, the book's
// audience (a condition tree on accounts), price resolution for lines, and product relations
// (requires / excludes / option / bundle_component). Amounts and quantities travel as decimal
// strings; the server checks them with stable codes (too_many_decimals, negative_price,
// duplicate_product, tiers_not_ascending, unknown_product).

const decimal = z.union([z.string().max(40), z.number()]);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const TierInput = z.object({ min_quantity: decimal, unit_price: decimal });
export const EntryInput = z.object({
  product_id: z.number().int().positive(),
  unit_price: decimal,
  /** Quantity tiers: from `min_quantity` on (inclusive) the line's unit price is the tier's. */
  tiers: z.array(TierInput).max(50).optional(),
});
export const PutEntriesBody = z.object({ version: z.number().int().positive().optional(), entries: z.array(EntryInput).max(5000) });
export type PutEntriesBody = z.infer<typeof PutEntriesBody>;

export const EntryOut = z.object({
  product_id: z.number(),
  product_name: z.string().nullable(),
  sku: z.string().nullable(),
  unit_price: z.string(),
  tiers: z.array(z.object({ min_quantity: z.string(), unit_price: z.string() })),
});
export const EntriesAnswer = z.object({ data: z.object({ currency: z.string(), version: z.number(), entries: z.array(EntryOut) }) });
export type EntriesAnswer = z.infer<typeof EntriesAnswer>;

/** The audience: a condition tree on accounts (contracts/conditions.ts), null for everyone. Checked by the condition compiler. */
export const AudienceBody = z.object({ audience: z.unknown().nullable() });
export const AudienceAnswer = z.object({ data: z.object({ audience: z.unknown().nullable() }) });

export const ResolveBody = z.object({
  /**
   * Price for a stored document with lines (a quote…): its account, currency and pricing date are
   * taken as PUT /{object}/{id}/lines takes them, so the editor shows what the server would fill.
   * account_id, currency and date are then ignored.
   */
  document: z.object({ object: z.string().max(100), id: z.number().int().positive() }).optional(),
  account_id: z.number().int().positive().nullable().optional(),
  /** Required unless `document` is given. */
  currency: z.string().length(3).optional(),
  /** Prices valid on this date (default today, UTC). */
  date: date.optional(),
  lines: z.array(z.object({ product_id: z.number().int().positive(), quantity: decimal })).min(1).max(500),
  /** A bundle product's components follow it as lines of their own, at price 0 (the bundle's price covers them). */
  expand_bundles: z.boolean().optional(),
});
export type ResolveBody = z.infer<typeof ResolveBody>;

export const ResolvedLine = z.object({
  product_id: z.number(),
  quantity: z.string(),
  /** Exact text in the currency's minor digits; null when `source` is no_price. */
  unit_price: z.string().nullable(),
  /**
   * price_book: an entry (or its tier); list_price: the product's list price, converted at the
   * dated rate when the currency is not the organisation's; no_price: neither; bundle_component:
   * a component following its bundle (expand_bundles), at 0 — the bundle's own price covers it.
   */
  source: z.enum(['price_book', 'list_price', 'no_price', 'bundle_component']),
  price_book: z.object({ id: z.number(), name: z.string() }).nullable(),
  /** Why there is no price: no_entry (and no list price), no_exchange_rate. */
  reason: z.string().optional(),
  /** For a bundle component line: the index (in `lines` of the answer) of its bundle line. */
  bundle_of: z.number().optional(),
});
export type ResolvedLine = z.infer<typeof ResolvedLine>;
export const ResolveAnswer = z.object({ data: z.object({ currency: z.string(), date: z.string(), lines: z.array(ResolvedLine) }) });
export type ResolveAnswer = z.infer<typeof ResolveAnswer>;

export const RELATION_KINDS = ['requires', 'excludes', 'option', 'bundle_component'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];
export const RelationInput = z.object({
  related_product_id: z.number().int().positive(),
  kind: z.enum(RELATION_KINDS),
  /** For bundle components (per one bundle), default 1. */
  quantity: decimal.optional(),
});
export const PutRelationsBody = z.object({ relations: z.array(RelationInput).max(200) });
export type PutRelationsBody = z.infer<typeof PutRelationsBody>;
export const RelationOut = z.object({
  related_product_id: z.number(),
  related_name: z.string().nullable(),
  related_sku: z.string().nullable(),
  kind: z.enum(RELATION_KINDS),
  quantity: z.string(),
});
export const RelationsAnswer = z.object({ data: z.object({ relations: z.array(RelationOut) }) });
export type RelationsAnswer = z.infer<typeof RelationsAnswer>;
