import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { sql } from 'kysely';
import type { Database } from './connect.ts';
import { openTestDatabase } from './test-template.ts';
import { migrate } from './migrate.ts';
import { MigrationRefused, migrationChecksum } from './migration-checks.ts';
import { moduleDirs, moduleName } from '../core/module-loader.ts';

// Upgrading an install in place: checksums of applied migrations, refusal of a database a
// newer version migrated, and migration 022 bringing an old install to a fresh install's schema.
const template = inject('guanxiTestTemplate');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gx-upgrade-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const sqlFiles = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.sql')).sort() : []);
const CORE = path.join(import.meta.dirname, 'migrations');
// Every migration this version ships, as schema_migrations names it, with its file.
const FILES = new Map([
  ...sqlFiles(CORE).map((f) => [f, path.join(CORE, f)] as const),
  ...moduleDirs().flatMap((dir) => sqlFiles(path.join(dir, 'migrations')).map((f) => [`${moduleName(dir)}/${f}`, path.join(dir, 'migrations', f)] as const)),
]);

/** A copy of the run's freshly migrated template, closed and dropped after fn. */
async function withInstall<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const { database, drop } = await openTestDatabase(template);
  try {
    return await fn(database);
  } finally {
    await database.close();
    await drop();
  }
}

const recorded = async (database: Database) =>
  new Map((await sql<{ name: string; checksum: string | null }>`SELECT name, checksum FROM schema_migrations`.execute(database.db)).rows.map((r) => [r.name, r.checksum]));

describe('migration checksums', () => {
  it('records the checksum of every applied migration, and a second start applies nothing', () => withInstall(async (database) => {
    const rows = await recorded(database);
    expect([...rows.keys()].sort()).toEqual([...FILES.keys()].sort());
    for (const [name, file] of FILES) expect(rows.get(name), name).toBe(migrationChecksum(file));
    expect(await migrate(database)).toEqual([]);
  }));

  it('an install made before checksums gets those of the files shipped now at its first start', () => withInstall(async (database) => {
    await sql`ALTER TABLE schema_migrations DROP COLUMN checksum`.execute(database.db);
    await sql`DELETE FROM schema_migrations WHERE name IN ('021_migration_checksums.sql', '022_consistent_foreign_keys.sql')`.execute(database.db);
    const logged: string[] = [];
    expect(await migrate(database, { onApplied: (n) => logged.push(n) })).toEqual(['021_migration_checksums.sql', '022_consistent_foreign_keys.sql']);
    expect(logged).toEqual(['021_migration_checksums.sql', '022_consistent_foreign_keys.sql']);
    const rows = await recorded(database);
    for (const [name, file] of FILES) expect(rows.get(name), name).toBe(migrationChecksum(file));
  }));

  it('refuses to start, naming the file, when an applied migration changed, and runs nothing', () => withInstall(async (database) => {
    await sql`UPDATE schema_migrations SET checksum = ${'0'.repeat(64)} WHERE name = '002_customers.sql'`.execute(database.db);
    await sql`DELETE FROM schema_migrations WHERE name = '022_consistent_foreign_keys.sql'`.execute(database.db);
    const err = await migrate(database).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MigrationRefused);
    expect((err as Error).message).toMatch(/migration 002_customers\.sql \(.*002_customers\.sql\) changed after it was applied/);
    expect((await recorded(database)).has('022_consistent_foreign_keys.sql')).toBe(false);
  }));

  it('a checksum ignores line endings (a CRLF checkout), not content', () => {
    const write = (name: string, text: string) => {
      const file = path.join(tmp, name);
      fs.writeFileSync(file, text);
      return migrationChecksum(file);
    };
    const lf = write('lf.sql', 'CREATE TABLE t (id int);\nSELECT 1;\n');
    expect(write('crlf.sql', 'CREATE TABLE t (id int);\r\nSELECT 1;\r\n')).toBe(lf);
    expect(write('edited.sql', 'CREATE TABLE t (id bigint);\nSELECT 1;\n')).not.toBe(lf);
  });
});

