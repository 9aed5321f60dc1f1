import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp, ADMIN } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';
import { registerObject } from '../../records/registry.ts';
import { createRecord } from '../../records/service.ts';
import { searchValues } from '../../records/search-values.ts';
import { phoneKey } from '../../text/search-text.ts';
import { loadActor } from '../auth/auth.service.ts';
import { duplicatesOf, findDuplicates } from '../duplicates/duplicates.service.ts';
import type { Actor } from '../../core/access.ts';
import type { ObjectDef } from '../../records/types.ts';

// An object defined here, in the test, gets global search (its document, subtitle, the linked
// account's name re-indexed on rename) and duplicate detection by declaring the properties only.
const gadgets: ObjectDef = registerObject({
  name: 'gadgets',
  singular: 'gadget',
  titleField: 'name',
  ownerField: 'owner_id',
  fields: [
    { key: 'name', type: 'text', required: true, max: 300 },
    { key: 'email', type: 'email' },
    { key: 'phone', type: 'phone' },
    { key: 'account_id', type: 'link', link: 'accounts' },
    { key: 'owner_id', type: 'user' },
  ],
  derive: (r) => ({ phone_key: r.phone ? phoneKey(r.phone) || null : null }),
  search: {
    document: (r) => ({ names: searchValues(r, ['name']), phones: searchValues(r, ['phone']), emails: searchValues(r, ['email']) }),
    pinyin: 'company',
    subtitle: ['account_id', 'email'],
    global: true,
    related: [{ link: 'account_id', fields: ['name'] }],
  },
  duplicates: { keys: [{ match: 'email', field: 'email' }, { match: 'phone', fields: ['phone'] }, { match: 'name', field: 'name', within: 'account_id' }] },
});

const t = useTestApp();
let admin: Actor;
let account: { id: number };
const gadget = (input: Record<string, unknown>) => createRecord(t.database.db, gadgets, admin, input);
const hits = async (q: string, token = t.adminToken) => (await t.api(token, 'GET', `/search?q=${encodeURIComponent(q)}`)).body.data;

beforeAll(async () => {
  await sql`CREATE TABLE gadgets (
    id serial PRIMARY KEY, name text NOT NULL, email text, phone text, phone_key text,
    account_id integer REFERENCES accounts(id) ON DELETE SET NULL, owner_id integer REFERENCES users(id),
    custom jsonb NOT NULL DEFAULT '{}', search_text text NOT NULL DEFAULT '', search_tokens int4[] NOT NULL DEFAULT '{}',
    created_by integer, created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now())`.execute(t.database.db);
  const { id } = await t.database.db.selectFrom('users').select('id').where('email', '=', ADMIN.email).executeTakeFirstOrThrow();
  admin = (await loadActor(t.database.db, id))!;
  account = await factories(t).account({ name: '星辰电子有限公司' });
});

describe('a module object declaring search', () => {
  it('is found by global search, with its pinyin, subtitle and linked account name', async () => {
    const g = await gadget({ name: '银河扫描仪', email: 'scan@galaxy.cn', phone: '+86 21 5555 0101', account_id: account.id });
    expect(await hits('银河')).toEqual([{ type: 'gadget', id: g.id, title: '银河扫描仪', subtitle: '星辰电子有限公司 · scan@galaxy.cn', score: expect.any(Number) }]);
    expect((await hits('yinhe')).map((h: any) => h.id)).toEqual([g.id]);
    expect((await hits('55550101')).map((h: any) => h.id)).toEqual([g.id]);
    expect((await t.api(t.adminToken, 'GET', `/search?q=${encodeURIComponent('银河')}&types=contact`)).body.data).toEqual([]);
    // By the linked account's name, kept fresh when the account is renamed.
    expect((await hits('星辰')).map((h: any) => h.type)).toEqual(expect.arrayContaining(['gadget', 'account']));
    expect((await t.api(t.adminToken, 'PATCH', `/accounts/${account.id}`, { name: '月光贸易' })).status).toBe(200);
    expect((await hits('月光')).map((h: any) => `${h.type}:${h.id}`).sort()).toEqual([`account:${account.id}`, `gadget:${g.id}`]);
    expect((await hits('星辰')).map((h: any) => h.type)).toEqual([]);
  });

  it('hides its linked account from a caller who may not see accounts', async () => {
    const g = await gadget({ name: 'Widget Alpha', account_id: account.id });
    await t.api(t.adminToken, 'PATCH', '/roles/readonly', { visibility: { accounts: 'none' } });
    const ro = (await t.userToken('readonly')).token;
    const found = (await hits('widget alpha', ro)).find((h: any) => h.id === g.id);
    expect(found).toMatchObject({ title: 'Widget Alpha', subtitle: null });
    expect(await hits('月光', ro)).toEqual([]);
  });
});

