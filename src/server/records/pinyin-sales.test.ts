import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../db/test-helpers.ts';
import { fillSortKeys } from './sort-key-fill.ts';

// The sales objects' lists sort their titles by pinyin like accounts and contacts (migration
// 029's mechanism, a `sort_key` column added by each module's own migration).
const t = useTestApp();
const TITLES = ['北京项目', 'Acme', '阿里巴巴', '长城', 'Beta'];
// a li ba ba < acme < bei jing < beta < chang cheng (长 read chang, not zhang)
const EXPECTED = ['阿里巴巴', 'Acme', '北京项目', 'Beta', '长城'];
let account: number;

const OBJECTS: { object: string; title: string; body: (title: string, i: number) => Record<string, unknown> }[] = [
  { object: 'opportunities', title: 'name', body: () => ({}) },
  { object: 'products', title: 'name', body: (_, i) => ({ sku: `PY-${i}-${Math.random().toString(36).slice(2, 7)}`, list_price: '10' }) },
  { object: 'quotes', title: 'subject', body: () => ({}) },
  { object: 'orders', title: 'subject', body: () => ({}) },
  { object: 'contracts', title: 'name', body: () => ({ account_id: account, type: 'service', start_date: '2026-01-01', end_date: '2026-12-31', value: '100.00' }) },
  { object: 'price_books', title: 'name', body: () => ({ currency: 'CNY' }) },
  { object: 'territories', title: 'name', body: () => ({}) },
];

beforeAll(async () => {
  account = (await t.api(t.adminToken, 'POST', '/accounts', { name: '拼音客户' })).body.data.id;
  for (const o of OBJECTS) {
    for (const [i, title] of TITLES.entries()) {
      const res = await t.api(t.adminToken, 'POST', `/${o.object}`, { [o.title]: title, ...o.body(title, i) });
      expect(res.status, `${o.object}: ${JSON.stringify(res.body)}`).toBe(201);
    }
  }
});

async function allPages(o: (typeof OBJECTS)[number], desc = false): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | null = null;
  do {
    const res: any = await t.api(t.adminToken, 'GET', `/${o.object}?sort=${desc ? '-' : ''}${o.title}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.status).toBe(200);
    out.push(...res.body.data.map((r: any) => r[o.title]));
    cursor = res.body.next_cursor;
  } while (cursor);
  return out.filter((x) => TITLES.includes(x));
}

describe('pinyin order of the sales objects', () => {
  for (const o of OBJECTS) {
    it(`sorts ${o.object} by the pinyin of their ${o.title}, across pages, both ways`, async () => {
      expect(await allPages(o)).toEqual(EXPECTED);
      expect(await allPages(o, true)).toEqual([...EXPECTED].reverse());
      const one = await t.api(t.adminToken, 'GET', `/${o.object}?limit=1`);
      expect(one.body.data[0]).not.toHaveProperty('sort_key');
    });
  }

  it('fills the key of sales rows written before it existed', async () => {
    for (const o of OBJECTS) await sql`UPDATE ${sql.table(o.object)} SET sort_key = NULL`.execute(t.database.db);
    expect(await fillSortKeys(t.database.db)).toBeGreaterThanOrEqual(OBJECTS.length * TITLES.length);
    for (const o of OBJECTS) expect(await allPages(o)).toEqual(EXPECTED);
  });
});
