import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { randomBytes } from 'node:crypto';
import { connect } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import { searchCondition } from '../records/search-sql.ts';
import { backup, restore } from './backup.ts';
import { schemaShape } from '../db/schema-shape.ts';
import * as fieldsRepo from '../modules/custom-fields/custom-fields.repo.ts';
import { ensureDefaultCalendar } from '../modules/calendars/calendars.service.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gx-backup-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** An empty migrated database of its own (restore needs one): in-memory PGlite, or a new schema on DATABASE_URL. */
async function freshDatabase() {
  const url = process.env.DATABASE_URL;
  const schema = url ? `t_${randomBytes(6).toString('hex')}` : undefined;
  const database = await connect({ databaseUrl: url, schema, poolSize: 4 });
  await migrate(database);
  return {
    database,
    close: async () => {
      if (schema) await database.session((exec) => exec(`DROP SCHEMA "${schema}" CASCADE`));
      await database.close();
    },
  };
}

/** Runs fn with console output captured (restore and backup print their reports). */
async function quietly<T>(fn: () => Promise<T>): Promise<{ result: T; out: string }> {
  const saved = { log: console.log, error: console.error, warn: console.warn };
  let out = '';
  console.log = console.error = console.warn = (...a: unknown[]) => void (out += a.join(' ') + '\n');
  try {
    return { result: await fn(), out };
  } finally {
    Object.assign(console, saved);
  }
}

const writeBackup = (file: string, lines: object[]) => fs.writeFileSync(file, zlib.gzipSync(lines.map((l) => JSON.stringify(l)).join('\n') + '\n'));

describe('restore', () => {
  it("restores the backup's document number counters over the fresh database's own", async () => {
    const file = path.join(tmp, 'numbers.jsonl.gz');
    writeBackup(file, [{ t: 'number_sequences', r: { type: 'account', pattern: 'K-{000}', gap_free: true, period: '', value: 41 } }]);
    const { database, close } = await freshDatabase();
    try {
      expect((await quietly(() => restore(database, file))).result).toBe(0);
      const rows = await database.db.selectFrom('number_sequences').select(['type', 'pattern', 'value']).execute();
      expect(rows.map((r) => ({ ...r, value: Number(r.value) }))).toEqual([{ type: 'account', pattern: 'K-{000}', value: 41 }]);
    } finally {
      await close();
    }
  });

  it('hashes the text search tokens of a backup made before migration 007', async () => {
    const file = path.join(tmp, 'old.jsonl.gz');
    const lines = [
      // As 002_customers stored it: the grams of 欧阳娜娜 as text.
      { t: 'contacts', r: { id: 7, name: '欧阳娜娜', search_text: '欧阳娜娜', search_tokens: ['欧', '阳', '娜', '欧阳', '阳娜', '娜娜'], custom: {}, tags: [] } },
    ];
    writeBackup(file, lines);
    const { database, close } = await freshDatabase();
    try {
      expect((await quietly(() => restore(database, file))).result).toBe(0);
      const found = await sql<{ id: number }>`SELECT id FROM contacts WHERE ${searchCondition('contacts', '阳娜')!}`.execute(database.db);
      expect(found.rows.map((r) => r.id)).toEqual([7]);
    } finally {
      await close();
    }
  });

  it('refuses a backup whose links point at rows it lacks, restoring nothing; --repair-links clears them', async () => {
    const file = path.join(tmp, 'torn.jsonl.gz');
    writeBackup(file, [
      { t: 'accounts', r: { id: 1, name: 'Northwind' } },
      { t: 'account_contacts', r: { account_id: 99, contact_id: 6 } },
      { t: 'contacts', r: { id: 5, name: 'Maria Anders', account_id: 1 } },
      { t: 'contacts', r: { id: 6, name: 'Ana Trujillo', account_id: 99 } },
    ]);
    const refused = await freshDatabase();
    try {
      const r = await quietly(() => restore(refused.database, file));
      expect(r.result).toBe(2);
      expect(r.out).toContain('contacts.account_id → accounts: 1 row(s) point at missing accounts (contacts 6)');
      expect(r.out).toContain('account_contacts.account_id → accounts: 1 row(s)');
      expect(r.out).toContain('--repair-links');
      const left = await sql<{ n: number }>`SELECT (SELECT count(*) FROM contacts)::int + (SELECT count(*) FROM accounts)::int AS n`.execute(refused.database.db);
      expect(left.rows[0]!.n).toBe(0);
    } finally {
      await refused.close();
    }
    const repaired = await freshDatabase();
    try {
      const r = await quietly(() => restore(repaired.database, file, { repairLinks: true }));
      expect(r.result).toBe(0);
      expect(r.out).toMatch(/warning: .*\n.*contacts\.account_id/);
      const rows = await repaired.database.db.selectFrom('contacts').select(['id', 'account_id']).orderBy('id').execute();
      expect(rows).toEqual([{ id: 5, account_id: 1 }, { id: 6, account_id: null }]);
      expect(await repaired.database.db.selectFrom('account_contacts').selectAll().execute()).toEqual([]);
    } finally {
      await repaired.close();
    }
  });
});

