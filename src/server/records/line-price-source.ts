import { canDo, type Actor } from '../core/access.ts';
import { parseMoney } from '../../shared/money.ts';
import type { LinePriceSourceOut } from '../../shared/contracts/line-items.ts';
import { findObject } from './registry.ts';
import type { ObjectDef, Row } from './types.ts';

// Where a line's unit price came from, for objects whose lines opt in (LineItemsDef.priceSource):
// decided when the line is written and stored with it as a snapshot, so a later change to the
// price book never rewrites a saved line. Nothing here names a module: the pricer
// (records/line-pricing.ts) says which book and tier it used.

export type PriceSourceKind = 'price_book' | 'list' | 'manual';

export interface LinePriceSource {
  kind: PriceSourceKind;
  price_book_id?: number | null;
  price_book_name?: string | null;
  /** The tier's min quantity (exact decimal text) when a tier priced it; null: the entry's own price. */
  min_quantity?: string | null;
}

export const MANUAL: LinePriceSource = { kind: 'manual' };
export const LIST: LinePriceSource = { kind: 'list' };

export const SOURCE_COLUMNS = ['price_source', 'price_book_id', 'price_book_name', 'price_tier_min'] as const;

/** The stored columns of a source (all null without one). */
export function sourceColumns(s: LinePriceSource | null | undefined): Record<(typeof SOURCE_COLUMNS)[number], unknown> {
  return {
    price_source: s?.kind ?? null,
    price_book_id: s?.kind === 'price_book' ? (s.price_book_id ?? null) : null,
    price_book_name: s?.kind === 'price_book' ? (s.price_book_name ?? null) : null,
    price_tier_min: s?.kind === 'price_book' ? (s.min_quantity ?? null) : null,
  };
}

/** A stored line's source (null on lines written before sources were kept). */
export function sourceOfRow(r: Row): LinePriceSource | null {
  const kind = r.price_source;
  if (kind !== 'price_book' && kind !== 'list' && kind !== 'manual') return null;
  const id = r.price_book_id;
  const min = parseMoney(r.price_tier_min);
  return { kind, price_book_id: id === null || id === undefined ? null : Number(id), price_book_name: (r.price_book_name as string | null) ?? null, min_quantity: min ? min.toString() : null };
}

/** Whether the actor may learn which book priced a line: read on the def's book object. */
export function mayReadBooks(actor: Actor, def: ObjectDef): boolean {
  const o = def.lines?.priceSource?.bookObject;
  const bookDef = o ? findObject(o) : undefined;
  return Boolean(bookDef && canDo(actor, bookDef, 'read'));
}

/** A stored source as answered: a book the reader may not read shows as "a price book", no id or name. */
export function presentSource(r: Row, showBook: boolean): LinePriceSourceOut | null {
  const s = sourceOfRow(r);
  if (!s) return null;
  const book = s.kind === 'price_book' && showBook && s.price_book_id !== null && s.price_book_id !== undefined ? { id: s.price_book_id, name: s.price_book_name ?? '' } : null;
  return { kind: s.kind, price_book: book, min_quantity: s.kind === 'price_book' ? (s.min_quantity ?? null) : null };
}

/**
 * The source of a line whose price the user typed: the pricer's when the typed price is the one
 * it gives, else the stored line's when the same product, quantity and price were saved before
 * (a re-save of an unchanged line keeps its snapshot even if the book changed since), else manual.
 */
export function typedSource(typed: string, priced: { unit_price: string; source?: LinePriceSource | null } | undefined, kept: LinePriceSource | null | undefined): LinePriceSource {
  const t = parseMoney(typed);
  const p = priced ? parseMoney(priced.unit_price) : null;
  if (t && p && t.eq(p) && priced?.source) return priced.source;
  return kept ?? MANUAL;
}

/** The key that finds a stored line's source for a line being written (product, quantity, price). */
export function keepKey(productId: unknown, quantity: unknown, unitPrice: unknown): string | null {
  const q = parseMoney(quantity);
  const p = parseMoney(unitPrice);
  return typeof productId === 'number' || (typeof productId === 'string' && productId) ? (q && p ? `${Number(productId)}|${q.toString()}|${p.toString()}` : null) : null;
}
