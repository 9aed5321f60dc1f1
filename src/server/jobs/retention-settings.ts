import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../db/schema.ts';
import { writeAudit } from '../core/audit.ts';
import type { RetentionPatch, RetentionSettings } from '../../shared/contracts/settings.ts';

export type Retention = z.infer<typeof RetentionSettings>;
/** The environment's periods (GUANXI_RETENTION_*_DAYS, config.ts): what applies until an administrator sets one. */
export interface RetentionDefaults { jobsDays: number; eventsDays: number; filesDays: number }

const KEY = 'retention';

/** Periods with no environment setting: what applies until an administrator sets one (docs/operations.md, Retention). */
export const FIXED_DEFAULTS = { login_history_days: 365, imports_days: 90, mail_days: 365, form_submissions_days: 365, notifications_days: 90 } as const;

function fromDefaults(d: RetentionDefaults): Retention {
  return { audit_months: null, jobs_days: d.jobsDays, events_days: d.eventsDays, files_days: d.filesDays, ...FIXED_DEFAULTS };
}

/** The periods in force: those an administrator stored, the environment's for the others. */
export async function getRetention(db: Kysely<DB>, defaults: RetentionDefaults): Promise<Retention> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  return { ...fromDefaults(defaults), ...((row?.value as Partial<Retention> | undefined) ?? {}) };
}

/** Stores the given periods (validated by RetentionPatch), auditing old → new for each that changed. */
export async function updateRetention(db: Kysely<DB>, actorId: number, defaults: RetentionDefaults, patch: z.infer<typeof RetentionPatch>): Promise<Retention> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('settings').select('value').where('key', '=', KEY).forUpdate().executeTakeFirst();
    const stored = { ...((row?.value as Partial<Retention> | undefined) ?? {}) };
    const before = { ...fromDefaults(defaults), ...stored };
    const changes: Record<string, [unknown, unknown]> = {};
    for (const [k, v] of Object.entries(patch) as [keyof Retention, number | null][]) {
      if (before[k] !== v) changes[`retention.${k}`] = [before[k], v];
      (stored as Record<string, unknown>)[k] = v;
    }
    if (Object.keys(changes).length) {
      const value = JSON.stringify(stored);
      await trx.insertInto('settings').values({ key: KEY, value, updated_by: actorId })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_by: actorId, updated_at: new Date() })).execute();
      await writeAudit(trx, { actorId, action: 'update', object: 'settings', recordId: null, changes });
    }
    return { ...fromDefaults(defaults), ...stored };
  });
}
