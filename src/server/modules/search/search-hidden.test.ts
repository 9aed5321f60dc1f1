import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';

// Search never matches text the caller's role hides (issue 10): neither `q` on lists nor /search.
const t = useTestApp();
let marketing: string;
let contactId: number;
const ids = async (url: string, token: string) => (await t.api(token, 'GET', url)).body.data.map((r: any) => r.id);

beforeAll(async () => {
  const fax = await t.api(t.adminToken, 'POST', '/custom-fields', { object: 'contacts', key: 'fax', label: 'Fax', type: 'phone', searchable: true });
  expect(fax.status).toBe(201);
  const c = await t.api(t.adminToken, 'POST', '/contacts', {
    name: '林晓燕', email: 'xiaoyan.lin@example.cn', notes: 'Interested in the obsidian package', cf_fax: '+86 21 5555 7321', street: '淮海中路 99 号',
  });
  expect(c.status).toBe(201);
  contactId = c.body.data.id;
  await t.api(t.adminToken, 'PATCH', '/roles/marketing', { field_rules: { contacts: { notes: 'hidden', email: 'hidden', cf_fax: 'hidden', street: 'hidden' } } });
  marketing = (await t.userToken('marketing')).token;
});

describe('search and hidden fields', () => {
  it('an admin finds the contact by its notes, email, searchable custom phone and street', async () => {
    for (const q of ['obsidian', 'xiaoyan.lin', '5555 7321', '7321', '淮海中路']) {
      expect(await ids(`/contacts?q=${encodeURIComponent(q)}`, t.adminToken), q).toEqual([contactId]);
      expect(await ids(`/search?q=${encodeURIComponent(q)}`, t.adminToken), q).toEqual([contactId]);
    }
  });
  it('a role hiding those fields finds nothing by their text, on lists and in global search', async () => {
    for (const q of ['obsidian', 'xiaoyan.lin', '5555 7321', '7321', '淮海中路']) {
      expect(await ids(`/contacts?q=${encodeURIComponent(q)}`, marketing), q).toEqual([]);
      expect(await ids(`/search?q=${encodeURIComponent(q)}`, marketing), q).toEqual([]);
      expect((await t.api(marketing, 'GET', `/contacts/count?q=${encodeURIComponent(q)}`)).body.data?.count ?? 0, q).toBe(0);
    }
  });
  it('the same role still finds the contact by what it may see', async () => {
    expect(await ids(`/contacts?q=${encodeURIComponent('晓燕')}`, marketing)).toEqual([contactId]);
    expect(await ids(`/search?q=linxiaoyan`, marketing)).toEqual([contactId]);
    expect(await ids(`/search?q=${encodeURIComponent('林')}`, marketing)).toEqual([contactId]);
  });
  it('a role hiding the name finds nothing by the name', async () => {
    await t.api(t.adminToken, 'PATCH', '/roles/readonly', { field_rules: { contacts: { name: 'hidden' } } });
    const ro = (await t.userToken('readonly')).token;
    expect(await ids(`/search?q=${encodeURIComponent('林晓燕')}`, ro)).toEqual([]);
    expect(await ids(`/contacts?q=${encodeURIComponent('晓燕')}`, ro)).toEqual([]);
    expect(await ids(`/contacts?q=obsidian`, ro)).toEqual([contactId]);
    expect((await t.api(ro, 'GET', '/search?q=obsidian')).body.data).toEqual([expect.objectContaining({ id: contactId, title: '' })]);
  });
});

describe('search and linked records the caller may not see', () => {
  it("a rep finds its own contact by its name, never by the name of an account it may not see", async () => {
    const sales = await t.userToken('sales');
    const f = factories(t);
    const account = await f.account({ name: 'Zircon Secret Holdings' });
    const contact = await f.contact({ name: 'Quill Rep Contact', account_id: account.id, owner_id: sales.id });
    expect(await ids(`/search?q=zircon`, t.adminToken)).toEqual(expect.arrayContaining([account.id, contact.id]));
    expect(await ids(`/contacts?q=zircon`, t.adminToken)).toEqual([contact.id]);
    expect(await ids(`/contacts?q=quill`, sales.token)).toEqual([contact.id]);
    expect(await ids(`/contacts?q=zircon`, sales.token)).toEqual([]);
    expect(await ids(`/search?q=zircon`, sales.token)).toEqual([]);
    expect((await t.api(sales.token, 'GET', `/contacts/count?q=zircon`)).body.data.count).toBe(0);
    // The hit it may see does not show the account either (as refs do).
    expect((await t.api(sales.token, 'GET', '/search?q=quill')).body.data).toEqual([expect.objectContaining({ id: contact.id, subtitle: null })]);
  });
});
