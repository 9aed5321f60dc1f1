import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../db/test-helpers.ts';
import { buildSearchDocument } from './search-text.ts';
import { tokenHash, tokenHashes } from './token-hash.ts';

// Records are written with hashes computed here; migration 007 turned the text tokens stored
// before it into hashtext() in SQL. Both must give the same number for every token, or records
// migrated from text tokens would no longer be found.
const t = useTestApp();

describe('token hashes', () => {
  it('equal PostgreSQL hashtext() for tokens of every length and script', async () => {
    const doc = buildSearchDocument({
      names: ['欧阳娜娜', 'Zoë Ōsaka-Brontë'],
      phones: ['+86 138 0013 8000'],
      emails: ['li.xiulan28@163.com'],
      other: ['臺北市信義區', '𠮷野家 株式会社', 'ACME Trading Ltd.'],
    });
    const tokens = [...doc.tokens, '', 'a', 'ab', 'x'.repeat(11), 'y'.repeat(12), 'z'.repeat(13), '0123456789abcdefghijklmnopqrstuvwxyz', '上海华通贸易有限公司上海华通贸易有限公司', '😀🎉', 'w:zs'];
    expect(tokens.length).toBeGreaterThan(60);
    const { rows } = await sql<{ t: string; h: number }>`SELECT t, hashtext(t) AS h FROM unnest(${sql.val(tokens)}::text[]) AS t`.execute(t.database.db);
    expect(rows.map((r) => [r.t, tokenHash(r.t)])).toEqual(rows.map((r) => [r.t, r.h]));
  });

  it('are what a record stores and what a search looks for', async () => {
    const c = await t.api(t.adminToken, 'POST', '/contacts', { name: '欧阳娜娜', email: 'nana@example.com' });
    expect(c.status).toBe(201);
    const { rows } = await sql<{ tokens: number[] }>`SELECT search_tokens AS tokens FROM contacts WHERE id = ${c.body.data.id}`.execute(t.database.db);
    expect(rows[0]!.tokens).toContain(tokenHash('欧阳'));
    expect(new Set(rows[0]!.tokens)).toEqual(new Set(tokenHashes(buildSearchDocument({ names: ['欧阳娜娜'], emails: ['nana@example.com'] }).tokens)));
    const found = await t.api(t.adminToken, 'GET', `/search?q=${encodeURIComponent('阳娜')}`);
    expect(found.body.data.map((h: { title: string }) => h.title)).toContain('欧阳娜娜');
  });
});
