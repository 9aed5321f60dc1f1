import fs from 'node:fs';
import path from 'node:path';
import type { Database } from './connect.ts';

const DIR = path.join(import.meta.dirname, 'migrations');
// Any constant: serialises migrations when several processes start against one server.
const LOCK_KEY = 4_242_001;

/** Applies every migrations/*.sql not yet applied, each in its own transaction. Same files for PGlite and PostgreSQL. */
export async function migrate(database: Database): Promise<string[]> {
  const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.sql')).sort();
  return database.session(async (exec) => {
    await exec(`SELECT pg_advisory_lock(${LOCK_KEY})`);
    const applied: string[] = [];
    try {
      await exec(`CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
      const done = new Set((await exec('SELECT name FROM schema_migrations')).map((r) => String(r.name)));
      for (const file of files) {
        if (done.has(file)) continue;
        const text = fs.readFileSync(path.join(DIR, file), 'utf8');
        try {
          await exec(`BEGIN;\n${text}\n;INSERT INTO schema_migrations (name) VALUES ('${file}');\nCOMMIT;`);
        } catch (e) {
          await exec('ROLLBACK').catch(() => {});
          throw new Error(`migration ${file} failed: ${(e as Error).message}`);
        }
        applied.push(file);
      }
    } finally {
      await exec(`SELECT pg_advisory_unlock(${LOCK_KEY})`);
    }
    return applied;
  });
}
