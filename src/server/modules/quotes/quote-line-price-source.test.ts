import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';
import { pricingHelpers } from '../price-books/test-support.ts';
import { orderKit } from '../orders/orders.test-support.ts';

// Where a quote line's unit price came from (LineItemsDef.priceSource), on PGlite and
// PostgreSQL: a tier of a price book, the list price, a price typed by hand; a snapshot that a
// later change of the book does not touch; copied to the order made from the quote; a reader who
// may not read price books learns only that a book priced it.
const t = useTestApp();
const { product, book } = pricingHelpers(t);
const { acceptedQuote } = orderKit(t);

async function newQuote(token = t.adminToken) {
  const r = await t.api(token, 'POST', '/quotes', { subject: 'Price sources', currency: 'CNY' });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.data as { id: number; version: number };
}
async function putLines(id: number, lines: unknown[], token = t.adminToken) {
  const version = (await t.api(token, 'GET', `/quotes/${id}/lines`)).body.data.version;
  const r = await t.api(token, 'PUT', `/quotes/${id}/lines`, { version, lines });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.data.lines as { unit_price: string; price_source: unknown }[];
}
const linesOf = async (path: string, token = t.adminToken) => (await t.api(token, 'GET', `${path}/lines`)).body.data.lines as { unit_price?: string; price_source?: unknown }[];

async function channelBook() {
  const p = await product({ list_price: '130.00' });
  const listed = await product({ list_price: '40.00' });
  const b = await book({ name: '2026 渠道价', priority: 3 }, [{ product_id: p.id, unit_price: '120.00', tiers: [{ min_quantity: '100', unit_price: '95.00' }] }]);
  return { p, listed, b };
}

describe('price source of quote lines', () => {
  it('records the book and tier, the list price, or a manual price, and answers them in GET lines', async () => {
    const { p, listed, b } = await channelBook();
    const q = await newQuote();
    const put = await putLines(q.id, [
      { product_id: p.id, quantity: 150 },
      { product_id: p.id, quantity: 2 },
      { product_id: listed.id, quantity: 1 },
      { product_id: p.id, quantity: 1, unit_price: '77.00' },
      { product_id: p.id, quantity: 100, unit_price: '95' },
      { description: 'Installation', quantity: 1, unit_price: '500' },
    ]);
    const expected = [
      { unit_price: '95', price_source: { kind: 'price_book', price_book: { id: b.id, name: '2026 渠道价' }, min_quantity: '100' } },
      { unit_price: '120', price_source: { kind: 'price_book', price_book: { id: b.id, name: '2026 渠道价' }, min_quantity: null } },
      { unit_price: '40', price_source: { kind: 'list', price_book: null, min_quantity: null } },
      // Typed and different from the book's: manual; typed and equal to the tier's: the book.
      { unit_price: '77', price_source: { kind: 'manual', price_book: null, min_quantity: null } },
      { unit_price: '95', price_source: { kind: 'price_book', price_book: { id: b.id, name: '2026 渠道价' }, min_quantity: '100' } },
      { unit_price: '500', price_source: { kind: 'manual', price_book: null, min_quantity: null } },
    ];
    expect(put).toMatchObject(expected);
    expect(await linesOf(`/quotes/${q.id}`)).toMatchObject(expected);
  });

  it('is a snapshot: changing the book afterwards, and re-saving the lines as the editor sends them, keep it', async () => {
    const { p, b } = await channelBook();
    const q = await newQuote();
    await putLines(q.id, [{ product_id: p.id, quantity: 150 }]);
    const entries = await t.api(t.adminToken, 'GET', `/price_books/${b.id}/entries`);
    expect((await t.api(t.adminToken, 'PUT', `/price_books/${b.id}/entries`, { version: entries.body.data.version, entries: [{ product_id: p.id, unit_price: '110.00' }] })).status).toBe(200);
    const renamed = await t.api(t.adminToken, 'PATCH', `/price_books/${b.id}`, { name: '2027 渠道价' });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    const kept = { unit_price: '95', price_source: { kind: 'price_book', price_book: { id: b.id, name: '2026 渠道价' }, min_quantity: '100' } };
    expect(await linesOf(`/quotes/${q.id}`)).toMatchObject([kept]);
    // The line editor sends the stored price back typed: the unchanged line keeps its source.
    expect(await putLines(q.id, [{ product_id: p.id, quantity: '150', unit_price: '95' }])).toMatchObject([kept]);
    // A changed quantity is a new line: the typed old price now differs from the book's.
    expect((await putLines(q.id, [{ product_id: p.id, quantity: '151', unit_price: '95' }]))[0]!.price_source).toMatchObject({ kind: 'manual' });
  });

  it('is copied to the order made from the quote', async () => {
    const { p, listed, b } = await channelBook();
    const q = await acceptedQuote({ currency: 'CNY' }, [{ product_id: p.id, quantity: 120 }, { product_id: listed.id, quantity: 1 }, { description: 'Setup', quantity: 1, unit_price: 9 }] as never);
    const made = await t.api(t.adminToken, 'POST', `/orders/from-quote/${q.id}`);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const sources = (await linesOf(`/orders/${made.body.data.id}`)).map((l) => l.price_source);
    expect(sources).toEqual([
      { kind: 'price_book', price_book: { id: b.id, name: '2026 渠道价' }, min_quantity: '100' },
      { kind: 'list', price_book: null, min_quantity: null },
      { kind: 'manual', price_book: null, min_quantity: null },
    ]);
    expect(sources).toEqual((await linesOf(`/quotes/${q.id}`)).map((l) => l.price_source));
  });

  it('names no book to a reader who may not read price books, though the book priced the line', async () => {
    const { p, b } = await channelBook();
    expect((await t.api(t.adminToken, 'PATCH', '/roles/sales', { objects: { price_books: { read: false, list: false } } })).status).toBe(200);
    const rep = await t.userToken('sales');
    const q = await newQuote(rep.token);
    const put = await putLines(q.id, [{ product_id: p.id, quantity: 100 }], rep.token);
    const masked = { kind: 'price_book', price_book: null, min_quantity: '100' };
    expect(put[0]).toMatchObject({ unit_price: '95', price_source: masked });
    expect((await linesOf(`/quotes/${q.id}`, rep.token))[0]!.price_source).toEqual(masked);
    expect(JSON.stringify((await t.api(rep.token, 'GET', `/quotes/${q.id}/lines`)).body)).not.toContain('渠道价');
    // The line still records the book: a reader who may read books sees it.
    expect((await linesOf(`/quotes/${q.id}`))[0]!.price_source).toEqual({ ...masked, price_book: { id: b.id, name: '2026 渠道价' } });
  });
});
