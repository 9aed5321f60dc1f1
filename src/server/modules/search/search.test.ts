import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';

const t = useTestApp();
beforeAll(async () => {
  const f = factories(t);
  const acc = await f.account({ name: '北京精密机械有限公司', phone: '010-6401-8888' });
  await f.contact({ name: '张三', mobile: '+86 138-0013-8000', email: 'zhangsan@example.cn', account_id: acc.id });
  await f.contact({ name: '张三丰', email: 'sanfeng@wudang.cn' });
  await f.contact({ name: '張四', city: '台北' });
  await f.contact({ name: 'Emma Wilson', email: 'emma.wilson@acme.co.uk', notes: 'Prefers morning calls about the Shenzhen factory' });
});

const titles = async (q: string) => (await t.api(t.adminToken, 'GET', `/search?q=${encodeURIComponent(q)}`)).body.data.map((h: any) => h.title);

describe('global search', () => {
  it('finds 2-character Chinese words, best match first', async () => {
    expect(await titles('张三')).toEqual(['张三', '张三丰']);
    expect(await titles('北京')).toEqual(expect.arrayContaining(['北京精密机械有限公司', '张三']));
  });
  it('matches Simplified and Traditional both ways', async () => {
    expect(await titles('張三')).toEqual(['张三', '张三丰']);
    expect(await titles('张四')).toEqual(['張四']);
    expect(await titles('臺北')).toEqual(['張四']);
  });
  it('finds names by pinyin and initials', async () => {
    expect((await titles('zhangsan'))[0]).toBe('张三');
    expect(await titles('zs')).toContain('张三');
    expect(await titles('zhangs')).toEqual(expect.arrayContaining(['张三', '张三丰']));
    expect(await titles('zx')).toEqual([]);
  });
  it('finds phones by any 4 digits and emails by prefix', async () => {
    expect(await titles('0013')).toEqual(['张三']);
    expect(await titles('8000')).toEqual(['张三']);
    expect(await titles('6401')).toEqual(['北京精密机械有限公司']);
    expect(await titles('1399')).toEqual([]);
    expect(await titles('emma.wil')).toEqual(['Emma Wilson']);
    expect(await titles('sanfeng@wu')).toEqual(['张三丰']);
  });
  it('finds company names and notes', async () => {
    expect(await titles('精密机械')).toEqual(expect.arrayContaining(['北京精密机械有限公司', '张三']));
    expect(await titles('shenzhen factory')).toEqual(['Emma Wilson']);
    expect(await titles('wil')).toEqual(['Emma Wilson']);
  });
  it('finds a record named exactly as the query even behind hundreds of newer partial matches', async () => {
    const exact = await factories(t).contact({ name: '张伟' });
    for (let i = 0; i < 210; i++) await factories(t).contact({ name: `张伟${String(i).padStart(3, '0')}` });
    const hits = (await t.api(t.adminToken, 'GET', `/search?q=${encodeURIComponent('张伟')}&limit=5`)).body.data;
    expect(hits[0]).toMatchObject({ id: exact.id, title: '张伟' });
    expect(hits).toHaveLength(5);
    // The Traditional form of the exact name finds it too.
    const trad = (await t.api(t.adminToken, 'GET', `/search?q=${encodeURIComponent('張偉')}&types=contact&limit=1`)).body.data;
    expect(trad[0].id).toBe(exact.id);
  });
  it('lists filter by q with the same index', async () => {
    const r = await t.api(t.adminToken, 'GET', `/contacts?q=${encodeURIComponent('張三')}&sort=name`);
    expect(r.body.data.map((c: any) => c.name)).toEqual(['张三', '张三丰']);
  });
});
