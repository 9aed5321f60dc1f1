import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';
import { counts, csvRows, importAs, report, uploadAs } from './import-test-helpers.ts';

// Links across databases: an export writes each linked record's name beside its id, and the
// import trusts the name; an id alone must be a record the importer may see, else the row is
// rejected with its line and reason (never a raw foreign-key failure).
const t = useTestApp();

describe('links in exports and imports', () => {
  it('exports the linked names beside the ids and re-imports by name, whatever the ids say', async () => {
    const acc = (await t.api(t.adminToken, 'POST', '/accounts', { name: 'Round Trip Trading Ltd' })).body.data;
    const other = (await t.api(t.adminToken, 'POST', '/accounts', { name: 'Someone Else Inc' })).body.data;
    await t.api(t.adminToken, 'POST', '/contacts', { name: 'Trip Person', email: 'trip@example.com', account_id: acc.id });
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/contacts/export?format=csv&filter[email]=trip@example.com', headers: { authorization: `Bearer ${t.adminToken}` } });
    expect(res.statusCode).toBe(200);
    const [header, row] = csvRows(res.body);
    const col = (k: string) => header!.indexOf(k);
    expect(col('account_name')).toBe(col('account_id') + 1);
    expect(col('owner_name')).toBe(col('owner_id') + 1);
    expect(row![col('account_name')]).toBe('Round Trip Trading Ltd');
    expect(row![col('owner_name')]).toBe('Administrator');
    // The importer recognises its own export's columns.
    const up = await uploadAs(t, t.adminToken, 'export.csv', res.body);
    expect(up.suggested_mapping).toMatchObject({ account_id: 'account_id', account_name: 'account_name', owner_id: 'owner_id', owner_name: 'owner_name', id: null });
    // As if from another database: the id points at another company (or none); the name decides.
    const moved = [header!.join(','), row!.map((v, i) => (i === col('account_id') ? String(other.id) : i === col('email') ? 'trip2@example.com' : v)).join(','),
      row!.map((v, i) => (i === col('account_id') ? '987654' : i === col('email') ? 'trip3@example.com' : v)).join(',')].join('\n');
    const done = await importAs(t, t.adminToken, moved, 'create');
    expect(counts(done)).toEqual({ created: 2, updated: 0, skipped: 0, failed: 0 });
    for (const email of ['trip2@example.com', 'trip3@example.com']) {
      const c = (await t.api(t.adminToken, 'GET', `/contacts?filter[email]=${email}`)).body.data[0];
      expect(c.account_id).toBe(acc.id);
    }
  });

  it('rejects, row by row, ids that are unknown or hidden, with the same reason', async () => {
    const rep = await t.userToken('sales');
    const hiddenAccount = (await t.api(rep.token, 'POST', '/accounts', { name: 'Private Account Co' })).body.data.id as number;
    const manager = await t.userToken('manager');
    const mine = (await t.api(manager.token, 'POST', '/accounts', { name: 'Visible Account Co' })).body.data.id as number;
    const csv = [
      'name,email,account_id,owner_id',
      `Ok Person,ok.link@example.com,${mine},`,
      'Ghost Link,ghost.link@example.com,987654,',
      `Hidden Link,hidden.link@example.com,${hiddenAccount},`,
      'Ghost Owner,ghost.owner@example.com,,987654',
    ].join('\n');
    const done = await importAs(t, manager.token, csv, 'create');
    expect(counts(done)).toEqual({ created: 1, updated: 0, skipped: 0, failed: 3 });
    expect(await report(t, manager.token, done.id, 'errors')).toEqual([
      ['3', 'account_id: No such record'],
      ['4', 'account_id: No such record'],
      ['5', 'owner_id: No such record'],
    ]);
    const ok = (await t.api(manager.token, 'GET', '/contacts?filter[email]=ok.link@example.com')).body.data[0];
    expect(ok.account_id).toBe(mine);
    expect((await t.api(manager.token, 'GET', `/contacts/${ok.id}`)).body.data.accounts.map((a: any) => a.account_id)).toEqual([mine]);
    // Update mode checks the same way.
    const upd = await importAs(t, manager.token, ['name,email,account_id', `Ok Person,ok.link@example.com,${hiddenAccount}`].join('\n'), 'update');
    expect(counts(upd)).toEqual({ created: 0, updated: 0, skipped: 0, failed: 1 });
    expect((await t.api(manager.token, 'GET', `/contacts/${ok.id}`)).body.data.account_id).toBe(mine);
  });

  it('resolves other link names (an owner by name or e-mail) and rejects a name nobody has', async () => {
    const rep = await t.userToken('sales', { email: 'owner.by.name@test.guanxi' });
    const csv = ['name,email,owner_name', 'Named Owner,named.owner@example.com,owner.by.name@test.guanxi', 'No Owner,no.owner@example.com,Nobody At All'].join('\n');
    const done = await importAs(t, t.adminToken, csv, 'create');
    expect(counts(done)).toEqual({ created: 1, updated: 0, skipped: 0, failed: 1 });
    expect(await report(t, t.adminToken, done.id, 'errors')).toEqual([['3', 'owner_id: No such record']]);
    const c = (await t.api(t.adminToken, 'GET', '/contacts?filter[email]=named.owner@example.com')).body.data[0];
    expect(c.owner_id).toBe(rep.id);
  });
});
