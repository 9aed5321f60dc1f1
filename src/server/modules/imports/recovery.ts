import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { IMPORT_JOB } from './imports.service.ts';

/**
 * Imports left "queued" or "running" with no job that will run them (a CLI import killed
 * before imports ran as jobs, or a job that gave up without marking its import) would show
 * "running" forever: they are marked failed. Imports whose job still exists are left to it:
 * the queue resumes them after their last committed batch (next server start or CLI import).
 */
export async function failOrphanedImports(db: Kysely<DB>): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`UPDATE imports SET status = 'failed', finished_at = now(),
      error = 'interrupted, and no job was left to resume it: import the file again'
    WHERE status IN ('queued', 'running') AND NOT EXISTS (
      SELECT 1 FROM jobs WHERE jobs.name = ${IMPORT_JOB} AND jobs.status IN ('queued', 'running')
        AND jobs.payload->>'import_id' = imports.id::text)
    RETURNING id`.execute(db);
  return rows.map((r) => r.id);
}
