import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../db/test-helpers.ts';
import { fillSortKeys } from './sort-key-fill.ts';

// Titles sort by pinyin: Chinese names by their reading, English and mixed names beside them.
const t = useTestApp();
const NAMES = ['北京科技', 'Acme', '阿里巴巴', 'zeta Ltd', '重庆火锅', '安徽', 'Beta', '长城'];
// a li ba ba < acme < an hui < bei jing < beta < chang cheng < chong qing < zeta
const EXPECTED = ['阿里巴巴', 'Acme', '安徽', '北京科技', 'Beta', '长城', '重庆火锅', 'zeta Ltd'];
let account: number;

beforeAll(async () => {
  for (const name of NAMES) expect((await t.api(t.adminToken, 'POST', '/accounts', { name: `${name}` })).status).toBe(201);
  account = (await t.api(t.adminToken, 'POST', '/accounts', { name: '相关客户 Related' })).body.data.id;
  for (const name of ['王五', 'Alice', '曾国藩', '单雄信', '李四']) await t.api(t.adminToken, 'POST', '/contacts', { name, account_id: account });
});

const names = (body: any) => body.data.map((r: any) => r.name);

async function allPages(url: string): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | null = null;
  do {
    const res: any = await t.api(t.adminToken, 'GET', `${url}&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.status).toBe(200);
    out.push(...names(res.body));
    cursor = res.body.next_cursor;
  } while (cursor);
  return out;
}

describe('pinyin order', () => {
  it('sorts account lists by the pinyin of their names, across cursor pages, both ways', async () => {
    const asc = await allPages('/accounts?sort=name');
    expect(asc.filter((n) => NAMES.includes(n))).toEqual(EXPECTED);
    const desc = await allPages('/accounts?sort=-name');
    expect(desc.filter((n) => NAMES.includes(n))).toEqual([...EXPECTED].reverse());
    // The key is internal: no record answer carries it.
    const one = await t.api(t.adminToken, 'GET', `/accounts/${account}`);
    expect(one.body.data).not.toHaveProperty('sort_key');
  });

  it('sorts a related list of contacts by surname pinyin (单 shan, 曾 zeng)', async () => {
    const res = await t.api(t.adminToken, 'GET', `/contacts?filter[account_id]=${account}&sort=name`);
    expect(names(res.body)).toEqual(['Alice', '李四', '单雄信', '王五', '曾国藩']);
  });

  it('keeps the key on rename and exports in the same order', async () => {
    const res = await t.api(t.adminToken, 'GET', `/contacts?filter[account_id]=${account}&filter[name]=王五`);
    await t.api(t.adminToken, 'PATCH', `/contacts/${res.body.data[0].id}`, { name: '艾伦' });
    const after = await t.api(t.adminToken, 'GET', `/contacts?filter[account_id]=${account}&sort=name`);
    expect(names(after.body)).toEqual(['艾伦', 'Alice', '李四', '单雄信', '曾国藩']);
    const csv = await t.app.inject({ method: 'GET', url: `/api/v1/contacts/export?filter[account_id]=${account}&sort=name`, headers: { authorization: `Bearer ${t.adminToken}` } });
    expect(csv.statusCode).toBe(200);
    const order = ['艾伦', 'Alice', '李四', '单雄信', '曾国藩'].map((n) => csv.body.indexOf(n));
    expect(order.every((p) => p > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('fills the key of rows written before it existed, in chunks', async () => {
    await sql`UPDATE accounts SET sort_key = NULL`.execute(t.database.db);
    expect(await fillSortKeys(t.database.db)).toBeGreaterThanOrEqual(NAMES.length);
    const asc = await allPages('/accounts?sort=name');
    expect(asc.filter((n) => NAMES.includes(n))).toEqual(EXPECTED);
    expect(await fillSortKeys(t.database.db)).toBe(0);
  });
});
