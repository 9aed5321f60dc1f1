import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../../db/test-helpers.ts';

// Merges audited by the first release: before-images with every column of that day (name_order,
// since dropped by migration 027), no tags_added, moved references without `object`.
const t = useTestApp();

/** A merge of `dupId` into `primaryId` as the first release wrote it; the duplicate is gone, its note moved. */
async function oldMerge(primaryId: number, dupId: number, noteId: number, duplicate: Record<string, unknown>): Promise<number> {
  const image = (id: number, extra: Record<string, unknown>) => ({
    id, family_name: null, given_name: null, name_order: 'eastern', mobile: null, mobile_key: null, phone: null, phone_key: null, email: null,
    account_id: null, credit_limit: null, owner_id: null, tags: [], custom: {}, created_by: null,
    created_at: '2026-11-22T19:10:00.000Z', updated_at: '2026-11-22T19:10:00.000Z', ...extra,
  });
  const changes = {
    primary_before: image(primaryId, { name: '周八' }),
    duplicates: [image(dupId, duplicate)],
    moved: [{ table: 'activities', column: 'contact_id', from: dupId, keys: [noteId], keyColumn: 'id' }],
    filled: ['email'],
  };
  const { rows } = await sql<{ id: number }>`INSERT INTO audit_log (actor_id, action, object, record_id, changes)
    VALUES (NULL, 'merge', 'contacts', ${primaryId}, ${JSON.stringify(changes)}::jsonb) RETURNING id`.execute(t.database.db);
  return rows[0]!.id;
}

async function mergedPair() {
  const primary = (await t.api(t.adminToken, 'POST', '/contacts', { name: '周八', email: 'zhou@example.cn' })).body.data;
  const dup = (await t.api(t.adminToken, 'POST', '/contacts', { name: '周八' })).body.data;
  const note = (await t.api(t.adminToken, 'POST', '/activities', { kind: 'note', subject: '备注', contact_id: primary.id })).body.data;
  await sql`DELETE FROM contacts WHERE id = ${dup.id}`.execute(t.database.db);
  return { primary, dup, note };
}

describe('undo of a merge recorded by the first release', () => {
  it('restores the duplicate, moves its references back and reverts the primary, leaving out dropped columns', async () => {
    const { primary, dup, note } = await mergedPair();
    const auditId = await oldMerge(primary.id, dup.id, note.id, { name: '周八', email: 'zhou@example.cn' });
    const r = await t.api(t.adminToken, 'POST', '/contacts/merge/undo', { audit_id: auditId });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const back = await t.api(t.adminToken, 'GET', `/contacts/${dup.id}`);
    expect(back.body.data).toMatchObject({ name: '周八', email: 'zhou@example.cn' });
    expect(back.body.data).not.toHaveProperty('name_order');
    expect((await t.api(t.adminToken, 'GET', `/contacts/${primary.id}`)).body.data.email).toBeNull();
    expect((await t.api(t.adminToken, 'GET', `/activities/${note.id}`)).body.data.contact_id).toBe(dup.id);
    // Its audit entry stays readable.
    const log = await t.api(t.adminToken, 'GET', '/audit-log?limit=200');
    expect(log.status).toBe(200);
    expect(log.body.data.find((e: { id: number }) => e.id === auditId)).toMatchObject({ action: 'merge', object: 'contacts', record_id: primary.id });
  });

  it('refuses clearly (409 merge_not_undoable) an image lacking a column the table now requires, and changes nothing', async () => {
    const { primary, dup, note } = await mergedPair();
    const auditId = await oldMerge(primary.id, dup.id, note.id, { name: null });
    const r = await t.api(t.adminToken, 'POST', '/contacts/merge/undo', { audit_id: auditId });
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({ code: 'conflict', details: { reason: 'merge_not_undoable', missing: ['name'] } });
    expect((await t.api(t.adminToken, 'GET', `/contacts/${dup.id}`)).status).toBe(404);
    expect((await t.api(t.adminToken, 'GET', `/contacts/${primary.id}`)).body.data.email).toBe('zhou@example.cn');
    expect((await t.api(t.adminToken, 'GET', `/activities/${note.id}`)).body.data.contact_id).toBe(primary.id);
  });
});
