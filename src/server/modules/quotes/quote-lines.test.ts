import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';

// Quotes and their lines through the API: the line-items service (records/line-items.ts)
// behind GET/PUT /quotes/{id}/lines, on PGlite and PostgreSQL.
const t = useTestApp();
const f = factories(t);
let skuSeq = 0;

async function product(values: Record<string, unknown> = {}) {
  const r = await t.api(t.adminToken, 'POST', '/products', { name: `Widget ${++skuSeq}`, sku: `W-${skuSeq}-${Math.random().toString(36).slice(2, 7)}`, unit: 'pcs', list_price: '19.99', tax_rate: 13, ...values });
  expect(r.status).toBe(201);
  return r.body.data;
}

async function quote(values: Record<string, unknown> = {}, token = t.adminToken) {
  const r = await t.api(token, 'POST', '/quotes', { subject: 'Scanners', ...values });
  expect(r.status).toBe(201);
  return r.body.data;
}

const put = (id: number, body: unknown, token = t.adminToken, headers?: Record<string, string>) => t.api(token, 'PUT', `/quotes/${id}/lines`, body, headers);
const lines = (id: number, token = t.adminToken) => t.api(token, 'GET', `/quotes/${id}/lines`);

describe('quotes', () => {
  it('are numbered Q-{YYYY}-{00000} and take the account currency, else the organisation one', async () => {
    const usd = await f.account({ currency: 'USD' });
    const q1 = await quote({ account_id: usd.id });
    const q2 = await quote();
    const year = new Date().getFullYear();
    expect(q1.number).toMatch(new RegExp(`^Q-${year}-\\d{5}$`));
    expect(Number(q2.number.slice(-5))).toBe(Number(q1.number.slice(-5)) + 1);
    expect(q1).toMatchObject({ currency: 'USD', status: 'draft', rounding_mode: 'per_line', prices_include_tax: false, gross_total: '0.00' });
    expect(q2.currency).toBe('CNY');
  });

  it('lists on the account page and shows on the account and contact timelines', async () => {
    const a = await f.account();
    const c = await f.contact();
    const q = await quote({ account_id: a.id, contact_id: c.id });
    const meta = await t.api(t.adminToken, 'GET', '/meta/objects/accounts');
    expect(meta.body.data.related).toContainEqual({ object: 'quotes', field: 'account_id' });
    for (const [object, id] of [['accounts', a.id], ['contacts', c.id]] as const) {
      const tl = await t.api(t.adminToken, 'GET', `/timeline/${object}/${id}`);
      expect(tl.body.data.map((e: { title: string }) => e.title)).toContain(q.number);
    }
  });
});

