import fs from 'node:fs';
import path from 'node:path';
import type { Database } from './connect.ts';
import { moduleDirs, moduleName } from '../core/module-loader.ts';

const DIR = path.join(import.meta.dirname, 'migrations');
// Any constant: serialises migrations when several processes start against one server.
const LOCK_KEY = 4_242_001;

const sqlFiles = (dir: string): string[] => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.sql')).sort() : []);

/**
 * Every migration of this process in order: the core ones (recorded by file name), then each
 * module's `<dir>/migrations/*.sql` in module order (recorded as `<module>/<file>`), so a
 * module added later gets its migrations at its first start.
 */
function migrationList(modules: readonly string[]): { name: string; file: string }[] {
  const list = sqlFiles(DIR).map((f) => ({ name: f, file: path.join(DIR, f) }));
  for (const dir of moduleDirs(modules)) {
    const mdir = path.join(dir, 'migrations');
    for (const f of sqlFiles(mdir)) list.push({ name: `${moduleName(dir)}/${f}`, file: path.join(mdir, f) });
  }
  return list;
}

/**
 * Applies every migration not yet applied (core, then modules'; `opts.modules`: extra module
 * folders), each in its own transaction. Same files for PGlite and PostgreSQL.
 */
export async function migrate(database: Database, opts: { modules?: readonly string[] } = {}): Promise<string[]> {
  const migrations = migrationList(opts.modules ?? []);
  return database.session(async (exec) => {
    await exec(`SELECT pg_advisory_lock(${LOCK_KEY})`);
    const applied: string[] = [];
    try {
      await exec(`CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
      const done = new Set((await exec('SELECT name FROM schema_migrations')).map((r) => String(r.name)));
      for (const { name, file } of migrations) {
        if (done.has(name)) continue;
        const text = fs.readFileSync(file, 'utf8');
        try {
          await exec(`BEGIN;\n${text}\n;INSERT INTO schema_migrations (name) VALUES ('${name.replaceAll("'", "''")}');\nCOMMIT;`);
        } catch (e) {
          await exec('ROLLBACK').catch(() => {});
          throw new Error(`migration ${name} failed: ${(e as Error).message}`);
        }
        applied.push(name);
      }
    } finally {
      await exec(`SELECT pg_advisory_unlock(${LOCK_KEY})`);
    }
    return applied;
  });
}
