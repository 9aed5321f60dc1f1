import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../../db/test-helpers.ts';
import { reindexNow, SEARCH_DOCUMENT_VERSION, storedVersion } from './reindex.ts';

// Search documents carry a version (SEARCH_DOCUMENT_VERSION): a database whose documents are
// older is reindexed after an upgrade. So a change of the rules must bump it, or upgraded
// installs keep documents of the old rules. This fingerprint of the documents of fixed records
// fails on any change of the rules: bump the version, then record the new fingerprint here.
const FINGERPRINTS: Record<number, string> = {
  2: '6ecf3d23b5517f150fa9dbc7d7699c2847b1095063a69e22088703edb290beaa',
};

const t = useTestApp();

async function documents(): Promise<string> {
  const acc = await t.api(t.adminToken, 'POST', '/accounts', { name: '上海贸易有限公司', city: '上海', phone: '021 6888 1234', website: 'https://trade.example.cn' });
  const c1 = await t.api(t.adminToken, 'POST', '/contacts', { name: '張三豐', account_id: acc.body.data.id, mobile: '139 1234 5678', email: 'zhang@trade.example.cn', title: '采购经理', street: '南京西路 1266 号' });
  const c2 = await t.api(t.adminToken, 'POST', '/contacts', { name: 'Zoë Ångström', city: 'Malmö', notes: 'Prefers oolong tea' });
  const ids = { accounts: [acc.body.data.id], contacts: [c1.body.data.id, c2.body.data.id] };
  const out: unknown[] = [];
  for (const [table, list] of Object.entries(ids)) {
    const { rows } = await sql<{ search_text: string; search_tokens: number[] }>`SELECT search_text, search_tokens FROM ${sql.table(table)} WHERE id = ANY(${list}::bigint[]) ORDER BY id`.execute(t.database.db);
    out.push(...rows.map((r) => [r.search_text, [...r.search_tokens].sort((a, b) => a - b)]));
  }
  return createHash('sha256').update(JSON.stringify(out)).digest('hex');
}

describe('the search document version', () => {
  it('names the current rules: documents of fixed records match the fingerprint recorded for it', async () => {
    // First in the file: the account gets customer number C-00001, part of its document.
    const now = await documents();
    expect(now, `search documents changed: bump SEARCH_DOCUMENT_VERSION in reindex.ts and record ${now} for it`).toBe(FINGERPRINTS[SEARCH_DOCUMENT_VERSION]);
  });

  it('`guanxi reindex` rewrites documents of an older version at once, and records the version', async () => {
    const c = await t.api(t.adminToken, 'POST', '/contacts', { name: '上海贸易' });
    await sql`UPDATE contacts SET search_text = '上海贸易', search_tokens = '{}' WHERE id = ${c.body.data.id}`.execute(t.database.db);
    await sql`INSERT INTO settings (key, value) VALUES ('search_document_version', '1') ON CONFLICT (key) DO UPDATE SET value = '1'`.execute(t.database.db);
    const found = async () => (await t.api(t.adminToken, 'GET', '/search?q=shmy&types=contacts')).body;
    expect(JSON.stringify(await found())).not.toContain('上海贸易');
    await reindexNow(t.database.db);
    expect(JSON.stringify(await found())).toContain('上海贸易');
    expect(await storedVersion(t.database.db)).toBe(SEARCH_DOCUMENT_VERSION);
  });
});
