import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';

const t = useTestApp();

describe('timeline, duplicates and merge', () => {
  it('shows activities and tasks on the contact and account timelines, newest first', async () => {
    const acc = await t.api(t.adminToken, 'POST', '/accounts', { name: 'Timeline Co' });
    const c = await t.api(t.adminToken, 'POST', '/contacts', { name: '李四', account_id: acc.body.data.id });
    const id = c.body.data.id;
    const call = await t.api(t.adminToken, 'POST', '/activities', { kind: 'call', subject: '回访电话', contact_id: id, occurred_at: '2026-01-02T10:00:00Z' });
    expect(call.status).toBe(201);
    expect(call.body.data.account_id).toBe(acc.body.data.id);
    await t.api(t.adminToken, 'POST', '/activities', { kind: 'visit', subject: '到店用餐', contact_id: id, occurred_at: '2026-03-01T12:00:00Z' });
    await t.api(t.adminToken, 'POST', '/tasks', { title: '生日问候', contact_id: id, due_at: '2026-12-01T09:00:00Z' });
    const tl = await t.api(t.adminToken, 'GET', `/contacts/${id}/timeline`);
    expect(tl.status).toBe(200);
    expect(tl.body.data.map((e: any) => e.kind)).toEqual(['task', 'visit', 'call']);
    const onlyCalls = await t.api(t.adminToken, 'GET', `/contacts/${id}/timeline?kind=call`);
    expect(onlyCalls.body.data.map((e: any) => e.title)).toEqual(['回访电话']);
    const accTl = await t.api(t.adminToken, 'GET', `/accounts/${acc.body.data.id}/timeline?limit=2`);
    expect(accTl.body.data).toHaveLength(2);
    const next = await t.api(t.adminToken, 'GET', `/accounts/${acc.body.data.id}/timeline?limit=2&cursor=${accTl.body.next_cursor}`);
    expect(next.body.data.map((e: any) => e.kind)).toEqual(['call']);
    // Editing the activity edits its timeline entry; deleting it removes it.
    await t.api(t.adminToken, 'PATCH', `/activities/${call.body.data.id}`, { subject: 'Call back' });
    expect((await t.api(t.adminToken, 'GET', `/contacts/${id}/timeline?kind=call`)).body.data[0].title).toBe('Call back');
    await t.api(t.adminToken, 'DELETE', `/activities/${call.body.data.id}`);
    expect((await t.api(t.adminToken, 'GET', `/contacts/${id}/timeline?kind=call`)).body.data).toEqual([]);
  });

  it('deleting an account keeps its contacts\' history; deleting a contact removes its own', async () => {
    const acc = await t.api(t.adminToken, 'POST', '/accounts', { name: 'Gone Co' });
    const c = await t.api(t.adminToken, 'POST', '/contacts', { name: '钱七', account_id: acc.body.data.id });
    await t.api(t.adminToken, 'POST', '/activities', { kind: 'call', subject: 'contact call', contact_id: c.body.data.id });
    const accOnly = await t.api(t.adminToken, 'POST', '/activities', { kind: 'note', subject: 'account note', account_id: acc.body.data.id });
    expect((await t.api(t.adminToken, 'DELETE', `/accounts/${acc.body.data.id}`)).status).toBe(204);
    const tl = await t.api(t.adminToken, 'GET', `/contacts/${c.body.data.id}/timeline`);
    expect(tl.body.data.map((e: any) => e.title)).toEqual(['contact call']);
    // The entry left the account's timeline and stays on the contact's only.
    const targets = await t.database.db.selectFrom('timeline_targets').select(['object', 'record_id']).where('event_id', '=', tl.body.data[0].id).execute();
    expect(targets.map((x) => [x.object, Number(x.record_id)])).toEqual([['contacts', c.body.data.id]]);
    expect((await t.api(t.adminToken, 'GET', `/activities/${accOnly.body.data.id}`)).status).toBe(404);
    expect((await t.api(t.adminToken, 'DELETE', `/contacts/${c.body.data.id}`)).status).toBe(204);
    const left = await t.database.db.selectFrom('timeline_targets').select('event_id').where('object', '=', 'contacts').where('record_id', '=', c.body.data.id).execute();
    expect(left).toEqual([]);
    expect(await t.database.db.selectFrom('timeline_events').select('id').where('id', '=', tl.body.data[0].id).execute()).toEqual([]);
  });

  it('detects duplicates by email, normalised phone and name at the same account', async () => {
    const acc = await t.api(t.adminToken, 'POST', '/accounts', { name: 'Dup Co' });
    const a = await t.api(t.adminToken, 'POST', '/contacts', { name: '王五', email: 'Wang.Wu@Example.com', mobile: '+86 139 1234 5678', account_id: acc.body.data.id });
    const check = await t.api(t.adminToken, 'POST', '/contacts/duplicates/check', { name: 'Someone', email: 'wang.wu@example.com' });
    expect(check.body.data).toEqual([expect.objectContaining({ id: a.body.data.id, reasons: ['email'] })]);
    const byPhone = await t.api(t.adminToken, 'POST', '/contacts/duplicates/check', { mobile: '13912345678' });
    expect(byPhone.body.data.map((d: any) => d.id)).toEqual([a.body.data.id]);
    const byName = await t.api(t.adminToken, 'POST', '/contacts/duplicates/check', { name: '王五', account_id: acc.body.data.id });
    expect(byName.body.data.map((d: any) => d.id)).toEqual([a.body.data.id]);
    const none = await t.api(t.adminToken, 'POST', '/contacts/duplicates/check', { name: '王五', email: 'other@example.com' });
    expect(none.body.data).toEqual([]);
  });

  it('merges duplicates keeping every linked record, and undoes the merge from the audit log', async () => {
    const acc = await t.api(t.adminToken, 'POST', '/accounts', { name: 'Merge Co' });
    const p = await t.api(t.adminToken, 'POST', '/contacts', { name: '赵六', email: 'zhao@example.com', tags: ['a'] });
    const d = await t.api(t.adminToken, 'POST', '/contacts', { name: '趙六', email: 'zhao@example.com', mobile: '13700000000', account_id: acc.body.data.id, tags: ['b'] });
    const pid = p.body.data.id;
    const did = d.body.data.id;
    await t.api(t.adminToken, 'POST', '/activities', { kind: 'note', subject: 'note on dup', contact_id: did });
    await t.api(t.adminToken, 'POST', '/tasks', { title: 'task on dup', contact_id: did });
    const dups = await t.api(t.adminToken, 'GET', `/contacts/${pid}/duplicates`);
    expect(dups.body.data.map((x: any) => x.id)).toEqual([did]);

    const m = await t.api(t.adminToken, 'POST', '/contacts/merge', { primary_id: pid, duplicate_ids: [did] });
    expect(m.status).toBe(200);
    expect(m.body.data).toMatchObject({ id: pid, name: '赵六', mobile: '13700000000', account_id: acc.body.data.id });
    expect(m.body.data.tags.sort()).toEqual(['a', 'b']);
    expect((await t.api(t.adminToken, 'GET', `/contacts/${did}`)).status).toBe(404);
    const tl = await t.api(t.adminToken, 'GET', `/contacts/${pid}/timeline`);
    expect(tl.body.data.map((e: any) => e.title).sort()).toEqual(['note on dup', 'task on dup']);
    expect((await t.api(t.adminToken, 'GET', `/tasks?filter[contact_id]=${pid}`)).body.data).toHaveLength(1);

    const audit = await t.api(t.adminToken, 'GET', `/audit-log?filter[object]=contacts&filter[record_id]=${pid}&filter[action]=merge`);
    expect(audit.body.data).toHaveLength(1);
    const undo = await t.api(t.adminToken, 'POST', '/contacts/merge/undo', { audit_id: audit.body.data[0].id });
    expect(undo.status).toBe(200);
    const back = await t.api(t.adminToken, 'GET', `/contacts/${did}`);
    expect(back.status).toBe(200);
    expect(back.body.data).toMatchObject({ name: '趙六', mobile: '13700000000' });
    expect((await t.api(t.adminToken, 'GET', `/contacts/${did}/timeline`)).body.data.map((e: any) => e.title).sort()).toEqual(['note on dup', 'task on dup']);
    expect((await t.api(t.adminToken, 'GET', `/contacts/${pid}`)).body.data).toMatchObject({ mobile: null, tags: ['a'] });
    expect((await t.api(t.adminToken, 'POST', '/contacts/merge/undo', { audit_id: audit.body.data[0].id })).status).toBe(409);
  });
});
