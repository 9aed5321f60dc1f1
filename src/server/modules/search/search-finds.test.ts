import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';

// What search guarantees (issue 10): accents folded, company pinyin, name prefixes found
// however old, addresses and searchable custom fields found, hidden text never matched.
const t = useTestApp();
const titles = async (q: string, token = t.adminToken) =>
  (await t.api(token, 'GET', `/search?q=${encodeURIComponent(q)}`)).body.data.map((h: any) => h.title);
const listNames = async (object: string, q: string, token = t.adminToken) =>
  (await t.api(token, 'GET', `/${object}?q=${encodeURIComponent(q)}`)).body.data.map((r: any) => r.name);

beforeAll(async () => {
  await t.api(t.adminToken, 'POST', '/accounts', { name: 'Bólido Comidas preparadas', city: 'Madrid', country: 'España', postal_code: '28023' });
  await t.api(t.adminToken, 'POST', '/accounts', { name: 'Lehmanns Marktstand', city: 'Frankfurt a.M.', country: 'Deutschland', street: 'Magazinweg 7' });
  await t.api(t.adminToken, 'POST', '/contacts', { name: 'Ana Trujillo', city: 'México D.F.', street: 'Avda. de la Constitución 2222', postal_code: '05021' });
  await t.api(t.adminToken, 'POST', '/contacts', { name: 'Maria Anders', city: 'München' });
  await t.api(t.adminToken, 'POST', '/accounts', { name: '招商银行' });
});

describe('search finds what people type', () => {
  it('folds accents in documents and queries', async () => {
    expect(await titles('Bolido')).toEqual(['Bólido Comidas preparadas']);
    expect(await titles('Munchen')).toEqual(['Maria Anders']);
    expect(await titles('Mexico')).toEqual(['Ana Trujillo']);
    expect(await titles('MÜNCHEN')).toEqual(['Maria Anders']);
    expect(await listNames('accounts', 'bolido comidas')).toEqual(['Bólido Comidas preparadas']);
  });

  it('reads company names in ordinary pinyin (银行 is yinhang)', async () => {
    expect(await titles('zhaoshangyinhang')).toEqual(['招商银行']);
    expect(await titles('zsyh')).toEqual(['招商银行']);
    expect(await titles('zhaoshangyinxing')).toEqual([]);
  });

  it('finds addresses, postal codes and countries', async () => {
    expect(await titles('Constitucion')).toEqual(['Ana Trujillo']);
    expect(await titles('05021')).toEqual(['Ana Trujillo']);
    expect(await titles('28023')).toEqual(['Bólido Comidas preparadas']);
    expect(await titles('Deutschland')).toEqual(['Lehmanns Marktstand']);
    expect(await titles('Espana')).toEqual(['Bólido Comidas preparadas']);
    expect(await titles('magazinweg')).toEqual(['Lehmanns Marktstand']);
  });

  it('finds an old record whose name starts with a single character behind hundreds of newer matches', async () => {
    const old = await t.api(t.adminToken, 'POST', '/contacts', { name: '奇瑞' });
    const oldTrad = await t.api(t.adminToken, 'POST', '/accounts', { name: '興業銀行' });
    // Newer records containing the character (not at the start) fill the newest candidates.
    for (let i = 0; i < 230; i++) await t.api(t.adminToken, 'POST', '/contacts', { name: `王奇${i}` });
    for (let i = 0; i < 210; i++) await t.api(t.adminToken, 'POST', '/accounts', { name: `新興${i}` });
    const hits = (await t.api(t.adminToken, 'GET', `/search?q=${encodeURIComponent('奇')}&limit=5`)).body.data;
    expect(hits[0]).toMatchObject({ id: old.body.data.id, title: '奇瑞' });
    const trad = (await t.api(t.adminToken, 'GET', `/search?q=${encodeURIComponent('興')}&limit=5&types=account`)).body.data;
    expect(trad[0]).toMatchObject({ id: oldTrad.body.data.id, title: '興業銀行' });
    // The simplified form finds it too.
    expect((await t.api(t.adminToken, 'GET', `/search?q=${encodeURIComponent('兴')}&limit=5&types=account`)).body.data[0].id).toBe(oldTrad.body.data.id);
  });
});
