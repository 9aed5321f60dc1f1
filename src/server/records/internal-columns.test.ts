import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../db/test-helpers.ts';

// Columns only the server uses (derived keys, and `name_order`, which installs made before
// migration 002 was edited still have on contacts) never appear in an answer.
describe('internal columns', () => {
  const t = useTestApp();

  it('are left out of a record, a list, an update answer and an export', async () => {
    await sql`ALTER TABLE contacts ADD COLUMN IF NOT EXISTS name_order text NOT NULL DEFAULT 'eastern'`.execute(t.database.db);
    const account = await t.api(t.adminToken, 'POST', '/accounts', { name: '北京科技有限公司' });
    expect(account.status).toBe(201);
    const created = await t.api(t.adminToken, 'POST', '/contacts', { name: '王芳', account_id: account.body.data.id, mobile: '13800138000' });
    expect(created.status).toBe(201);
    const id = created.body.data.id;
    const answers = [
      created.body.data,
      (await t.api(t.adminToken, 'GET', `/contacts/${id}`)).body.data,
      (await t.api(t.adminToken, 'GET', '/contacts')).body.data[0],
      (await t.api(t.adminToken, 'PATCH', `/contacts/${id}`, { title: '经理' })).body.data,
      (await t.api(t.adminToken, 'GET', `/accounts/${account.body.data.id}`)).body.data,
      (await t.api(t.adminToken, 'GET', '/accounts')).body.data[0],
    ];
    for (const a of answers) {
      expect(a).toBeTruthy();
      for (const k of ['name_order', 'name_key', 'phone_key', 'mobile_key', 'search_text', 'search_tokens']) expect(a, k).not.toHaveProperty(k);
    }
    const csv = await t.app.inject({ method: 'GET', url: '/api/v1/contacts/export', headers: { authorization: `Bearer ${t.adminToken}` } });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('王芳');
    expect(csv.body).not.toMatch(/name_order|eastern/);
  });
});
