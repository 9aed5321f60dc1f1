import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../records/types.ts';

// The SQL of price books, their entries and product relations. No rules here.

export interface Tier { min_quantity: string; unit_price: string }

export interface EntryRow {
  product_id: number;
  product_name: string | null;
  sku: string | null;
  unit_price: string;
  tiers: Tier[];
}

/** The most decimals any entry or tier price of the book has (0 when none). */
export async function maxEntryDecimals(db: Tx, bookId: number): Promise<number> {
  const { rows } = await sql<{ d: number | null }>`
    SELECT max(greatest(scale(trim_scale(e.unit_price)), coalesce((SELECT max(scale(trim_scale((t->>'unit_price')::numeric))) FROM jsonb_array_elements(e.tiers) t), 0)))::int AS d
    FROM price_book_entries e WHERE e.price_book_id = ${bookId}`.execute(db);
  return rows[0]?.d ?? 0;
}

export async function selectEntries(db: Tx, bookId: number): Promise<EntryRow[]> {
  const { rows } = await sql<EntryRow>`
    SELECT e.product_id::int AS product_id, p.name AS product_name, p.sku, e.unit_price::text AS unit_price, e.tiers
    FROM price_book_entries e JOIN products p ON p.id = e.product_id
    WHERE e.price_book_id = ${bookId} ORDER BY p.name, e.product_id LIMIT 5000`.execute(db);
  return rows;
}

/** Replaces the book's entries: one DELETE, one multi-row INSERT. */
export async function replaceEntries(trx: Tx, bookId: number, entries: { product_id: number; unit_price: string; tiers: Tier[] }[]): Promise<void> {
  await sql`DELETE FROM price_book_entries WHERE price_book_id = ${bookId}`.execute(trx);
  if (!entries.length) return;
  const values = entries.map((e) => sql`(${bookId}, ${e.product_id}, ${e.unit_price}::numeric, ${JSON.stringify(e.tiers)}::jsonb)`);
  await sql`INSERT INTO price_book_entries (price_book_id, product_id, unit_price, tiers) VALUES ${sql.join(values)}`.execute(trx);
}

/** Ids among these that are products (any state: an entry may price an inactive product). */
export async function existingProducts(db: Tx, ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const { rows } = await sql<{ id: number }>`SELECT id::int AS id FROM products WHERE id IN (${sql.join(ids)})`.execute(db);
  return new Set(rows.map((r) => r.id));
}

export async function selectAudience(db: Tx, bookId: number): Promise<unknown> {
  const { rows } = await sql<{ audience: unknown }>`SELECT audience FROM price_books WHERE id = ${bookId}`.execute(db);
  return rows[0]?.audience ?? null;
}

/** Writes the audience; updated_at moves, and the version trigger raises the version (audience is a real change). */
export async function writeAudience(trx: Tx, bookId: number, audience: unknown): Promise<void> {
  await sql`UPDATE price_books SET audience = ${audience === null ? null : JSON.stringify(audience)}::jsonb, updated_at = now() WHERE id = ${bookId}`.execute(trx);
}

/** Raises the book's version (and updated_at) after its entries changed. */
export async function touchBook(trx: Tx, bookId: number): Promise<number> {
  // The trigger ignores updated_at alone; entries_updated_at is a real change, so it raises the version.
  const { rows } = await sql<{ version: number }>`UPDATE price_books SET entries_updated_at = clock_timestamp(), updated_at = now() WHERE id = ${bookId} RETURNING version`.execute(trx);
  return rows[0]!.version;
}

export interface CandidateRow {
  book_id: number;
  book_name: string;
  audience: unknown;
  is_default: boolean;
  priority: number;
  product_id: number;
  unit_price: string;
  tiers: Tier[];
}

/** Entries of active books in the currency valid on the date for these products. */
export async function candidateEntries(db: Tx, currency: string, date: string, productIds: number[]): Promise<CandidateRow[]> {
  if (!productIds.length) return [];
  const { rows } = await sql<CandidateRow>`
    SELECT b.id::int AS book_id, b.name AS book_name, b.audience, b.is_default, b.priority::int AS priority,
           e.product_id::int AS product_id, e.unit_price::text AS unit_price, e.tiers
    FROM price_books b JOIN price_book_entries e ON e.price_book_id = b.id
    WHERE b.active AND b.currency = ${currency}
      AND (b.valid_from IS NULL OR b.valid_from <= ${date}::date) AND (b.valid_to IS NULL OR b.valid_to >= ${date}::date)
      AND e.product_id IN (${sql.join(productIds)})
    ORDER BY b.priority DESC, b.id`.execute(db);
  return rows;
}

/** Whether the account matches a compiled condition on accounts. */
export async function accountMatches(db: Tx, accountId: number, cond: RawBuilder<boolean>): Promise<boolean> {
  const { rows } = await sql<{ ok: boolean }>`SELECT EXISTS (SELECT 1 FROM accounts WHERE accounts.id = ${accountId} AND ${cond}) AS ok`.execute(db);
  return rows[0]?.ok === true;
}

export interface RelationRow {
  product_id: number;
  related_product_id: number;
  related_name: string | null;
  related_sku: string | null;
  kind: 'requires' | 'excludes' | 'option' | 'bundle_component';
  quantity: string;
}

const RELATION_COLUMNS = sql`r.product_id::int AS product_id, r.related_product_id::int AS related_product_id, p.name AS related_name, p.sku AS related_sku, r.kind, r.quantity::text AS quantity`;

export async function selectRelations(db: Tx, productIds: number[], kinds?: RelationRow['kind'][]): Promise<RelationRow[]> {
  if (!productIds.length) return [];
  const { rows } = await sql<RelationRow>`
    SELECT ${RELATION_COLUMNS} FROM product_relations r JOIN products p ON p.id = r.related_product_id
    WHERE r.product_id IN (${sql.join(productIds)}) ${kinds ? sql`AND r.kind IN (${sql.join(kinds)})` : sql``}
    ORDER BY r.product_id, r.position, r.id`.execute(db);
  return rows;
}

/** Exclusions naming any of these products on either side (an exclusion holds both ways). */
export async function exclusionsAmong(db: Tx, productIds: number[]): Promise<{ a: number; b: number }[]> {
  if (productIds.length < 2) return [];
  const { rows } = await sql<{ a: number; b: number }>`
    SELECT product_id::int AS a, related_product_id::int AS b FROM product_relations
    WHERE kind = 'excludes' AND product_id IN (${sql.join(productIds)}) AND related_product_id IN (${sql.join(productIds)})
    ORDER BY id`.execute(db);
  return rows;
}

export async function replaceRelations(trx: Tx, productId: number, rels: { related_product_id: number; kind: string; quantity: string }[]): Promise<void> {
  await sql`DELETE FROM product_relations WHERE product_id = ${productId}`.execute(trx);
  if (!rels.length) return;
  const values = rels.map((r, i) => sql`(${productId}, ${r.related_product_id}, ${r.kind}, ${r.quantity}::numeric, ${i + 1})`);
  await sql`INSERT INTO product_relations (product_id, related_product_id, kind, quantity, position) VALUES ${sql.join(values)}`.execute(trx);
}

/** Names and SKUs of products, for messages. */
export async function productNames(db: Tx, ids: number[]): Promise<Map<number, { name: string; sku: string | null }>> {
  if (!ids.length) return new Map();
  const { rows } = await sql<{ id: number; name: string; sku: string | null }>`SELECT id::int AS id, name, sku FROM products WHERE id IN (${sql.join(ids)})`.execute(db);
  return new Map(rows.map((r) => [r.id, { name: r.name, sku: r.sku }]));
}

