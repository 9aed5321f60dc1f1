import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { requireCan, type Actor } from '../../core/access.ts';
import { writeAudit } from '../../core/audit.ts';
import { notFound } from '../../http/errors.ts';
import type { JobContext } from '../../jobs/queue.ts';
import { accountBatch, jobStatus, realignAccounts, saveJobPayload } from './territories.repo.ts';
import { ACCOUNTS, territoryPick } from './territories.engine.ts';

// POST /territories/realign: every account's territory recomputed from the rules (after rules
// or the tree changed), by a job in id order, one transaction per batch, its progress saved in
// the job's payload so a retry resumes after the last committed batch. Locked accounts keep
// the administrator's choice. The rules are compiled once per batch (a rule edited meanwhile
// counts from the next batch).

export const REALIGN_JOB = 'territories.realign';
const BATCH = 500;

interface Progress {
  actor_id: number;
  after_id: number;
  scanned: number;
  changed: number;
}

export async function startRealign(enqueue: (name: string, payload: Record<string, unknown>) => Promise<number>, actor: Actor): Promise<{ job_id: number }> {
  requireCan(actor, 'admin');
  const p: Progress = { actor_id: actor.id, after_id: 0, scanned: 0, changed: 0 };
  return { job_id: await enqueue(REALIGN_JOB, { ...p }) };
}

export async function runRealign(db: Kysely<DB>, payload: Record<string, unknown>, ctx: JobContext): Promise<void> {
  // `batch`: the batch size (tests use small ones); a payload saved by an interrupted run carries `after_id`.
  const size = Math.min(Math.max(Math.trunc(Number(payload.batch ?? BATCH)) || BATCH, 1), 5000);
  const p = { actor_id: Number(payload.actor_id), after_id: Number(payload.after_id ?? 0), scanned: Number(payload.scanned ?? 0), changed: Number(payload.changed ?? 0) };
  for (;;) {
    if (ctx.signal?.aborted) return;
    const done = await db.transaction().execute(async (trx) => {
      const ids = await accountBatch(trx, p.after_id, size);
      if (!ids.length) return true;
      const changed = await realignAccounts(trx, ids, await territoryPick(trx));
      p.after_id = ids[ids.length - 1]!;
      p.scanned += ids.length;
      p.changed += changed.length;
      if (changed.length) await writeAudit(trx, { actorId: p.actor_id, action: 'territory_realign', object: ACCOUNTS, recordId: null, changes: { ids: changed } });
      await saveJobPayload(trx, ctx.id, { ...p, batch: size });
      return false;
    });
    if (done) return;
    await ctx.heartbeat();
  }
}

export async function realignStatus(db: Kysely<DB>, actor: Actor, jobId: number) {
  requireCan(actor, 'admin');
  const row = await jobStatus(db, jobId, REALIGN_JOB);
  if (!row) throw notFound('job');
  const p = (row.payload ?? {}) as Record<string, unknown>;
  return { job_id: row.id, status: row.status, scanned: Number(p.scanned ?? 0), changed: Number(p.changed ?? 0), error: row.last_error ?? null };
}
