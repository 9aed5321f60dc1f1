import { describe, expect, it, beforeAll } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../db/test-helpers.ts';

const t = useTestApp();

/** Follows next_cursor to the end; returns the ids in the order the pages gave them. */
async function walk(path: string, limit: number): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 500; i++) {
    const r = await t.api(t.adminToken, 'GET', `${path}${path.includes('?') ? '&' : '?'}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    ids.push(...r.body.data.map((x: { id: number }) => x.id));
    cursor = r.body.next_cursor;
    if (!cursor) return ids;
  }
  throw new Error('no end to the pages');
}

async function ids(query: string): Promise<number[]> {
  const { rows } = await sql.raw<{ id: number }>(query).execute(t.database.db);
  return rows.map((r) => Number(r.id));
}

describe('list cursors', () => {
  beforeAll(async () => {
    for (const f of [
      { key: 'score', label: 'Score', type: 'number' },
      { key: 'level', label: 'Level', type: 'select', options: [{ value: 'gold', label: 'Gold' }, { value: 'silver', label: 'Silver' }] },
      { key: 'active', label: 'Active', type: 'boolean' },
    ]) expect((await t.api(t.adminToken, 'POST', '/custom-fields', { object: 'contacts', ...f })).status).toBe(201);
    // 24 contacts whose created_at differ only in microseconds (several exactly equal), with
    // custom values repeating and missing, written by SQL as an import or another client would.
    const values = Array.from({ length: 24 }, (_, i) => {
      const micros = String([1, 2, 3, 3, 3, 500, 999, 4, 5, 6, 7, 7][i % 12]).padStart(3, '0');
      const custom: Record<string, unknown> = {};
      if (i % 4 !== 0) custom.cf_score = [5, 1, 3, 3, 2.5][i % 5];
      if (i % 3 !== 0) custom.cf_level = i % 2 ? 'gold' : 'silver';
      if (i % 5 !== 0) custom.cf_active = i % 2 === 0;
      const credit = i % 6 === 0 ? null : [100.25, 7, 100.25, 12345678.5][i % 4];
      const birthday = i % 7 === 0 ? null : `19${70 + (i % 3)}-0${1 + (i % 2)}-15`;
      return sql`(${`usec ${i}`}, ${`2024-05-01 10:00:00.123${micros}+00`}::timestamptz, ${JSON.stringify(custom)}::jsonb, ${credit}::numeric, ${birthday}::date)`;
    });
    await sql`INSERT INTO contacts (name, created_at, custom, credit_limit, birthday) VALUES ${sql.join(values)}`.execute(t.database.db);
  });

  const mine = 'filter%5Bname%5D%5Bstarts%5D=usec';

  it('pages by created_at both ways without losing or repeating rows that share a millisecond', async () => {
    for (const limit of [1, 2, 5]) {
      expect(await walk(`/contacts?${mine}&sort=-created_at`, limit)).toEqual(await ids(`SELECT id FROM contacts WHERE name LIKE 'usec%' ORDER BY created_at DESC, id DESC`));
      expect(await walk(`/contacts?${mine}&sort=created_at`, limit)).toEqual(await ids(`SELECT id FROM contacts WHERE name LIKE 'usec%' ORDER BY created_at ASC, id ASC`));
    }
    // The default sort (-created_at) too.
    expect(await walk(`/contacts?${mine}`, 3)).toEqual(await ids(`SELECT id FROM contacts WHERE name LIKE 'usec%' ORDER BY created_at DESC, id DESC`));
  });

  it('pages by custom and nullable standard fields with ties and NULLs (NULLS LAST both ways), indexed or not', async () => {
    const cases: [string, string][] = [
      ['cf_score', `(custom ->> 'cf_score')::numeric ASC NULLS LAST, id ASC`],
      ['-cf_score', `(custom ->> 'cf_score')::numeric DESC NULLS LAST, id DESC`],
      ['cf_level', `custom ->> 'cf_level' ASC NULLS LAST, id ASC`],
      ['-cf_level', `custom ->> 'cf_level' DESC NULLS LAST, id DESC`],
      ['cf_active', `(custom ->> 'cf_active')::boolean ASC NULLS LAST, id ASC`],
      ['-cf_active', `(custom ->> 'cf_active')::boolean DESC NULLS LAST, id DESC`],
      ['credit_limit', `credit_limit ASC NULLS LAST, id ASC`],
      ['-credit_limit', `credit_limit DESC NULLS LAST, id DESC`],
      ['birthday', `birthday ASC NULLS LAST, id ASC`],
      ['-birthday', `birthday DESC NULLS LAST, id DESC`],
    ];
    for (const [sort, order] of cases) {
      const expected = await ids(`SELECT id FROM contacts WHERE name LIKE 'usec%' ORDER BY ${order}`);
      expect(expected).toHaveLength(24);
      for (const limit of [1, 3, 7, 50]) expect(await walk(`/contacts?${mine}&sort=${sort}`, limit), `${sort} by ${limit}`).toEqual(expected);
    }
    // With a filter on the select field: plain equality on the option value; labels map to it.
    const gold = await ids(`SELECT id FROM contacts WHERE name LIKE 'usec%' AND custom ->> 'cf_level' = 'gold' ORDER BY (custom ->> 'cf_score')::numeric DESC NULLS LAST, id DESC`);
    expect(gold.length).toBeGreaterThan(3);
    expect(await walk(`/contacts?${mine}&filter%5Bcf_level%5D=gold&sort=-cf_score`, 2)).toEqual(gold);
    expect(await walk(`/contacts?${mine}&filter%5Bcf_level%5D=Gold&sort=-cf_score`, 2)).toEqual(gold);
  });

  it('pages a timeline whose events share a millisecond', async () => {
    const c = await t.api(t.adminToken, 'POST', '/contacts', { name: 'timeline usec' });
    const id = c.body.data.id as number;
    const events = Array.from({ length: 15 }, (_, i) =>
      sql`(${`2024-06-01 08:00:00.456${String([1, 2, 2, 9, 500][i % 5]).padStart(3, '0')}+00`}::timestamptz, 'note', ${`event ${i}`}, ${id})`);
    await sql`WITH e AS (INSERT INTO timeline_events (occurred_at, kind, title, contact_id) VALUES ${sql.join(events)} RETURNING id, occurred_at)
      INSERT INTO timeline_targets (event_id, object, record_id, occurred_at) SELECT id, 'contacts', ${id}, occurred_at FROM e`.execute(t.database.db);
    const expected = await ids(`SELECT event_id AS id FROM timeline_targets WHERE object = 'contacts' AND record_id = ${id} ORDER BY occurred_at DESC, event_id DESC`);
    expect(expected.length).toBeGreaterThanOrEqual(15);
    for (const limit of [1, 2, 4]) expect(await walk(`/contacts/${id}/timeline`, limit)).toEqual(expected);
  });

  it('keeps cursors made before the fix working (milliseconds, as ISO text)', async () => {
    const all = await ids(`SELECT id FROM contacts WHERE name LIKE 'usec%' ORDER BY created_at DESC, id DESC`);
    const old = Buffer.from(JSON.stringify(['2024-05-01T10:00:00.124Z', 0])).toString('base64url');
    const r = await t.api(t.adminToken, 'GET', `/contacts?${mine}&sort=-created_at&limit=50&cursor=${old}`);
    expect(r.status).toBe(200);
    expect(r.body.data.map((x: { id: number }) => x.id)).toEqual(all);
  });
});

describe('list rows', () => {
  it('are the records as GET /:id shows them (fields, custom fields, date-times, refs), hidden fields left out', async () => {
    const acc = await t.api(t.adminToken, 'POST', '/accounts', { name: '上海列表测试有限公司' });
    const partner = await t.api(t.adminToken, 'POST', '/accounts', { name: 'Partner Ltd' });
    expect((await t.api(t.adminToken, 'POST', '/custom-fields', { object: 'contacts', key: 'partner', label: 'Partner', type: 'link', link: 'accounts' })).status).toBe(201);
    const c = await t.api(t.adminToken, 'POST', '/contacts', {
      name: '列表 对照', email: 'list.same@example.cn', account_id: acc.body.data.id, tags: ['VIP', '重要'], birthday: '1990-02-03', credit_limit: 1234.5, cf_score: 12.5, cf_level: 'gold',
      cf_partner: partner.body.data.id,
    });
    expect(c.status).toBe(201);
    const id = c.body.data.id as number;
    // A stored timestamp with microseconds: the list must show it as JSON shows a JS Date.
    await sql`UPDATE contacts SET updated_at = '2024-07-08 09:10:11.987654+00' WHERE id = ${id}`.execute(t.database.db);
    const one = (await t.api(t.adminToken, 'GET', `/contacts/${id}`)).body.data;
    const listed = (await t.api(t.adminToken, 'GET', `/contacts?filter%5Bid%5D=${id}`)).body.data;
    expect(listed).toHaveLength(1);
    // A single record also carries its version (for If-Match); list rows do not.
    const { accounts: _accounts, version: _version, ...expected } = one;
    expect(listed[0]).toEqual(expected);
    expect(listed[0].updated_at).toBe('2024-07-08T09:10:11.987Z');
    expect(listed[0].refs).toEqual({ account_id: { id: acc.body.data.id, title: '上海列表测试有限公司' }, cf_partner: { id: partner.body.data.id, title: 'Partner Ltd' }, owner_id: expect.objectContaining({ id: expect.any(Number) }), created_by: expect.objectContaining({ id: expect.any(Number) }) });
    expect(Object.keys(listed[0])).toEqual(Object.keys(expected));

    expect((await t.api(t.adminToken, 'PATCH', '/roles/marketing', { field_rules: { contacts: { email: 'hidden', cf_score: 'hidden', account_id: 'hidden' } } })).status).toBe(200);
    const m = await t.userToken('marketing');
    const mOne = (await t.api(m.token, 'GET', `/contacts/${id}`)).body.data;
    const mListed = (await t.api(m.token, 'GET', `/contacts?filter%5Bid%5D=${id}`)).body.data[0];
    const { accounts: _a, version: _v, ...mExpected } = mOne;
    expect(mListed).toEqual(mExpected);
    for (const k of ['email', 'cf_score', 'account_id']) expect(mListed).not.toHaveProperty(k);
    expect(mListed.refs).not.toHaveProperty('account_id');
    expect(mListed.cf_level).toBe('gold');
  });
});
