import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, useTestApp } from '../db/test-helpers.ts';
import { factories } from '../db/factories.ts';
import { listJson, listRecords } from '../records/list.ts';
import { getObject } from '../records/registry.ts';
import { loadActor } from '../modules/auth/auth.service.ts';

// Links are checked like reads: a record the caller may not see answers exactly as a missing
// one, and its title never shows in `refs`.
const t = useTestApp();
let rep: { token: string; id: number };
let other: { token: string; id: number };
let theirContact: number;
let theirAccount: number;
let myContact: number;
const MISSING = 987654321;
const NO_SUCH = (field: string) => ({ code: 'validation_failed', message: expect.any(String), details: [{ field, code: 'invalid_link', message: 'No such record' }] });

beforeAll(async () => {
  expect((await t.api(t.adminToken, 'POST', '/custom-fields', { object: 'activities', key: 'partner', label: 'Partner', type: 'link', link: 'accounts' })).status).toBe(201);
  const f = factories(t);
  rep = await f.user('sales');
  other = await f.user('sales');
  theirContact = (await f.as(other.token).contact({ name: 'LINK-SECRET-contact' })).id;
  theirAccount = (await f.as(other.token).account({ name: 'LINK-SECRET-account' })).id;
  myContact = (await f.as(rep.token).contact({ name: 'Mine' })).id;
});

describe('link writes', () => {
  it('answer a hidden record exactly as a missing one, on create and update, for every link kind', async () => {
    const cases: [string, string, Record<string, unknown>, Record<string, unknown>][] = [
      ['contact_id', '/activities', { kind: 'call', subject: 's', contact_id: theirContact }, { kind: 'call', subject: 's', contact_id: MISSING }],
      ['account_id', '/contacts', { name: 'x', account_id: theirAccount }, { name: 'x', account_id: MISSING }],
      ['parent_id', '/accounts', { name: 'x', parent_id: theirAccount }, { name: 'x', parent_id: MISSING }],
      ['cf_partner', '/activities', { kind: 'call', subject: 's', contact_id: myContact, cf_partner: theirAccount }, { kind: 'call', subject: 's', contact_id: myContact, cf_partner: MISSING }],
      ['accounts[0].account_id', '/contacts', { name: 'x', accounts: [{ account_id: theirAccount }] }, { name: 'x', accounts: [{ account_id: MISSING }] }],
    ];
    for (const [field, path, hidden, missing] of cases) {
      const a = await t.api(rep.token, 'POST', path, hidden);
      const b = await t.api(rep.token, 'POST', path, missing);
      expect([a.status, b.status], field).toEqual([400, 400]);
      expect(a.body.error).toEqual(NO_SUCH(field));
      expect(b.body).toEqual(a.body);
      expect(JSON.stringify(a.body)).not.toContain('LINK-SECRET');
    }
    // Re-pointing an existing activity at someone else's contact is refused the same way, and changes nothing.
    const act = await factories(t, rep.token).activity({ subject: 'mine', contact_id: myContact });
    for (const id of [theirContact, MISSING]) {
      const r = await t.api(rep.token, 'PATCH', `/activities/${act.id}`, { contact_id: id });
      expect(r.status).toBe(400);
      expect(r.body.error).toEqual(NO_SUCH('contact_id'));
    }
    expect((await t.api(rep.token, 'GET', `/activities/${act.id}`)).body.data.contact_id).toBe(myContact);
    // Nothing of the refused writes reached the other rep's timeline.
    const timeline = await t.api(other.token, 'GET', `/contacts/${theirContact}/timeline`);
    expect(timeline.body.data).toEqual([]);
  });

  it('user fields name existing active users only', async () => {
    const gone = await t.userToken('sales');
    expect((await t.api(t.adminToken, 'PATCH', `/users/${gone.id}`, { active: false })).status).toBe(200);
    for (const owner of [gone.id, MISSING]) {
      const r = await t.api(rep.token, 'POST', '/contacts', { name: 'x', owner_id: owner });
      expect(r.status).toBe(400);
      expect(r.body.error).toEqual(NO_SUCH('owner_id'));
    }
    expect((await t.api(rep.token, 'POST', '/contacts', { name: 'handed over', owner_id: other.id })).status).toBe(201);
  });

  it('accept a link the record already has, and show no title for it', async () => {
    const mgrAccount = (await t.api(t.adminToken, 'POST', '/accounts', { name: 'LINK-SECRET-admins' })).body.data.id;
    const c = await t.api(t.adminToken, 'POST', '/contacts', { name: 'Given to rep', owner_id: rep.id, account_id: mgrAccount, accounts: [{ account_id: mgrAccount, role: 'buyer' }] });
    expect(c.status).toBe(201);
    const edit = await t.api(rep.token, 'PATCH', `/contacts/${c.body.data.id}`, { title: 'Buyer', account_id: mgrAccount, accounts: [{ account_id: mgrAccount, role: 'boss' }] });
    expect(edit.status).toBe(200);
    expect(edit.body.data.account_id).toBe(mgrAccount);
    expect(edit.body.data.refs.account_id).toBeUndefined();
    expect(edit.body.data.refs.owner_id).toEqual({ id: rep.id, title: expect.any(String) });
    expect(edit.body.data.accounts).toEqual([{ account_id: mgrAccount, role: 'boss', is_primary: true }]);
    expect(JSON.stringify(edit.body)).not.toContain('LINK-SECRET');
    // The admin still sees the title.
    expect((await t.api(t.adminToken, 'GET', `/contacts/${c.body.data.id}`)).body.data.refs.account_id.title).toBe('LINK-SECRET-admins');
  });
});

describe('refs in lists', () => {
  it('leave out titles of records the actor may not read, in both row forms', async () => {
    const acct = (await factories(t).account({ name: 'LINK-SECRET-listed' })).id;
    const c = (await factories(t).contact({ name: 'Listed', owner_id: rep.id, account_id: acct })).id;
    const actor = (await loadActor(t.app.db, rep.id))!;
    const contacts = getObject('contacts');
    const p = { filters: [{ field: 'id', op: 'eq' as const, value: String(c) }] };
    const objects = await listRecords(t.app.db, contacts, actor, p);
    expect(objects.data[0]!.account_id).toBe(acct);
    expect(Object.keys(objects.data[0]!.refs).sort()).toEqual(["created_by", "owner_id"]);
    for (const engineWritesJson of [true, false]) {
      const text = await listJson(t.app.db, contacts, actor, p, engineWritesJson);
      expect(JSON.parse(text).data).toEqual(objects.data);
      expect(text).not.toContain('LINK-SECRET');
    }
    // An actor who may read the account sees its title (the forms are cached per visibility).
    const adminId = (await t.app.db.selectFrom('users').select('id').where('email', '=', ADMIN.email).executeTakeFirstOrThrow()).id;
    const admin = (await loadActor(t.app.db, adminId))!;
    for (const engineWritesJson of [true, false]) {
      const rows = JSON.parse(await listJson(t.app.db, contacts, admin, p, engineWritesJson)).data;
      expect(rows[0].refs.account_id).toEqual({ id: acct, title: 'LINK-SECRET-listed' });
    }
    const http = await t.api(rep.token, 'GET', `/contacts?filter[id]=${c}`);
    expect(http.body.data[0].refs.account_id).toBeUndefined();
  });
});
