import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { sql } from 'kysely';
import { ADMIN, openTestDatabase, type TemplateInfo } from './test-template.ts';
import { migrate } from './migrate.ts';
import { moduleDirs, moduleName } from '../core/module-loader.ts';

const sqlFiles = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.sql')).sort() : []);
// The core migrations by file name, then each built-in module's as `<module>/<file>` (db/migrate.ts).
const MIGRATIONS = [
  ...sqlFiles(path.join(import.meta.dirname, 'migrations')),
  ...moduleDirs().flatMap((dir) => sqlFiles(path.join(dir, 'migrations')).map((f) => `${moduleName(dir)}/${f}`)),
];
const onPostgres = Boolean(process.env.DATABASE_URL);

async function exists(kind: 'database' | 'schema', name: string): Promise<boolean> {
  const { database, drop } = await openTestDatabase({ kind: 'none' });
  try {
    const q = kind === 'database'
      ? sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_database WHERE datname = ${name}`
      : sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_namespace WHERE nspname = ${name}`;
    return (await q.execute(database.db)).rows[0]!.n > 0;
  } finally {
    await database.close();
    await drop();
  }
}

/** Opens a test database, hands it to fn, then closes and drops it; returns where it lived. */
async function withCopy(template: TemplateInfo, fn: (db: Awaited<ReturnType<typeof openTestDatabase>>['database']) => Promise<void>) {
  const { database, drop } = await openTestDatabase(template);
  let where = { database: '', schema: '' };
  try {
    where = (await sql<{ database: string; schema: string }>`SELECT current_database() AS database, current_schema() AS schema`.execute(database.db)).rows[0]!;
    await fn(database);
  } finally {
    await database.close();
    await drop();
  }
  return where;
}

describe('test databases', () => {
  const template = inject('guanxiTestTemplate');

  it("start from the run's template, migrated and bootstrapped before the test touches them", async () => {
    expect(template.kind).toBe(onPostgres ? 'postgres' : 'pglite');
    const where = await withCopy(template, async (database) => {
      const applied = (await sql<{ name: string }>`SELECT name FROM schema_migrations`.execute(database.db)).rows.map((r) => r.name);
      expect(applied.sort()).toEqual([...MIGRATIONS].sort());
      expect(await database.db.selectFrom('users').select(['email', 'role']).execute()).toEqual([{ email: ADMIN.email, role: 'admin' }]);
      expect(await migrate(database)).toEqual([]);
    });
    // On PostgreSQL each copy is a database of its own, dropped at close.
    if (onPostgres) {
      expect(where.database).toMatch(/^t_[0-9a-f]{12}$/);
      expect(await exists('database', where.database)).toBe(false);
    }
  });

  it('are independent copies', async () => {
    await withCopy(template, async (a) => {
      await a.db.insertInto('roles').values({ key: 'only_in_a', name: 'A', permissions: '{}' }).execute();
      await withCopy(template, async (b) => {
        expect(await b.db.selectFrom('roles').select('key').where('key', '=', 'only_in_a').execute()).toEqual([]);
      });
    });
  });

  // PostgreSQL only: PGlite always has a template (its copies need no CREATE DATABASE right).
  if (onPostgres) it('fall back to a fresh schema, migrated by the test app, where there is no template', async () => {
    const where = await withCopy({ kind: 'none' }, async (database) => {
      expect(await migrate(database)).toEqual(MIGRATIONS);
    });
    expect(where.schema).toMatch(/^t_[0-9a-f]{12}$/);
    expect(await exists('schema', where.schema)).toBe(false);
  });
});
