import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { requireDo, type Actor } from '../../core/access.ts';
import { writeAudit } from '../../core/audit.ts';
import { invalid, type FieldIssue } from '../../http/errors.ts';
import { getObject } from '../../records/registry.ts';
import type { Tx } from '../../records/types.ts';
import { loadVisible } from '../../records/service.ts';
import { assertVersion } from '../../records/versions.ts';
import { validateCondition } from '../../records/conditions.ts';
import { minorDigits, parseMoney } from '../../../shared/money.ts';
import type { PutEntriesBody } from '../../../shared/contracts/price-books.ts';
import { decimalIssue, plain, QUANTITY_PLACES } from './decimals.ts';
import { existingProducts, replaceEntries, selectAudience, selectEntries, touchBook, writeAudience, type Tier } from './price-books.repo.ts';

// A price book's entries (a product once, its unit price and quantity tiers) and its audience
// (a condition tree on accounts). Read with the book; written by those who may update it.

const books = () => getObject('price_books');
const digitsOf = (currency: string) => Math.min(minorDigits(currency), 4);

export async function getEntries(db: Kysely<DB>, actor: Actor, bookId: number) {
  requireDo(actor, books(), 'read');
  const book = await loadVisible(db, books(), actor, bookId);
  return answer(db, book.currency, book.version, bookId);
}

async function answer(db: Tx, currency: string, version: number, bookId: number) {
  const d = digitsOf(currency);
  // Stored prices never carry more digits than the currency has, so toFixed only pads.
  const fix = (v: string) => parseMoney(v)!.toFixed(d);
  const entries = (await selectEntries(db, bookId)).map((e) => ({
    product_id: e.product_id, product_name: e.product_name, sku: e.sku, unit_price: fix(e.unit_price),
    tiers: e.tiers.map((t) => ({ min_quantity: plain(t.min_quantity), unit_price: fix(t.unit_price) })),
  }));
  return { currency, version, entries };
}

/** Checks every entry (an issue per bad value, all at once) and answers them as stored. */
async function checkEntries(db: Tx, body: PutEntriesBody, currency: string) {
  const issues: FieldIssue[] = [];
  const d = digitsOf(currency);
  const known = await existingProducts(db, [...new Set(body.entries.map((e) => e.product_id))]);
  const seen = new Set<number>();
  const out = body.entries.map((e, i) => {
    const at = (k: string) => `entries[${i}].${k}`;
    if (!known.has(e.product_id)) issues.push({ field: at('product_id'), message: 'No such product', code: 'unknown_product' });
    else if (seen.has(e.product_id)) issues.push({ field: at('product_id'), message: 'A product once per price book', code: 'duplicate_product' });
    seen.add(e.product_id);
    const price = decimalIssue(e.unit_price, at('unit_price'), d, issues);
    let last: string | null = null;
    const tiers: Tier[] = [];
    (e.tiers ?? []).forEach((t, j) => {
      const q = decimalIssue(t.min_quantity, at(`tiers[${j}].min_quantity`), QUANTITY_PLACES, issues, { positive: true });
      const p = decimalIssue(t.unit_price, at(`tiers[${j}].unit_price`), d, issues);
      if (q && last !== null && !q.gt(last)) issues.push({ field: at(`tiers[${j}].min_quantity`), message: 'Tiers go up by quantity, each once', code: 'tiers_not_ascending' });
      if (q) last = q.toString();
      if (q && p) tiers.push({ min_quantity: q.toString(), unit_price: p.toString() });
    });
    return { product_id: e.product_id, unit_price: price?.toString() ?? '0', tiers };
  });
  if (issues.length) throw invalid(issues);
  return out;
}

/** PUT /price_books/{id}/entries: the whole set replaced in one transaction, the book's version checked when sent and raised. */
export async function putEntries(db: Kysely<DB>, actor: Actor, bookId: number, body: PutEntriesBody, ifMatch?: number) {
  requireDo(actor, books(), 'update');
  return db.transaction().execute(async (trx) => {
    const book = await loadVisible(trx, books(), actor, bookId, true);
    const expected = body.version ?? ifMatch;
    if (expected !== undefined) await assertVersion(trx, books(), actor, book, expected);
    const entries = await checkEntries(trx, body, book.currency);
    const before = (await selectEntries(trx, bookId)).length;
    await replaceEntries(trx, bookId, entries);
    const version = await touchBook(trx, bookId);
    await writeAudit(trx, { actorId: actor.id, action: 'update', object: 'price_books', recordId: bookId, changes: { entries: [before, entries.length] } });
    return answer(trx, book.currency, version, bookId);
  });
}

export async function getAudience(db: Kysely<DB>, actor: Actor, bookId: number) {
  requireDo(actor, books(), 'read');
  await loadVisible(db, books(), actor, bookId);
  return { audience: await selectAudience(db, bookId) };
}

const emptyTree = (t: unknown) => t === null || t === undefined || (typeof t === 'object' && Array.isArray((t as { conditions?: unknown }).conditions) && (t as { conditions: unknown[] }).conditions.length === 0);

/** PUT /price_books/{id}/audience: a tree on accounts checked against the author's own rights (invalid_condition), or null/empty for everyone. */
export async function putAudience(db: Kysely<DB>, actor: Actor, bookId: number, tree: unknown) {
  requireDo(actor, books(), 'update');
  const audience = emptyTree(tree) ? null : await validateCondition(db, getObject('accounts'), tree, actor);
  return db.transaction().execute(async (trx) => {
    const book = await loadVisible(trx, books(), actor, bookId, true);
    await writeAudience(trx, bookId, audience);
    await writeAudit(trx, { actorId: actor.id, action: 'update', object: 'price_books', recordId: bookId, changes: { audience: [book.audience ?? null, audience] } });
    return { audience };
  });
}
