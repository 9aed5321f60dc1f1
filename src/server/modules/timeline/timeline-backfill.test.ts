import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';
import { migrate } from '../../db/migrate.ts';

const t = useTestApp();
const f = factories(t);

describe('migration 015', () => {
  it('puts events written with contact_id / account_id on the same timelines, in the same order', async () => {
    const acc = await f.account();
    const c = await f.contact({ account_id: acc.id });
    const db = t.database.db;
    // The database as it was before 015, holding events of the old shape.
    await sql`DROP TABLE timeline_targets`.execute(db);
    await sql`CREATE INDEX timeline_contact_idx ON timeline_events (contact_id, occurred_at DESC, id DESC) WHERE contact_id IS NOT NULL`.execute(db);
    await sql`CREATE INDEX timeline_account_idx ON timeline_events (account_id, occurred_at DESC, id DESC) WHERE account_id IS NOT NULL`.execute(db);
    await sql`DELETE FROM schema_migrations WHERE name = '015_timeline_targets.sql'`.execute(db);
    await sql`INSERT INTO timeline_events (occurred_at, kind, title, contact_id, account_id, ref_type, ref_id) VALUES
      ('2025-01-01T10:00:00Z', 'call', 'both', ${c.id}, ${acc.id}, 'activity', 1),
      ('2025-01-02T10:00:00Z', 'note', 'account only', NULL, ${acc.id}, 'activity', 2),
      ('2025-01-03T10:00:00Z', 'note', 'no source', ${c.id}, NULL, NULL, NULL)`.execute(db);

    expect(await migrate(t.database)).toEqual(['015_timeline_targets.sql']);
    const titles = async (path: string) => (await t.api(t.adminToken, 'GET', path)).body.data.map((e: { title: string }) => e.title);
    expect(await titles(`/contacts/${c.id}/timeline`)).toEqual(['no source', 'both']);
    expect(await titles(`/accounts/${acc.id}/timeline?limit=1`)).toEqual(['account only']);
    expect(await titles(`/timeline/accounts/${acc.id}`)).toEqual(['account only', 'both']);
    const fields = await sql<{ title: string; object: string; field: string | null }>`SELECT e.title, x.object, x.field
      FROM timeline_targets x JOIN timeline_events e ON e.id = x.event_id ORDER BY e.title, x.object`.execute(db);
    expect(fields.rows).toEqual([
      { title: 'account only', object: 'accounts', field: 'account_id' },
      { title: 'both', object: 'accounts', field: 'account_id' },
      { title: 'both', object: 'contacts', field: 'contact_id' },
      { title: 'no source', object: 'contacts', field: null },
    ]);
  });
});