describe('a module object declaring duplicate keys', () => {
  it('finds records sharing an email, a phone key, or a name within the same account', async () => {
    const other = await factories(t).account({ name: 'Other Holdings' });
    const a = await gadget({ name: 'Twin', email: 'Twin@Example.com', phone: '021 6666 7777', account_id: account.id });
    const sameName = await gadget({ name: 'twin', account_id: account.id });
    await gadget({ name: 'Twin', account_id: other.id });
    const byPhone = await gadget({ name: 'Caller', phone: '+86 21-6666-7777' });
    const byEmail = await gadget({ name: 'Mailer', email: 'twin@example.COM' });
    const row = await t.database.db.selectFrom('gadgets' as any).selectAll().where('id', '=', a.id).executeTakeFirstOrThrow();
    const found = await duplicatesOf(t.database.db, gadgets, admin, row);
    expect(found).toEqual([
      { id: sameName.id, name: 'twin', reasons: ['name'] },
      { id: byPhone.id, name: 'Caller', reasons: ['phone'] },
      { id: byEmail.id, name: 'Mailer', reasons: ['email'] },
    ]);
    // Without the account, a name alone matches nothing (the key is a name within an account).
    expect(await findDuplicates(t.database.db, gadgets, admin, { name: 'Twin' })).toEqual([]);
  });
});

describe('the built-in objects declare their keys', () => {
  it('accounts match by name alone and by phone; a bad probe is a 400', async () => {
    const acc = await factories(t).account({ name: 'Keyed Trading', phone: '010-6401-2222' });
    const check = (object: string, body: unknown) => t.api(t.adminToken, 'POST', `/${object}/duplicates/check`, body);
    expect((await check('accounts', { name: 'KEYED trading' })).body.data).toEqual([{ id: acc.id, name: 'Keyed Trading', reasons: ['name'] }]);
    expect((await check('accounts', { phone: '+86 10 6401 2222' })).body.data).toEqual([{ id: acc.id, name: 'Keyed Trading', reasons: ['phone'] }]);
    expect((await check('contacts', { name: 'x', account_id: 'one' })).status).toBe(400);
    expect((await check('accounts', { email: 'x'.repeat(400) })).status).toBe(400);
  });
});

describe('duplicate keys and hidden fields', () => {
  it('a role hiding a key field cannot learn its value through duplicate checks', async () => {
    await factories(t).contact({ name: 'Hidden Mail Person', email: 'secret.mail@example.org', mobile: '13700001111' });
    await t.api(t.adminToken, 'PATCH', '/roles/marketing', { field_rules: { contacts: { email: 'hidden', mobile: 'hidden' } } });
    const mk = (await t.userToken('marketing')).token;
    const check = (token: string, body: unknown) => t.api(token, 'POST', '/contacts/duplicates/check', body);
    expect((await check(t.adminToken, { email: 'secret.mail@example.org' })).body.data).toHaveLength(1);
    expect((await check(mk, { email: 'secret.mail@example.org' })).body.data).toEqual([]);
    expect((await check(t.adminToken, { mobile: '13700001111' })).body.data).toHaveLength(1);
    expect((await check(mk, { mobile: '13700001111' })).body.data).toEqual([]);
  });
});
