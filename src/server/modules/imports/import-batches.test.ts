import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../../db/test-helpers.ts';
import { multipartBody } from '../../db/multipart.ts';
import { BATCH, runImport } from './imports.service.ts';

// Behaviour of multi-batch imports: accounts resolved per batch, audit per batch, planner
// statistics gathered while the table grows, duplicates merged inside a batch.
const t = useTestApp();

async function upload(name: string, data: string) {
  const body = await multipartBody({ object: 'contacts' }, { name, data });
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/imports', headers: { ...body.headers, authorization: `Bearer ${t.adminToken}` }, payload: body.payload });
  expect(res.statusCode).toBe(201);
  return res.json().data as { id: number; suggested_mapping: Record<string, string | null> };
}

async function start(id: number, mapping: Record<string, string | null>, duplicate_mode: string) {
  const r = await t.api(t.adminToken, 'POST', `/imports/${id}/start`, { mapping, duplicate_mode });
  expect(r.status).toBe(202);
}

describe('import in batches', () => {
  it('creates each missing account once whatever the case, links every contact, and audits every batch with its ids', async () => {
    const existing = await t.api(t.adminToken, 'POST', '/accounts', { name: 'ACME Trading Ltd' });
    expect(existing.status).toBe(201);
    const companies = ['Acme Trading Ltd', '华通贸易有限公司', 'Beta Holdings', 'BETA HOLDINGS'];
    const total = BATCH + 100;
    const lines = ['name,email,company'];
    for (let i = 1; i <= total; i++) lines.push(`Batch Person ${i},batch${i}@example.com,${companies[i % companies.length]}`);
    const up = await upload('batches.csv', lines.join('\n'));
    await start(up.id, up.suggested_mapping, 'skip');
    await t.app.jobs.drain();
    const done = (await t.api(t.adminToken, 'GET', `/imports/${up.id}`)).body.data;
    expect(done).toMatchObject({ status: 'done', total_rows: total, processed_rows: total, created: total, failed: 0 });

    const db = t.database.db;
    const accounts = await db.selectFrom('accounts').select(['id', 'name']).orderBy('id').execute();
    // The existing account is found case-insensitively; the new ones keep their first spelling.
    expect(accounts.map((a) => a.name)).toEqual(['ACME Trading Ltd', '华通贸易有限公司', 'Beta Holdings']);
    const byAccount = await db.selectFrom('contacts').select(['account_id', sql<number>`count(*)::int`.as('n')]).groupBy('account_id').orderBy('account_id').execute();
    expect(byAccount).toEqual([
      { account_id: accounts[0]!.id, n: total / 4 },
      { account_id: accounts[1]!.id, n: total / 4 },
      { account_id: accounts[2]!.id, n: total / 2 },
    ]);
    const links = await db.selectFrom('account_contacts').select(sql<number>`count(*)::int`.as('n')).where('is_primary', '=', true).executeTakeFirstOrThrow();
    expect(links.n).toBe(total);
    // The account name is in each contact's search document.
    const found = await t.api(t.adminToken, 'GET', '/search?q=华通贸易');
    expect(found.body.data.some((h: any) => h.type === 'contact')).toBe(true);

    const audit = await db.selectFrom('audit_log').select('changes').where('action', '=', 'import').where(sql`changes->>'import_id'`, '=', String(up.id)).where(sql`changes ? 'created_ids'`, '=', true).orderBy('id').execute();
    expect(audit.map((a: any) => a.changes.created_ids.length)).toEqual([BATCH, 100]);
    const ids = audit.flatMap((a: any) => a.changes.created_ids as number[]);
    const contactIds = (await db.selectFrom('contacts').select('id').orderBy('id').execute()).map((c) => c.id);
    expect([...ids].sort((a, b) => a - b)).toEqual(contactIds);
  });

  it('gathers planner statistics on the duplicate keys while the table grows', async () => {
    const total = 3 * BATCH;
    const lines = ['name,email,mobile'];
    for (let i = 1; i <= total; i++) lines.push(`Stats Person ${i},stats${i}@example.com,139${String(i).padStart(8, '0')}`);
    const up = await upload('stats.csv', lines.join('\n'));
    await start(up.id, up.suggested_mapping, 'skip');
    const db = t.database.db;
    const before = (await db.selectFrom('contacts').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
    let batches = 0;
    let seenDuringImport: { exprs: number; mobile: number; tuples: number } | null = null;
    await runImport(db, up.id, {
      id: 0,
      attempt: 1,
      heartbeat: async () => {
        // The third batch is committed; the table had doubled after the second.
        if (++batches !== 3) return;
        const exprs = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stats_ext_exprs
          WHERE schemaname = current_schema() AND statistics_name = 'contacts_email_lower_stats'`.execute(db);
        const mobile = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stats
          WHERE schemaname = current_schema() AND tablename = 'contacts' AND attname = 'mobile_key'`.execute(db);
        const tuples = await sql<{ n: number }>`SELECT reltuples::int AS n FROM pg_class WHERE oid = to_regclass('contacts')`.execute(db);
        seenDuringImport = { exprs: exprs.rows[0]!.n, mobile: mobile.rows[0]!.n, tuples: tuples.rows[0]!.n };
      },
    });
    expect(batches).toBe(3);
    // Analysed after the second batch: the statistics count the rows of the first two.
    expect(seenDuringImport).toEqual({ exprs: 1, mobile: 1, tuples: before + 2 * BATCH });
    // With them, the duplicate lookup of a batch is an index lookup, not a scan of the table.
    const plan = await sql<{ 'QUERY PLAN': string }>`EXPLAIN SELECT id FROM contacts
      WHERE lower(email) = ANY(${sql.val(['stats1@example.com', 'stats2@example.com', 'stats3@example.com'])}::text[]) AND email IS NOT NULL`.execute(db);
    const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).toContain('contacts_email_idx');
    expect(text).not.toContain('Seq Scan');
  });

  it('skips a row duplicating one of the batch before it, though the two batches are written side by side', async () => {
    // On PostgreSQL two batches are written at once; a batch's duplicate check sees only
    // committed rows, so a batch sharing a key with one in flight must wait for it.
    // Row 3 duplicates an existing contact by its mobile: it is skipped, so row BATCH + 11,
    // with row 3's email, duplicates nothing and is created (as if written one after the other).
    const existing = await t.api(t.adminToken, 'POST', '/contacts', { name: 'Side Existing', email: 'side.existing@example.com', mobile: '13600000003' });
    expect(existing.status).toBe(201);
    const total = 2 * BATCH;
    const lines = ['name,email,mobile,company'];
    for (let i = 1; i <= total; i++) {
      // Row BATCH + 7 repeats row 5's email, row BATCH + 9 row 6's mobile (other case, other spelling).
      const email = i === BATCH + 7 ? 'SIDE5@example.com' : i === BATCH + 11 ? 'side3@example.com' : `side${i}@example.com`;
      const mobile = i === 3 ? '13600000003' : i === BATCH + 9 ? '+86 137 0000 0006' : `137${String(i).padStart(8, '0')}`;
      lines.push(`Side Person ${i},${email},${mobile},Side Company ${i % 3}`);
    }
    const up = await upload('side.csv', lines.join('\n'));
    await start(up.id, up.suggested_mapping, 'skip');
    await t.app.jobs.drain();
    const done = (await t.api(t.adminToken, 'GET', `/imports/${up.id}`)).body.data;
    expect(done).toMatchObject({ status: 'done', processed_rows: total, created: total - 3, skipped: 3, failed: 0 });
    const db = t.database.db;
    const same = await db.selectFrom('contacts').select('name').where(sql`lower(email)`, '=', 'side5@example.com').execute();
    expect(same.map((r) => r.name)).toEqual(['Side Person 5']);
    const mobile = await db.selectFrom('contacts').select('name').where('mobile_key', '=', '+8613700000006').execute();
    expect(mobile.map((r) => r.name)).toEqual(['Side Person 6']);
    const third = await db.selectFrom('contacts').select('name').where(sql`lower(email)`, '=', 'side3@example.com').execute();
    expect(third.map((r) => r.name)).toEqual([`Side Person ${BATCH + 11}`]);
    const accounts = await db.selectFrom('accounts').select('name').where('name', 'like', 'Side Company %').orderBy('name').execute();
    expect(accounts.map((a) => a.name)).toEqual(['Side Company 0', 'Side Company 1', 'Side Company 2']);
  });

  it('merges rows of one batch that share an email (duplicate mode update) and indexes the merged record', async () => {
    const csv = [
      'name,email,city,company',
      'Merge Person,merge.person@example.com,Hangzhou,',
      'Merge Person,MERGE.PERSON@example.com,Suzhou,Gamma Textiles',
    ].join('\n');
    const up = await upload('merge.csv', csv);
    await start(up.id, up.suggested_mapping, 'update');
    await t.app.jobs.drain();
    const done = (await t.api(t.adminToken, 'GET', `/imports/${up.id}`)).body.data;
    // The second row completes the record the first creates: counted as an update, so the counts add up to the rows.
    expect(done).toMatchObject({ status: 'done', created: 1, updated: 1, skipped: 0, failed: 0 });
    const rows = await t.database.db.selectFrom('contacts').select(['city', 'account_id', 'email']).where(sql`lower(email)`, '=', 'merge.person@example.com').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.city).toBe('Suzhou');
    expect(rows[0]!.account_id).not.toBeNull();
    const found = await t.api(t.adminToken, 'GET', '/search?q=Gamma Textiles');
    expect(found.body.data.map((h: any) => h.title)).toContain('Merge Person');
  });
});
