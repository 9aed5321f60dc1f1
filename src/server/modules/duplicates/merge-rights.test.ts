import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../../db/test-helpers.ts';

const t = useTestApp();

const auditOf = async (object: string, id: number, action: string) =>
  (await t.api(t.adminToken, 'GET', `/audit-log?filter[object]=${object}&filter[record_id]=${id}&filter[action]=${action}`)).body.data;

describe('merge respects the role', () => {
  it('marketing (no delete right) cannot merge away another rep\'s contact, only its own', async () => {
    const rep = await t.userToken('sales');
    const mkt = await t.userToken('marketing');
    const theirs = await t.api(rep.token, 'POST', '/contacts', { name: 'Rep Contact', email: 'rep-dup@example.com' });
    const mine = await t.api(mkt.token, 'POST', '/contacts', { name: 'Mkt Contact', email: 'rep-dup@example.com' });
    const r = await t.api(mkt.token, 'POST', '/contacts/merge', { primary_id: mine.body.data.id, duplicate_ids: [theirs.body.data.id] });
    expect(r.status).toBe(403);
    expect((await t.api(rep.token, 'GET', `/contacts/${theirs.body.data.id}`)).status).toBe(200);
    // Merging its own record away is a delete it may do.
    const own = await t.api(mkt.token, 'POST', '/contacts', { name: 'Mkt Copy', mobile: '13900000001' });
    const ok = await t.api(mkt.token, 'POST', '/contacts/merge', { primary_id: theirs.body.data.id, duplicate_ids: [own.body.data.id] });
    expect(ok.status).toBe(200);
    expect(ok.body.data.mobile).toBe('13900000001');
    // Undoing another user's merge of another rep's record needs the same delete right.
    const adminMerge = await t.api(t.adminToken, 'POST', '/contacts', { name: 'Admin Dup', owner_id: rep.id });
    await t.api(t.adminToken, 'POST', '/contacts/merge', { primary_id: mine.body.data.id, duplicate_ids: [adminMerge.body.data.id] });
    const [entry] = await auditOf('contacts', mine.body.data.id, 'merge');
    expect((await t.api(mkt.token, 'POST', '/contacts/merge/undo', { audit_id: entry.id })).status).toBe(403);
    expect((await t.api(t.adminToken, 'GET', `/contacts/${adminMerge.body.data.id}`)).status).toBe(404);
  });

  it('a sales rep\'s merge fills only the fields the rep may write (read-only, hidden, custom, tags)', async () => {
    const cf = await t.api(t.adminToken, 'POST', '/custom-fields', { object: 'contacts', key: 'secret_score', label: 'Secret', type: 'number' });
    expect(cf.status).toBe(201);
    const rules = { credit_limit: 'read', notes: 'hidden', cf_secret_score: 'hidden', tags: 'read' };
    expect((await t.api(t.adminToken, 'PATCH', '/roles/sales', { field_rules: { contacts: rules } })).status).toBe(200);
    const rep = await t.userToken('sales');
    const p = await t.api(t.adminToken, 'POST', '/contacts', { name: 'Primary', owner_id: rep.id, tags: ['p'] });
    const d = await t.api(t.adminToken, 'POST', '/contacts', {
      name: 'Dup', owner_id: rep.id, mobile: '13800000009', credit_limit: 5000, notes: 'secret note', cf_secret_score: 99, tags: ['d'],
    });
    const m = await t.api(rep.token, 'POST', '/contacts/merge', { primary_id: p.body.data.id, duplicate_ids: [d.body.data.id] });
    expect(m.status).toBe(200);
    expect(m.body.data.mobile).toBe('13800000009');
    const seen = (await t.api(t.adminToken, 'GET', `/contacts/${p.body.data.id}`)).body.data;
    expect(seen).toMatchObject({ mobile: '13800000009', credit_limit: null, notes: null, cf_secret_score: null, tags: ['p'] });
    await t.api(t.adminToken, 'PATCH', '/roles/sales', { field_rules: { contacts: { credit_limit: null, notes: null, cf_secret_score: null, tags: null } } });
  });

  it('undo adds an entry and leaves the merge entry untouched; a second undo is a 409', async () => {
    const p = await t.api(t.adminToken, 'POST', '/contacts', { name: 'Undo P' });
    const d = await t.api(t.adminToken, 'POST', '/contacts', { name: 'Undo D', email: 'undo-d@example.com' });
    await t.api(t.adminToken, 'POST', '/contacts/merge', { primary_id: p.body.data.id, duplicate_ids: [d.body.data.id] });
    // An edit after the merge survives the undo; only what the merge filled is cleared.
    await t.api(t.adminToken, 'PATCH', `/contacts/${p.body.data.id}`, { city: '上海' });
    const [entry] = await auditOf('contacts', p.body.data.id, 'merge');
    expect((await t.api(t.adminToken, 'POST', '/contacts/merge/undo', { audit_id: entry.id })).status).toBe(200);
    const [after] = await auditOf('contacts', p.body.data.id, 'merge');
    expect(after).toEqual(entry);
    const undos = await auditOf('contacts', p.body.data.id, 'undo_merge');
    expect(undos).toHaveLength(1);
    expect(undos[0].changes).toMatchObject({ audit_id: entry.id, restored: [d.body.data.id] });
    expect((await t.api(t.adminToken, 'GET', `/contacts/${p.body.data.id}`)).body.data).toMatchObject({ email: null, city: '上海' });
    expect((await t.api(t.adminToken, 'GET', `/contacts/${d.body.data.id}`)).body.data.email).toBe('undo-d@example.com');
    expect((await t.api(t.adminToken, 'POST', '/contacts/merge/undo', { audit_id: entry.id })).status).toBe(409);
  });

  it('opposite merges at the same time never deadlock into a 500: one wins, the other finds its record gone', async () => {
    for (let round = 0; round < 2; round++) {
      const a = await t.api(t.adminToken, 'POST', '/accounts', { name: `Opp A ${round}` });
      const b = await t.api(t.adminToken, 'POST', '/accounts', { name: `Opp B ${round}` });
      await t.api(t.adminToken, 'POST', '/contacts', { name: `On A ${round}`, account_id: a.body.data.id });
      await t.api(t.adminToken, 'POST', '/contacts', { name: `On B ${round}`, account_id: b.body.data.id });
      const ids = [a.body.data.id, b.body.data.id];
      const merge = (p: number, d: number) => t.api(t.adminToken, 'POST', '/accounts/merge', { primary_id: p, duplicate_ids: [d] });
      let x, y;
      if (t.database.kind === 'postgres') {
        // Hold both rows until both merges wait on them, then let them race: locking one row
        // at a time (A then B against B then A) deadlocked here into a 500.
        const held = await t.database.db.transaction().execute(async (trx) => {
          await sql`SELECT id FROM accounts WHERE id IN (${ids[0]}, ${ids[1]}) FOR UPDATE`.execute(trx);
          const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(trx);
          const running = Promise.all([merge(ids[0], ids[1]), merge(ids[1], ids[0])]);
          for (let i = 0; i < 400; i++) {
            // pg_stat_activity is a snapshot per transaction: take a fresh one each time.
            await sql`SELECT pg_stat_clear_snapshot()`.execute(trx);
            const { rows: w } = await sql<{ n: number }>`WITH b1 AS (SELECT pid FROM pg_stat_activity WHERE ${rows[0]!.pid} = ANY(pg_blocking_pids(pid)))
              SELECT ((SELECT count(*) FROM b1) + (SELECT count(*) FROM pg_stat_activity
                WHERE pid NOT IN (SELECT pid FROM b1) AND pg_blocking_pids(pid) && ARRAY(SELECT pid FROM b1)))::int AS n`.execute(trx);
            if (w[0]!.n >= 2) break;
            await new Promise((r) => setTimeout(r, 25));
          }
          // Returned unawaited: the merges can only finish once this transaction commits.
          return { running };
        });
        [x, y] = await held.running;
      } else {
        [x, y] = await Promise.all([merge(ids[0], ids[1]), merge(ids[1], ids[0])]);
      }
      const statuses = [x.status, y.status].sort();
      expect(statuses[0]).toBe(200);
      expect([404, 409]).toContain(statuses[1]);
      const left = await t.database.db.selectFrom('accounts').select('id').where('id', 'in', ids).execute();
      expect(left).toHaveLength(1);
    }
  });
});

describe('the audit log is append-only', () => {
  it('refuses UPDATE, DELETE and TRUNCATE, on both databases', async () => {
    await t.api(t.adminToken, 'POST', '/contacts', { name: 'Audited' });
    const db = t.database.db;
    await expect(sql`UPDATE audit_log SET action = 'forged'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_log`.execute(db)).rejects.toThrow(/append-only/);
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE action = 'forged'`.execute(db);
    expect(rows[0]!.n).toBe(0);
  });
});
