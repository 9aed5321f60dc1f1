import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/** Entries archived and deleted per transaction: bounded memory and short locks on a large log. */
const BATCH = 2000;

/**
 * Deletes audit entries older than `months`, after appending them as JSON lines to
 * `<archiveDir>/audit-<date>.jsonl` (readable by the owner only). The audit log is append-only
 * (migration 012); the trigger lets a DELETE through only in a transaction that set
 * guanxi.audit_retention (migration 023), which only this function does. A failed write of the
 * archive rolls the batch back, so an entry is never deleted without being archived first.
 */
export async function purgeAudit(db: Kysely<DB>, months: number, archiveDir: string): Promise<number> {
  let total = 0;
  const file = path.join(archiveDir, `audit-${new Date().toISOString().slice(0, 10)}.jsonl`);
  for (;;) {
    const n = await db.transaction().execute(async (trx) => {
      await sql`SELECT set_config('guanxi.audit_retention', 'on', true)`.execute(trx);
      const { rows } = await sql<Record<string, unknown>>`DELETE FROM audit_log WHERE id IN (
          SELECT id FROM audit_log WHERE at < now() - make_interval(months => ${months}) ORDER BY id LIMIT ${BATCH})
        RETURNING *`.execute(trx);
      if (rows.length) {
        rows.sort((a, b) => Number(a.id) - Number(b.id));
        await mkdir(archiveDir, { recursive: true, mode: 0o700 });
        await appendFile(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n', { mode: 0o600 });
      }
      return rows.length;
    });
    total += n;
    if (n < BATCH) return total;
  }
}
