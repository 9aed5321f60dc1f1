import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../db/test-helpers.ts';

// Fields a role may not read stay hidden in every payload that carries record fields: audit
// changes and before-images, timeline entries, shared views and field metadata.
const t = useTestApp();
let rep: { token: string; id: number };
let other: { token: string; id: number };
let contact: number;

const leaks = (body: unknown) => JSON.stringify(body).match(/SECRET[-\w]*|credit_limit|cf_secret|777777/g) ?? [];

beforeAll(async () => {
  expect((await t.api(t.adminToken, 'POST', '/custom-fields', { object: 'contacts', key: 'secret', label: 'Secret', type: 'text' })).status).toBe(201);
  const rules = { contacts: { credit_limit: 'hidden', notes: 'hidden', cf_secret: 'hidden' }, activities: { body: 'hidden' } };
  expect((await t.api(t.adminToken, 'PATCH', '/roles/sales', { field_rules: rules })).status).toBe(200);
  rep = await t.userToken('sales');
  other = await t.userToken('sales');
  const c = await t.api(t.adminToken, 'POST', '/contacts', { name: 'Redacted Person', owner_id: rep.id, credit_limit: 1, notes: 'SECRET-notes-1', cf_secret: 'SECRET-cf-1' });
  contact = c.body.data.id;
  await t.api(t.adminToken, 'PATCH', `/contacts/${contact}`, { credit_limit: 2, notes: 'SECRET-notes-2', cf_secret: 'SECRET-cf-2', title: 'Boss' });
});

describe('the audit log', () => {
  it('shows a record history without hidden fields, and merged duplicates the reader could not see only by id', async () => {
    const dup = await t.api(t.adminToken, 'POST', '/contacts', { name: 'SECRET-dup-name', owner_id: other.id, email: 'secret-dup@example.com', notes: 'SECRET-dup-notes' });
    expect((await t.api(t.adminToken, 'POST', '/contacts/merge', { primary_id: contact, duplicate_ids: [dup.body.data.id] })).status).toBe(200);
    const log = await t.api(rep.token, 'GET', `/audit-log?filter[object]=contacts&filter[record_id]=${contact}`);
    expect(log.status).toBe(200);
    expect(log.body.data.map((e: any) => e.action).sort()).toEqual(['create', 'merge', 'update']);
    expect(leaks(log.body)).toEqual([]);
    expect(JSON.stringify(log.body)).not.toContain('secret-dup@example.com');
    const update = log.body.data.find((e: any) => e.action === 'update');
    expect(update.changes).toEqual({ title: [null, 'Boss'] });
    const merge = log.body.data.find((e: any) => e.action === 'merge');
    expect(merge.changes.duplicates).toEqual([{ id: dup.body.data.id }]);
    expect(merge.changes.primary_before.name).toBe('Redacted Person');
    // The administrator still reads everything.
    const all = await t.api(t.adminToken, 'GET', `/audit-log?filter[object]=contacts&filter[record_id]=${contact}`);
    expect(JSON.stringify(all.body)).toContain('SECRET-dup-notes');
    expect(all.body.data.find((e: any) => e.action === 'update').changes.credit_limit).toEqual(['1.00', '2.00']);
  });

  it('lists no entry about a record an administrator-role reader may not see', async () => {
    expect((await t.api(t.adminToken, 'PATCH', '/roles/manager', { can: { admin: true } })).status).toBe(200);
    const mgr = await t.userToken('manager');
    const theirs = (await t.api(other.token, 'POST', '/contacts', { name: 'SECRET-other-team' })).body.data.id;
    const log = await t.api(mgr.token, 'GET', '/audit-log?filter[object]=contacts&limit=200');
    expect(log.status).toBe(200);
    expect(log.body.data.some((e: any) => e.record_id === theirs)).toBe(false);
    expect(leaks(log.body)).toEqual([]);
    await t.api(t.adminToken, 'PATCH', '/roles/manager', { can: { admin: false } });
  });
});

describe('the timeline', () => {
  it('blanks hidden bodies and leaves out entries from records the reader may not see', async () => {
    const mine = await t.api(t.adminToken, 'POST', '/activities', { kind: 'call', subject: 'Visible call', body: 'SECRET-body', contact_id: contact, owner_id: rep.id });
    expect(mine.status).toBe(201);
    await t.api(t.adminToken, 'POST', '/activities', { kind: 'note', subject: 'SECRET-admin-note', contact_id: contact });
    const tl = await t.api(rep.token, 'GET', `/contacts/${contact}/timeline`);
    expect(tl.status).toBe(200);
    expect(tl.body.data.map((e: any) => [e.title, e.body])).toEqual([['Visible call', null]]);
    expect(leaks(tl.body)).toEqual([]);
    const full = await t.api(t.adminToken, 'GET', `/contacts/${contact}/timeline`);
    expect(full.body.data.map((e: any) => e.title).sort()).toEqual(['SECRET-admin-note', 'Visible call']);
  });
});

describe('metadata', () => {
  it('shared views drop filters, columns and sort on hidden fields, and saving them is refused', async () => {
    const v = await t.api(t.adminToken, 'POST', '/views', {
      object: 'contacts', name: 'Big credit', shared: true, sort: '-credit_limit', columns: ['name', 'credit_limit', 'cf_secret'],
      filters: [{ field: 'credit_limit', op: 'gt', value: '777777' }, { field: 'name', op: 'contains', value: 'Re' }],
    });
    expect(v.status).toBe(201);
    const seen = await t.api(rep.token, 'GET', '/views?object=contacts');
    const view = seen.body.data.find((x: any) => x.id === v.body.data.id);
    expect(view).toMatchObject({ filters: [{ field: 'name', op: 'contains', value: 'Re' }], columns: ['name'], sort: null });
    expect(leaks(seen.body)).toEqual([]);
    for (const body of [{ filters: [{ field: 'notes', op: 'contains', value: 'x' }] }, { columns: ['cf_secret'] }, { sort: 'credit_limit' }]) {
      const r = await t.api(rep.token, 'POST', '/views', { object: 'contacts', name: 'mine', ...body });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('validation_failed');
    }
  });

  it('custom-field and object metadata name no hidden field', async () => {
    for (const path of ['/custom-fields', '/custom-fields?object=contacts', '/meta/objects/contacts', '/roles']) {
      const r = await t.api(rep.token, 'GET', path);
      expect(r.status).toBe(200);
      expect(leaks(r.body), path).toEqual([]);
    }
    expect(JSON.stringify((await t.api(t.adminToken, 'GET', '/custom-fields')).body)).toContain('cf_secret');
    // Roles: a non-administrator reads their names only, an administrator their field rules.
    expect((await t.api(rep.token, 'GET', '/roles')).body.data.find((r: { key: string }) => r.key === 'sales')).toEqual({ key: 'sales', name: 'Sales rep' });
    expect(JSON.stringify((await t.api(t.adminToken, 'GET', '/roles')).body)).toContain('cf_secret');
  });
});
