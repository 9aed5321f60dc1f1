import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../../db/test-helpers.ts';
import { INLINE_DEPENDANTS, reindexIfStale, SEARCH_DOCUMENT_VERSION, storedVersion } from './reindex.ts';

// Derived data stays fresh (issue 10): search documents follow renames, phone keys are E.164
// in the organisation's region, URLs are web addresses, old documents are reindexed.
const t = useTestApp();
const names = async (q: string) => (await t.api(t.adminToken, 'GET', `/contacts?q=${encodeURIComponent(q)}`)).body.data.map((r: any) => r.name);
const keysOf = async (id: number) => t.database.db.selectFrom('contacts').select(['phone_key', 'mobile_key']).where('id', '=', id).executeTakeFirstOrThrow();

describe('account renames', () => {
  it('rewrite the search documents of its contacts in the same transaction', async () => {
    const acc = await t.api(t.adminToken, 'POST', '/accounts', { name: 'Oldname Trading' });
    await t.api(t.adminToken, 'POST', '/contacts', { name: 'Pat Lee', account_id: acc.body.data.id });
    expect(await names('oldname')).toEqual(['Pat Lee']);
    expect((await t.api(t.adminToken, 'PATCH', `/accounts/${acc.body.data.id}`, { name: '鸿运贸易' })).status).toBe(200);
    expect(await names('鸿运')).toEqual(['Pat Lee']);
    expect(await names('oldname')).toEqual([]);
  });
  it('of an account with many contacts, through the reindex job', async () => {
    const acc = await t.api(t.adminToken, 'POST', '/accounts', { name: 'Bigco Holdings' });
    for (let i = 0; i <= INLINE_DEPENDANTS; i++) await t.api(t.adminToken, 'POST', '/contacts', { name: `Person ${i}`, account_id: acc.body.data.id });
    await t.api(t.adminToken, 'PATCH', `/accounts/${acc.body.data.id}`, { name: 'Megacorp Holdings' });
    await t.app.jobs.drain();
    const count = async (q: string) => (await t.api(t.adminToken, 'GET', `/contacts/count?q=${q}`)).body.data.count;
    expect(await count('megacorp')).toBe(INLINE_DEPENDANTS + 1);
    expect(await count('bigco')).toBe(0);
  });
});

describe('contact renames', () => {
  it('re-derive family and given names unless the write sets them', async () => {
    const c = await t.api(t.adminToken, 'POST', '/contacts', { name: '张三' });
    expect(c.body.data).toMatchObject({ family_name: '张', given_name: '三' });
    const renamed = await t.api(t.adminToken, 'PATCH', `/contacts/${c.body.data.id}`, { name: '欧阳娜娜' });
    expect(renamed.body.data).toMatchObject({ family_name: '欧阳', given_name: '娜娜' });
    const latin = await t.api(t.adminToken, 'PATCH', `/contacts/${c.body.data.id}`, { name: 'Anna de Vries' });
    expect(latin.body.data).toMatchObject({ family_name: 'de Vries', given_name: 'Anna' });
    const given = await t.api(t.adminToken, 'PATCH', `/contacts/${c.body.data.id}`, { name: 'Anna Smith', given_name: 'Annie', family_name: 'Smith' });
    expect(given.body.data).toMatchObject({ family_name: 'Smith', given_name: 'Annie' });
  });
});

describe('phone keys', () => {
  it('are E.164 in the organisation region, so national digits of two countries differ', async () => {
    const uk = await t.api(t.adminToken, 'POST', '/contacts', { name: 'Uk Caller', phone: '+44 20 7946 0000' });
    const cn = await t.api(t.adminToken, 'POST', '/contacts', { name: 'Gz Caller', phone: '020 7946 0000', mobile: '138-0013-8000' });
    expect((await keysOf(uk.body.data.id)).phone_key).toBe('+442079460000');
    expect(await keysOf(cn.body.data.id)).toEqual({ phone_key: '+862079460000', mobile_key: '+8613800138000' });
  });
  it('follow the phone_region setting, existing keys rewritten by the reindex job', async () => {
    expect((await t.api(t.adminToken, 'PATCH', '/settings', { phone_region: 'xx' })).status).toBe(400);
    const c = await t.api(t.adminToken, 'POST', '/contacts', { name: 'London Office', phone: '020 7946 0001' });
    expect((await keysOf(c.body.data.id)).phone_key).toBe('+862079460001');
    const s = await t.api(t.adminToken, 'PATCH', '/settings', { phone_region: 'gb' });
    expect(s.body.data.phone_region).toBe('GB');
    await t.app.jobs.drain();
    expect((await keysOf(c.body.data.id)).phone_key).toBe('+442079460001');
    await t.api(t.adminToken, 'PATCH', '/settings', { phone_region: 'CN' });
    await t.app.jobs.drain();
    expect((await keysOf(c.body.data.id)).phone_key).toBe('+862079460001');
  });
});

