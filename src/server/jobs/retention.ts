import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { JobQueue } from './queue.ts';
// Idempotency keys answer retries for a day; a key still in progress (status 0) is never deleted.
import { IDEMPOTENCY_HOURS } from '../http/idempotency.ts';
import { getRetention, type Retention } from './retention-settings.ts';
import { purgeAudit } from './audit-retention.ts';

export interface RetentionConfig {
  /** Finished (done or failed) jobs older than this go. */
  jobsDays: number;
  /** Delivered outbox rows older than this go (rows never delivered stay). */
  eventsDays: number;
  /** Uploaded files of imports finished or failed longer ago than this go. */
  filesDays: number;
  /** Where audit entries past their period are archived before they go (jobs/audit-retention.ts); none: the audit log is kept. */
  archiveDir?: string;
}

/** An upload no import refers to is abandoned after a day. */
const UNUSED_FILE_HOURS = 24;
const RETENTION_CRON = '17 * * * *';

/** Tables whose rows keep a file (attachments...): a file one of them uses is never removed here. */
const fileUses: { table: string; column: string }[] = [];

/** Registered by the module owning the table, at import time (registering twice is harmless). */
export function registerFileUse(table: string, column = 'file_id'): void {
  if (!fileUses.some((u) => u.table === table && u.column === column)) fileUses.push({ table, column });
}

/**
 * Retention steps of modules (read notifications, old mail...), by name; each deletes and answers
 * how many rows went. It is given the periods in force (an administrator's, else the defaults).
 */
type Step = (db: Kysely<DB>, periods: Retention) => Promise<number>;
const steps = new Map<string, Step>();

/** Registered by the module owning the table, at import time (registering again replaces it). */
export function registerRetentionStep(name: string, run: Step): void {
  steps.set(name, run);
}

const unused = () => sql.join(fileUses.map((u) => sql`NOT EXISTS (SELECT 1 FROM ${sql.table(u.table)} u WHERE u.${sql.ref(u.column)} = f.id)`), sql` AND `);

export const days = (n: number) => sql`now() - make_interval(secs => ${Math.round(n * 86400)})`;
const hours = (n: number) => sql`now() - make_interval(secs => ${Math.round(n * 3600)})`;

export async function count(db: Kysely<DB>, statement: ReturnType<typeof sql>): Promise<number> {
  const r = await statement.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

/**
 * Deletes what is past its retention; answers how many rows of each kind went. The periods an
 * administrator set (PUT /settings/retention) win over the environment's (`env`).
 */
export async function runRetention(db: Kysely<DB>, env: RetentionConfig): Promise<Record<string, number>> {
  const set = await getRetention(db, env);
  const cfg = { jobsDays: set.jobs_days, eventsDays: set.events_days, filesDays: set.files_days };
  const modules: Record<string, number> = {};
  // Kept forever unless an administrator set a period: then archived to a file, then deleted.
  if (set.audit_months !== null && env.archiveDir) modules.audit_log = await purgeAudit(db, set.audit_months, env.archiveDir);
  for (const [name, run] of steps) modules[name] = await run(db, set);
  return {
    ...modules,
    jobs: await count(db, sql`DELETE FROM jobs WHERE status IN ('done', 'failed') AND finished_at < ${days(cfg.jobsDays)}`),
    sessions: await count(db, sql`DELETE FROM sessions WHERE expires_at < now()`),
    // The sign-in limits look back minutes (modules/auth/login-throttle.ts); the history is for people.
    login_history: await count(db, sql`DELETE FROM login_history WHERE at < ${days(set.login_history_days)}`),
    // A reset link is useless once expired; a day more keeps the per-address request limit whole.
    password_resets: await count(db, sql`DELETE FROM password_resets WHERE expires_at < ${hours(24)}`),
    ...(await importRows(db, set.imports_days)),
    idempotency_keys: await count(db, sql`DELETE FROM idempotency_keys WHERE status <> 0 AND created_at < ${hours(IDEMPOTENCY_HOURS)}`),
    event_outbox: await count(db, sql`DELETE FROM event_outbox WHERE delivered_at < ${days(cfg.eventsDays)}`),
    // A file goes when every import using it ended long enough ago, or when none uses it and it
    // is older than a day (an upload that never became an import, an attachment deleted), and
    // no registered table (attachments) still uses it. Chunks go with it (cascade).
    files: await count(db, sql`DELETE FROM files f WHERE ${fileUses.length ? sql`${unused()} AND` : sql``}
      CASE WHEN EXISTS (SELECT 1 FROM imports i WHERE i.file_id = f.id)
        THEN NOT EXISTS (SELECT 1 FROM imports i WHERE i.file_id = f.id
          AND NOT (i.status IN ('done', 'failed') AND i.finished_at < ${days(cfg.filesDays)}))
        ELSE f.created_at < ${hours(UNUSED_FILE_HOURS)} END`),
  };
}

/** The rows of imports that ended `n` days ago: what was rejected, skipped or warned about. The import's summary stays. */
async function importRows(db: Kysely<DB>, n: number): Promise<Record<string, number>> {
  const ended = sql`SELECT id FROM imports WHERE status IN ('done', 'failed') AND finished_at < ${days(n)}`;
  const out: Record<string, number> = {};
  for (const table of ['import_errors', 'import_skipped', 'import_warnings']) {
    out[table] = await count(db, sql`DELETE FROM ${sql.table(table)} WHERE import_id IN (${ended})`);
  }
  return out;
}

/** Runs retention hourly (once across processes). */
export function registerRetention(queue: JobQueue, db: Kysely<DB>, cfg: RetentionConfig): void {
  queue.schedule('retention', RETENTION_CRON, async () => void (await runRetention(db, cfg)));
}