describe('quote lines', () => {
  it('3 × 19.99 at 13 % VAT is 67.77: stored, totalled on the quote, audited, version raised', async () => {
    const p = await product();
    const q = await quote();
    const r = await put(q.id, { version: q.version, lines: [{ product_id: p.id, quantity: 3 }] });
    expect(r.status).toBe(200);
    expect(r.body.data.lines).toEqual([expect.objectContaining({
      position: 1, product_id: p.id, sku: p.sku, description: p.name, unit: 'pcs', quantity: '3', unit_price: '19.99',
      discount_percent: '0', tax_rate: '13', net: '59.97', tax: '7.80', gross: '67.77',
    })]);
    expect(r.body.data.totals).toEqual({ net_total: '59.97', tax_total: '7.80', gross_total: '67.77', discount_total: '0.00' });
    expect(r.body.data.version).toBe(q.version + 1);
    const got = await t.api(t.adminToken, 'GET', `/quotes/${q.id}`);
    expect(got.body.data).toMatchObject({ net_total: '59.97', tax_total: '7.80', gross_total: '67.77', version: q.version + 1 });
    expect((await lines(q.id)).body.data.lines[0].gross).toBe('67.77');
    const audit = await t.api(t.adminToken, 'GET', `/audit-log?filter[object]=quotes&filter[record_id]=${q.id}`);
    expect(JSON.stringify(audit.body)).toContain('67.77');
  });

  it('replaces the whole set in order, with discounts, an overall discount and prices including tax', async () => {
    const q = await quote({ prices_include_tax: true, discount_percent: 10 });
    const r = await put(q.id, { version: q.version, lines: [
      { description: 'Installation', quantity: '1', unit_price: '113', tax_rate: '13' },
      { description: 'Cable', quantity: '2', unit_price: '10', discount_percent: '50', tax_rate: 0 },
    ] });
    expect(r.status).toBe(200);
    // 113 × 0.9 = 101.70 gross → 90.00 net + 11.70 tax; 2 × 10 × 0.5 × 0.9 = 9.00.
    expect(r.body.data.lines.map((l: { description: string; net: string; tax: string }) => [l.description, l.net, l.tax])).toEqual([['Installation', '90.00', '11.70'], ['Cable', '9.00', '0.00']]);
    expect(r.body.data.totals).toMatchObject({ net_total: '99.00', tax_total: '11.70', gross_total: '110.70', discount_total: '21.00' });
    const again = await put(q.id, { version: r.body.data.version, lines: [] });
    expect(again.body.data).toMatchObject({ lines: [], totals: { gross_total: '0.00' } });
  });

  it('recomputes the totals in the same write when the rounding, tax inclusion or discount changes', async () => {
    const q = await quote();
    const r = await put(q.id, { version: q.version, lines: [1, 2, 3].map(() => ({ description: 'Clip', quantity: 1, unit_price: '0.05', tax_rate: 13 })) });
    expect(r.body.data.totals.tax_total).toBe('0.03');
    const patched = await t.api(t.adminToken, 'PATCH', `/quotes/${q.id}`, { rounding_mode: 'total', version: r.body.data.version });
    expect(patched.status).toBe(200);
    expect(patched.body.data).toMatchObject({ tax_total: '0.02', gross_total: '0.17' });
    expect(patched.body.data.version).toBe(r.body.data.version + 1);
    const l = (await lines(q.id)).body.data.lines;
    expect(l.map((x: { tax: string }) => x.tax)).toEqual(['0.01', '0.01', '0.00']);
  });

  it('a currency change recomputes the totals in its minor unit, or is refused when the prices do not fit it', async () => {
    const q = await quote();
    const r = await put(q.id, { version: q.version, lines: [{ description: 'Unit', quantity: 3, unit_price: 100, tax_rate: '13.5' }] });
    expect(r.body.data.totals).toMatchObject({ tax_total: '40.50', gross_total: '340.50' });
    // 300 × 13.5 % = 40.5 → 41 yen: recomputed in the PATCH, not kept from the CNY lines.
    const yen = await t.api(t.adminToken, 'PATCH', `/quotes/${q.id}`, { currency: 'JPY' });
    expect(yen.status, JSON.stringify(yen.body)).toBe(200);
    expect(yen.body.data).toMatchObject({ currency: 'JPY', tax_total: '41', gross_total: '341' });
    const q2 = await quote();
    await put(q2.id, { version: q2.version, lines: [{ description: 'Cent', quantity: 2, unit_price: '0.50' }] });
    const refused = await t.api(t.adminToken, 'PATCH', `/quotes/${q2.id}`, { currency: 'JPY' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details[0].code).toBe('too_many_decimals');
    expect((await t.api(t.adminToken, 'GET', `/quotes/${q2.id}`)).body.data).toMatchObject({ currency: 'CNY', gross_total: '1.00' });
  });

  it('refuses a stale version with 409 and the current quote, and changes nothing', async () => {
    const q = await quote();
    const ok = await put(q.id, { version: q.version, lines: [{ description: 'A', quantity: 1, unit_price: 5 }] });
    const stale = await put(q.id, { version: q.version, lines: [] });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details).toMatchObject({ reason: 'version_mismatch', current: { id: q.id, version: ok.body.data.version } });
    const viaHeader = await put(q.id, { lines: [] }, t.adminToken, { 'if-match': `"${q.version}"` });
    expect(viaHeader.status).toBe(409);
    expect((await put(q.id, { lines: [] })).body.error.details).toEqual([expect.objectContaining({ field: 'version', code: 'required' })]);
    expect((await lines(q.id)).body.data.lines).toHaveLength(1);
  });

  it('refuses bad lines with a code per row and field, and changes nothing', async () => {
    const inactive = await product({ active: false });
    const q = await quote();
    const first = await put(q.id, { version: q.version, lines: [{ description: 'Keep', quantity: 1, unit_price: 1 }] });
    const v = first.body.data.version;
    const cases: [unknown[], string, string][] = [
      [[{ description: 'x', quantity: -1, unit_price: 1 }], 'lines[0].quantity', 'negative_quantity'],
      [[{ description: 'x', quantity: 1, unit_price: 1, discount_percent: 101 }], 'lines[0].discount_percent', 'discount_out_of_range'],
      [[{ description: 'x', quantity: 1, unit_price: 1, discount_percent: -1 }], 'lines[0].discount_percent', 'discount_out_of_range'],
      [[{ description: 'x', quantity: 1, unit_price: '1.001' }], 'lines[0].unit_price', 'too_many_decimals'],
      [[{ description: 'x', quantity: '1.00001', unit_price: 1 }], 'lines[0].quantity', 'too_many_decimals'],
      [[{ description: 'x', quantity: 1, unit_price: 1, tax_rate: 130 }], 'lines[0].tax_rate', 'tax_rate_out_of_range'],
      [[{ description: 'ok', quantity: 1, unit_price: 1 }, { product_id: inactive.id, quantity: 1 }], 'lines[1].product_id', 'unknown_product'],
      [[{ product_id: 99_999_999, quantity: 1 }], 'lines[0].product_id', 'unknown_product'],
      [[{ quantity: 1, unit_price: 1 }], 'lines[0].description', 'required'],
      [[{ description: 'x', quantity: 'lots', unit_price: 1 }], 'lines[0].quantity', 'invalid_number'],
      [Array.from({ length: 501 }, () => ({ description: 'x', quantity: 1, unit_price: 1 })), 'lines', 'too_many_lines'],
    ];
    for (const [bad, field, code] of cases) {
      const r = await put(q.id, { version: v, lines: bad });
      expect(r.status, `${field} ${code}`).toBe(400);
      expect(r.body.error.details).toContainEqual(expect.objectContaining({ field, code }));
    }
    const after = (await lines(q.id)).body.data;
    expect(after).toMatchObject({ version: v, lines: [expect.objectContaining({ description: 'Keep' })], totals: { gross_total: '1.00' } });
  });

  it('JPY quotes have no minor unit: a fractional price is refused, totals are whole yen', async () => {
    const q = await quote({ currency: 'JPY' });
    expect((await put(q.id, { version: q.version, lines: [{ description: 'x', quantity: 1, unit_price: '1.5' }] })).body.error.details[0].code).toBe('too_many_decimals');
    const r = await put(q.id, { version: q.version, lines: [{ description: 'x', quantity: 3, unit_price: 333, tax_rate: 10 }] });
    expect(r.body.data.totals).toMatchObject({ net_total: '999', tax_total: '100', gross_total: '1099' });
  });

  it('a user who may not see the quote gets the same 404 as for a missing one; writing needs update', async () => {
    const owner = await f.user('sales');
    const other = await f.user('sales');
    const q = await quote({}, owner.token);
    for (const token of [other.token]) {
      const hidden = await lines(q.id, token);
      const missing = await lines(99_999_999, token);
      expect(hidden.status).toBe(404);
      expect(hidden.body).toEqual(missing.body);
      const hiddenPut = await put(q.id, { version: q.version, lines: [] }, token);
      expect(hiddenPut.status).toBe(404);
      expect(hiddenPut.body).toEqual((await put(99_999_999, { version: 1, lines: [] }, token)).body);
    }
    const ro = await f.user('readonly');
    expect((await lines(q.id, ro.token)).status).toBe(200);
    expect((await put(q.id, { version: q.version, lines: [] }, ro.token)).status).toBe(403);
    expect((await put(q.id, { version: q.version, lines: [{ description: 'mine', quantity: 1, unit_price: 2 }] }, owner.token)).status).toBe(200);
  });

  it('a role that hides a quote total sees no line money and may not rewrite the lines', async () => {
    const q = await quote();
    const done = await put(q.id, { version: q.version, lines: [{ description: 'Secret price', quantity: 2, unit_price: '123.45' }] });
    expect((await t.api(t.adminToken, 'PATCH', '/roles/readonly', { field_rules: { quotes: { gross_total: 'hidden' } } })).status).toBe(200);
    const ro = await f.user('readonly');
    const r = await lines(q.id, ro.token);
    expect(r.status).toBe(200);
    expect(r.body.data.lines[0]).toMatchObject({ description: 'Secret price', quantity: '2' });
    expect(JSON.stringify(r.body)).not.toContain('123.45');
    for (const k of ['unit_price', 'net', 'tax', 'gross']) expect(r.body.data.lines[0]).not.toHaveProperty(k);
    expect(r.body.data.totals).not.toHaveProperty('gross_total');
    await t.api(t.adminToken, 'PATCH', '/roles/marketing', { field_rules: { quotes: { net_total: 'hidden' } } });
    const mk = await f.user('marketing');
    const refused = await put(q.id, { version: done.body.data.version, lines: [] }, mk.token);
    expect(refused.status).toBe(403);
    expect((await lines(q.id)).body.data.lines).toHaveLength(1);
  });

  it('lines go with their quote', async () => {
    const q = await quote();
    await put(q.id, { version: q.version, lines: [{ description: 'x', quantity: 1, unit_price: 1 }] });
    expect((await t.api(t.adminToken, 'DELETE', `/quotes/${q.id}`)).status).toBe(204);
    const { rows } = await (await import('kysely')).sql<{ n: number }>`SELECT count(*)::int AS n FROM quote_lines WHERE parent_id = ${q.id}`.execute(t.database.db);
    expect(rows[0]!.n).toBe(0);
  });
});
