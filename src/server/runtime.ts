import fs from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { connect, type Database } from './db/connect.ts';
import { leanHeapRuntime } from './db/pglite-memory.ts';
import { acquireDataDir } from './db/data-dir-lock.ts';
import { migrate } from './db/migrate.ts';
import { bootstrap } from './core/bootstrap.ts';
import type { Config } from './config.ts';

export interface OpenOptions {
  /** Told each migration applied ("migration applied: NAME"), or that the schema was up to date. */
  log?: (line: string) => void;
}

/**
 * Opens the configured database (PGlite folder or PostgreSQL), migrates it and seeds roles.
 * Refuses (MigrationRefused) a database a newer version migrated or whose migrations changed.
 */
export async function openDatabase(config: Config, opts: OpenOptions = {}): Promise<Database> {
  const log = opts.log ?? (() => {});
  const newPGlite = !config.databaseUrl && config.dataDir && !fs.existsSync(path.join(config.dataDir, 'PG_VERSION'));
  const applied = newPGlite ? await createPGliteInChild(config.dataDir, config.pgliteSharedBuffers) : [];
  for (const name of applied) log(`migration applied: ${name}`);
  // PGlite applies it with its own settings (db/pglite-memory.ts); PostgreSQL needs it as well.
  if (config.databaseUrl && config.pgliteLeanMemory) leanHeapRuntime();
  const database = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, pgliteSharedBuffers: config.pgliteSharedBuffers, preparedStatements: config.preparedStatements, pgliteLeanMemory: config.pgliteLeanMemory });
  try {
    // The same modules the app serves (built-in + GUANXI_MODULES); their bootstrap steps also
    // load the organisation's phone region, which CLI imports key phones in.
    const more = await migrate(database, { modules: config.modules, onApplied: (name) => log(`migration applied: ${name}`) });
    if (!applied.length && !more.length) log('database schema up to date (no migration to apply)');
    await bootstrap(database.db, { email: config.adminEmail, password: config.adminPassword }, { modules: config.modules });
  } catch (e) {
    await database.close();
    throw e;
  }
  return database;
}

/**
 * Creates and migrates a new PGlite folder in a short-lived process (see db/pglite-migrate.ts):
 * a first start then holds ~300 MB less. An existing folder is opened directly (a child would
 * cost seconds at every start for the rare pending migration).
 */
async function createPGliteInChild(dataDir: string, sharedBuffers: string | undefined): Promise<string[]> {
  // A folder held by a running server is refused here, with the lock's own clear message.
  acquireDataDir(dataDir)();
  const script = path.join(import.meta.dirname, 'db', 'pglite-migrate.ts');
  let stdout: string;
  try {
    ({ stdout } = await promisify(execFile)(process.execPath, [script, dataDir, sharedBuffers ?? ''], { timeout: 300_000 }));
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`Could not prepare the database in ${dataDir}: ${err.stderr?.trim() || err.message}`);
  }
  // The child's last line is the names it applied, as one JSON array (only logged: a line
  // that does not parse costs the log lines, not the start).
  try {
    return JSON.parse(stdout.trim().split('\n').at(-1) ?? '[]') as string[];
  } catch {
    return [];
  }
}