describe('URL fields', () => {
  it('accept http(s) addresses and bare domains, refuse javascript: and free text', async () => {
    const a = await t.api(t.adminToken, 'POST', '/accounts', { name: 'Web Co', website: 'example.com/about' });
    expect(a.body.data.website).toBe('https://example.com/about');
    for (const bad of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<b>x</b>', 'not a url', 'ftp://example.com', 'http://']) {
      const r = await t.api(t.adminToken, 'PATCH', `/accounts/${a.body.data.id}`, { website: bad });
      expect(r.status, bad).toBe(400);
      expect(r.body.error.details[0]).toMatchObject({ field: 'website', code: 'invalid_url' });
    }
    const ok = await t.api(t.adminToken, 'PATCH', `/accounts/${a.body.data.id}`, { website: 'http://www.例子.cn/路径?q=1' });
    expect(ok.body.data.website).toBe('http://www.例子.cn/路径?q=1');
  });
});

describe('searchable custom fields', () => {
  it('only text, email, phone and url fields can be searchable; phone values are validated', async () => {
    const bad = await t.api(t.adminToken, 'POST', '/custom-fields', { object: 'contacts', key: 'score', label: 'Score', type: 'number', searchable: true });
    expect(bad.status).toBe(400);
    const fax = await t.api(t.adminToken, 'POST', '/custom-fields', { object: 'accounts', key: 'fax', label: 'Fax', type: 'phone' });
    expect(fax.status).toBe(201);
    expect((await t.api(t.adminToken, 'POST', '/accounts', { name: 'Fax Co', cf_fax: 'call me' })).status).toBe(400);
    const acc = await t.api(t.adminToken, 'POST', '/accounts', { name: 'Fax Co', cf_fax: '+86 21 6888 4242' });
    const found = async () => (await t.api(t.adminToken, 'GET', '/accounts?q=68884242')).body.data.map((r: any) => r.id);
    expect(await found()).toEqual([]);
    // Made searchable later: existing values enter the documents through the reindex job.
    expect((await t.api(t.adminToken, 'PATCH', `/custom-fields/${fax.body.data.id}`, { searchable: true })).status).toBe(200);
    await t.app.jobs.drain();
    expect(await found()).toEqual([acc.body.data.id]);
  });
});

describe('reindex', () => {
  it('rewrites documents written in an older format', async () => {
    const c = await t.api(t.adminToken, 'POST', '/contacts', { name: 'Zoë Ångström', city: 'Malmö', mobile: '139 1111 2222' });
    const id = c.body.data.id;
    // As an older version stored it: no accents folded, no tags, national phone keys.
    await sql`UPDATE contacts SET search_text = 'zoë ångström', search_tokens = '{}', mobile_key = '13911112222' WHERE id = ${id}`.execute(t.database.db);
    await sql`INSERT INTO settings (key, value) VALUES ('search_document_version', '1') ON CONFLICT (key) DO UPDATE SET value = '1'`.execute(t.database.db);
    expect(await names('malmo')).toEqual([]);
    expect(await reindexIfStale(t.database.db)).toBe(true);
    await t.app.jobs.drain();
    expect(await names('malmo')).toEqual(['Zoë Ångström']);
    expect(await names('angstrom')).toEqual(['Zoë Ångström']);
    expect((await keysOf(id)).mobile_key).toBe('+8613911112222');
    expect(await storedVersion(t.database.db)).toBe(SEARCH_DOCUMENT_VERSION);
    expect(await reindexIfStale(t.database.db)).toBe(false);
  });
});