describe('a database migrated by a newer version', () => {
  it('is refused, naming the unknown migration, and saying to upgrade or restore a backup', () => withInstall(async (database) => {
    for (const name of ['999_future.sql', 'quotes/999_future.sql']) {
      await sql`INSERT INTO schema_migrations (name) VALUES (${name})`.execute(database.db);
      const err = await migrate(database).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(MigrationRefused);
      expect((err as Error).message).toContain(`migration ${name} is unknown to this version`);
      expect((err as Error).message).toMatch(/Upgrade Guanxi .* or restore a backup/);
      await sql`DELETE FROM schema_migrations WHERE name = ${name}`.execute(database.db);
    }
  }));

  it('is not refused for the migrations of a module this process does not load', () => withInstall(async (database) => {
    await sql`INSERT INTO schema_migrations (name) VALUES ('gx_unloaded/001_x.sql')`.execute(database.db);
    expect(await migrate(database)).toEqual([]);
  }));
});

/** Every constraint and index of the schema, as text a fresh install and an upgraded one can be compared by. */
async function schemaShape(database: Database) {
  const { rows: [{ schema }] } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(database.db) as { rows: { schema: string }[] };
  const strip = (s: string) => s.replaceAll(`${schema}.`, '');
  const constraints = await sql<{ tbl: string; name: string; def: string }>`SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def
    FROM pg_constraint WHERE connamespace = current_schema()::regnamespace ORDER BY 1, 2`.execute(database.db);
  const indexes = await sql<{ name: string; def: string }>`SELECT indexname AS name, indexdef AS def FROM pg_indexes
    WHERE schemaname = current_schema() ORDER BY 1`.execute(database.db);
  return {
    constraints: constraints.rows.map((r) => `${strip(r.tbl)} ${r.name}: ${strip(r.def)}`),
    indexes: indexes.rows.map((r) => strip(r.def)),
  };
}

describe('migration 022: an install made before migration 002 was edited', () => {
  it('gets the foreign keys of a fresh install, and deleting an account keeps its contacts\' activities and tasks', async () => {
    const fresh = await withInstall(schemaShape);
    expect(fresh.constraints).toContain('activities activities_account_id_fkey: FOREIGN KEY (account_id) REFERENCES accounts(id) ON DELETE SET NULL');
    await withInstall(async (database) => {
      // The constraints as the first release of 002 created them.
      await sql`DELETE FROM schema_migrations WHERE name = '022_consistent_foreign_keys.sql'`.execute(database.db);
      for (const t of ['activities', 'tasks']) {
        await sql.raw(`ALTER TABLE ${t} DROP CONSTRAINT ${t}_account_id_fkey`).execute(database.db);
        await sql.raw(`ALTER TABLE ${t} ADD FOREIGN KEY (account_id) REFERENCES accounts(id) ON DELETE CASCADE`).execute(database.db);
      }
      expect((await schemaShape(database)).constraints).not.toEqual(fresh.constraints);

      expect(await migrate(database)).toEqual(['022_consistent_foreign_keys.sql']);
      expect(await schemaShape(database)).toEqual(fresh);

      const db = database.db;
      const account = await db.insertInto('accounts').values({ name: '上海贸易' }).returning('id').executeTakeFirstOrThrow();
      const contact = await db.insertInto('contacts').values({ name: '张三', account_id: account.id }).returning('id').executeTakeFirstOrThrow();
      await db.insertInto('activities').values({ kind: 'call', subject: '回访', contact_id: contact.id, account_id: account.id }).execute();
      await db.insertInto('tasks').values({ title: '寄样品', contact_id: contact.id, account_id: account.id, board_position: 'a0' }).execute();
      await db.deleteFrom('accounts').where('id', '=', account.id).execute();
      expect(await db.selectFrom('activities').select(['subject', 'account_id']).where('contact_id', '=', contact.id).execute()).toEqual([{ subject: '回访', account_id: null }]);
      expect(await db.selectFrom('tasks').select(['title', 'account_id']).where('contact_id', '=', contact.id).execute()).toEqual([{ title: '寄样品', account_id: null }]);
    });
  });
});
