import { createHash } from 'node:crypto';
import fs from 'node:fs';

/**
 * A migration this process refuses to run past: a released file that changed since it was
 * applied, or a database a newer Guanxi migrated. main.ts prints its message without a stack.
 */
export class MigrationRefused extends Error {}

/**
 * The checksum recorded for a migration: sha256 of its text with CRLF line endings made LF, so a
 * checkout on Windows (autocrlf) matches the file as released.
 */
export function migrationChecksum(file: string): string {
  const text = fs.readFileSync(file, 'utf8').replaceAll('\r\n', '\n');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export interface KnownMigration {
  name: string;
  file: string;
}

export interface AppliedMigration {
  name: string;
  checksum: string | null;
}

/**
 * Refuses a database this process must not migrate:
 * - a migration recorded as applied that this version does not ship (core, or of a module this
 *   process loads): a newer version ran here. A module's migrations are judged only when the
 *   module is loaded, so a module left out of GUANXI_MODULES does not stop the server.
 * - an applied migration whose file's checksum differs from the recorded one: a released
 *   migration was edited, and installs made before the edit would silently keep the old schema.
 */
export function checkApplied(applied: readonly AppliedMigration[], known: readonly KnownMigration[], modules: ReadonlySet<string>): void {
  const byName = new Map(known.map((m) => [m.name, m]));
  const unknown = applied.filter((a) => {
    if (byName.has(a.name)) return false;
    const slash = a.name.indexOf('/');
    return slash < 0 || modules.has(a.name.slice(0, slash));
  });
  if (unknown.length) {
    const names = unknown.map((u) => u.name).join(', ');
    throw new MigrationRefused(`this database was migrated by a newer version of Guanxi: ${unknown.length === 1 ? 'migration' : 'migrations'} ${names} ${unknown.length === 1 ? 'is' : 'are'} unknown to this version. Upgrade Guanxi to that newer version, or restore a backup made with this version.`);
  }
  for (const a of applied) {
    const m = byName.get(a.name);
    if (!m || !a.checksum) continue;
    if (migrationChecksum(m.file) !== a.checksum) {
      throw new MigrationRefused(`migration ${a.name} (${m.file}) changed after it was applied to this database. A released migration is never edited: put back the file this version shipped, and make the change in a new migration.`);
    }
  }
}