describe('backup', () => {
  it('writes the file readable by its owner only (it holds password, session and key hashes), also over a wider existing file', async () => {
    const { database, close } = await freshDatabase();
    try {
      await sql`INSERT INTO accounts (name) VALUES ('Mode account')`.execute(database.db);
      const file = path.join(tmp, 'mode.jsonl.gz');
      fs.writeFileSync(file, 'old', { mode: 0o644 });
      fs.chmodSync(file, 0o644);
      expect((await quietly(() => backup(database, file))).result).toBe(0);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      const fresh = path.join(tmp, 'mode-new.jsonl.gz');
      expect((await quietly(() => backup(database, fresh))).result).toBe(0);
      expect(fs.statSync(fresh).mode & 0o777).toBe(0o600);
      expect(zlib.gunzipSync(fs.readFileSync(fresh)).toString()).toContain('Mode account');
    } finally {
      await close();
    }
  });

  it('is one snapshot while accounts and their contacts are written concurrently, and restores with every link intact', async () => {
    const source = await freshDatabase();
    const target = await freshDatabase();
    try {
      const db = source.database.db;
      await sql`INSERT INTO accounts (name) SELECT 'Seed ' || g FROM generate_series(1, 2000) g`.execute(db);
      // Tables dumped between accounts and contacts: the longer they take, the more contacts of
      // accounts created after the accounts were read.
      // (PGlite, one session, cannot interleave anyway: a little padding is enough there.)
      const padding = source.database.kind === 'postgres' ? 40_000 : 2_000;
      await sql`INSERT INTO audit_log (action, object, record_id, changes)
        SELECT 'update', 'contacts', g, jsonb_build_object('notes', repeat('x', 200)) FROM generate_series(1, ${padding}::int) g`.execute(db);
      let running = true;
      let writtenDuring = 0;
      const writer = (async () => {
        while (running) {
          await db.transaction().execute(async (trx) => {
            const a = await trx.insertInto('accounts').values({ name: 'Live account' }).returning('id').executeTakeFirstOrThrow();
            await trx.insertInto('contacts').values({ name: 'Live contact', account_id: a.id }).execute();
          });
          writtenDuring++;
          await new Promise((r) => setImmediate(r));
        }
      })();
      while (writtenDuring < 5) await new Promise((r) => setTimeout(r, 10));
      const file = path.join(tmp, 'live.jsonl.gz');
      const before = writtenDuring;
      const { result } = await quietly(() => backup(source.database, file));
      const during = writtenDuring - before;
      running = false;
      await writer;
      expect(result).toBe(0);
      // On PostgreSQL the writer really ran while the backup read (PGlite has one session, so
      // its writes wait for the backup: consistent by construction).
      if (source.database.kind === 'postgres') expect(during).toBeGreaterThan(5);

      const restored = await quietly(() => restore(target.database, file));
      expect(restored.out).not.toContain('does not contain');
      expect(restored.result).toBe(0);
      const orphans = await sql<{ n: number }>`SELECT count(*)::int AS n FROM contacts c
        WHERE c.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.id = c.account_id)`.execute(target.database.db);
      expect(orphans.rows[0]!.n).toBe(0);
      const live = await sql<{ n: number }>`SELECT count(*)::int AS n FROM contacts WHERE name = 'Live contact'`.execute(target.database.db);
      expect(live.rows[0]!.n).toBeGreaterThan(0);
    } finally {
      await source.close();
      await target.close();
    }
  });
});

describe('restore into a bootstrapped database', () => {
  it('replaces what the bootstrap made (the default business calendar) with the backup\'s rows', async () => {
    const source = await freshDatabase();
    const target = await freshDatabase();
    try {
      await ensureDefaultCalendar(source.database.db);
      await sql`INSERT INTO calendar_exceptions (calendar_id, day, working, name) SELECT id, '2026-03-02', false, '公司假' FROM calendars`.execute(source.database.db);
      await ensureDefaultCalendar(target.database.db);
      const file = path.join(tmp, 'calendars.jsonl.gz');
      expect((await quietly(() => backup(source.database, file))).result).toBe(0);
      const restored = await quietly(() => restore(target.database, file));
      expect(restored.out).toContain('restored');
      expect(restored.result).toBe(0);
      const count = async (db: typeof source.database.db) =>
        (await sql<{ n: number }>`SELECT count(*)::int AS n FROM calendar_exceptions`.execute(db)).rows[0]!.n;
      expect(await count(target.database.db)).toBe(await count(source.database.db));
      const own = await sql<{ name: string }>`SELECT name FROM calendar_exceptions WHERE day = '2026-03-02'`.execute(target.database.db);
      expect(own.rows).toEqual([{ name: '公司假' }]);
    } finally {
      await source.close();
      await target.close();
    }
  });
});

describe('restore recreates what a fresh install has', () => {
  it("the indexes of custom fields: the restored schema equals the original's", async () => {
    const source = await freshDatabase();
    const target = await freshDatabase();
    try {
      const db = source.database.db;
      for (const [key, type] of [['cf_grade', 'text'], ['cf_points', 'number'], ['cf_bio', 'longtext']] as const) {
        await fieldsRepo.insertField(db, { object: 'contacts', key, label: key, labels: '{}', type, options: '[]', required: false, link: null, position: 0, searchable: false });
        await fieldsRepo.createFieldIndexFor(db, 'contacts', key, type);
      }
      await db.insertInto('contacts').values({ name: '张三', custom: JSON.stringify({ cf_grade: 'A', cf_points: 7 }) }).execute();
      const original = await schemaShape(source.database);
      expect(original.indexes.filter((i) => i.includes('cf_'))).toHaveLength(2);

      const file = path.join(tmp, 'custom-indexes.jsonl.gz');
      expect((await quietly(() => backup(source.database, file))).result).toBe(0);
      expect((await schemaShape(target.database)).indexes).not.toEqual(original.indexes);
      expect((await quietly(() => restore(target.database, file))).result).toBe(0);
      expect(await schemaShape(target.database)).toEqual(original);
    } finally {
      await source.close();
      await target.close();
    }
  });
});
