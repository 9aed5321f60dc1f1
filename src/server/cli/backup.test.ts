import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { connect } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import { searchCondition } from '../records/search-sql.ts';
import { restore } from './backup.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gx-backup-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

// In-memory PGlite: restore needs an empty database, which the shared test database is not.
describe('restore', () => {
  it('hashes the text search tokens of a backup made before migration 007', async () => {
    const file = path.join(tmp, 'old.jsonl.gz');
    const lines = [
      // As 002_customers stored it: the grams of 欧阳娜娜 as text.
      { t: 'contacts', r: { id: 7, name: '欧阳娜娜', search_text: '欧阳娜娜', search_tokens: ['欧', '阳', '娜', '欧阳', '阳娜', '娜娜'], custom: {}, tags: [] } },
    ];
    fs.writeFileSync(file, zlib.gzipSync(lines.map((l) => JSON.stringify(l)).join('\n') + '\n'));
    const database = await connect({});
    try {
      await migrate(database);
      const log = console.log;
      console.log = () => {};
      try {
        expect(await restore(database, file)).toBe(0);
      } finally {
        console.log = log;
      }
      const found = await sql<{ id: number }>`SELECT id FROM contacts WHERE ${searchCondition('contacts', '阳娜')!}`.execute(database.db);
      expect(found.rows.map((r) => r.id)).toEqual([7]);
    } finally {
      await database.close();
    }
  });
});
