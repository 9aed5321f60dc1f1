import fs from 'node:fs';
import path from 'node:path';
import type { Database } from './connect.ts';
import { moduleDirs, moduleName } from '../core/module-loader.ts';
import { checkApplied, migrationChecksum } from './migration-checks.ts';

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

const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;

export interface MigrateOptions {
  /** Extra module folders (absolute paths), as GUANXI_MODULES names them. */
  modules?: readonly string[];
  /** Told each migration's name as soon as it is committed (the CLI and start log them). */
  onApplied?: (name: string) => void;
}

/**
 * Applies every migration not yet applied (core, then modules'), each in its own transaction.
 * Same files for PGlite and PostgreSQL. Before anything runs it refuses (MigrationRefused) a
 * database a newer version migrated, or one whose applied migrations' files changed since
 * (checksums recorded since migration 021). Returns the names it applied, in order.
 */
export async function migrate(database: Database, opts: MigrateOptions = {}): Promise<string[]> {
  const migrations = migrationList(opts.modules ?? []);
  const loadedModules = new Set(moduleDirs(opts.modules ?? []).map(moduleName));
  return database.session(async (exec) => {
    await exec(`SELECT pg_advisory_lock(${LOCK_KEY})`);
    const applied: string[] = [];
    try {
      await exec(`CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
      const hasChecksum = async () => (await exec(`SELECT 1 FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = 'schema_migrations' AND column_name = 'checksum'`)).length > 0;
      let checksums = await hasChecksum();
      const rows = await exec(`SELECT name, ${checksums ? 'checksum' : 'NULL AS checksum'} FROM schema_migrations`);
      const done = rows.map((r) => ({ name: String(r.name), checksum: r.checksum == null ? null : String(r.checksum) }));
      checkApplied(done, migrations, loadedModules);
      const doneNames = new Set(done.map((d) => d.name));
      for (const { name, file } of migrations) {
        if (doneNames.has(name)) continue;
        const text = fs.readFileSync(file, 'utf8');
        const record = checksums
          ? `INSERT INTO schema_migrations (name, checksum) VALUES (${lit(name)}, ${lit(migrationChecksum(file))})`
          : `INSERT INTO schema_migrations (name) VALUES (${lit(name)})`;
        try {
          await exec(`BEGIN;\n${text}\n;${record};\nCOMMIT;`);
        } catch (e) {
          await exec('ROLLBACK').catch(() => {});
          throw new Error(`migration ${name} failed: ${(e as Error).message}`);
        }
        applied.push(name);
        opts.onApplied?.(name);
        if (!checksums) checksums = await hasChecksum();
      }
      // Migrations applied before checksums were recorded (installs older than 021, and the
      // first ones of a new install) get the checksum of the file shipped now: the files of
      // the version an install upgrades to are trusted once, and checked from then on.
      if (checksums) {
        const missing = migrations.filter((m) => done.find((d) => d.name === m.name)?.checksum == null);
        const updates = missing.map((m) => `UPDATE schema_migrations SET checksum = ${lit(migrationChecksum(m.file))} WHERE name = ${lit(m.name)} AND checksum IS NULL;`);
        if (updates.length) await exec(updates.join('\n'));
      }
    } finally {
      await exec(`SELECT pg_advisory_unlock(${LOCK_KEY})`);
    }
    return applied;
  });
}
