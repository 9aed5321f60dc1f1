import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { DEFAULT_ROLES, type Actor } from '../../core/access.ts';
import { writeAudit } from '../../core/audit.ts';
import { deliverSoon, writeEvents } from '../../core/events.ts';
import { emitTimeline, timelineTargets } from '../../core/timeline.ts';
import { getObject } from '../../records/registry.ts';
import { createRecordIn } from '../../records/service.ts';
import { writeStageHistory } from '../../records/stages.ts';
import type { Row } from '../../records/types.ts';
import { LOCALES, type Locale } from '../../../shared/fields.ts';
import { addMonths } from './contracts.dates.ts';
import { orgToday } from '../../core/org-time.ts';
import { renewalTaskTitle } from './contracts.labels.ts';
import { claimRenewal, contractsInNotice, contractsPastEnd, extendTerm, markOverdue, setExpired, setRenewalTask } from './contracts.repo.ts';
import { contractsObject as def } from './contracts.object.ts';

/*
 * The daily contracts job (scheduled in module.ts; tests call runContractsDaily with a fixed day):
 *  1. unpaid instalments past their due date become `overdue`;
 *  2. an active contract inside its notice window (end_date − notice_days, 30 when unset) gets one
 *     renewal task for its owner per period: the (contract, end date) row in contract_renewal_tasks
 *     is inserted in the task's transaction, so a second run — or a second process — creates none;
 *  3. an active contract renewing automatically whose end date has passed is EXTENDED in place by
 *     its renewal term (as many terms as it takes to reach today): the same record, number and plan;
 *     the term it ended is kept in contract_terms, audited (`renew`) and put on the timelines. The
 *     new period gets its own renewal task when its notice window comes.
 *  4. an active contract not renewing automatically whose end date has passed becomes `expired`.
 * Every step works in batches of locked rows (SKIP LOCKED), so processes never do one twice.
 */

const BATCH = 100;

/** The job acts as the system: it sees every contract; its audit rows name no user. */
const SYSTEM: Actor = { id: 0, email: '', name: 'system', role: 'admin', team_id: null, locale: 'en', permissions: DEFAULT_ROLES.admin!.permissions };

const localeOf = (v: unknown): Locale => ((LOCALES as readonly string[]).includes(String(v)) ? (v as Locale) : 'en');

/** The owner creates its own renewal task (timeline, audit and notifications name them). */
function ownerActor(c: Row): Actor {
  return {
    id: Number(c.owner_id), email: '', name: 'contract renewal', role: 'contract_renewal', team_id: null, locale: localeOf(c.locale),
    permissions: { visibility: { '*': 'all' }, can: { write: true }, objects: { tasks: { list: true, read: true, create: true } } },
  };
}

async function batches(db: Kysely<DB>, step: (trx: Transaction<DB>) => Promise<number>): Promise<number> {
  let done = 0;
  for (;;) {
    const n = await db.transaction().execute(step);
    done += n;
    if (n < BATCH) return done;
  }
}

async function renewalTasks(db: Kysely<DB>, today: string): Promise<number> {
  const tasks = getObject('tasks');
  return batches(db, async (trx) => {
    const due = await contractsInNotice(trx, today, BATCH);
    for (const c of due) {
      if (!(await claimRenewal(trx, c.id, c.end_date))) continue;
      const task = await createRecordIn(trx, tasks, ownerActor(c), {
        title: renewalTaskTitle[localeOf(c.locale)](c.number, c.name, c.end_date), owner_id: Number(c.owner_id),
        account_id: c.account_id === null ? null : Number(c.account_id), contact_id: c.contact_id === null ? null : Number(c.contact_id),
        due_at: `${c.end_date}T00:00:00.000Z`, priority: 'high',
      });
      await setRenewalTask(trx, c.id, c.end_date, Number(task.id));
    }
    return due.length;
  });
}

async function autoRenew(db: Kysely<DB>, today: string): Promise<number> {
  return batches(db, async (trx) => {
    const due = await contractsPastEnd(trx, today, true, BATCH);
    for (const c of due) {
      let end = String(c.end_date);
      while (end < today) end = addMonths(end, Number(c.renewal_term_months));
      const row = await extendTerm(trx, c, end);
      const changes: Record<string, [unknown, unknown]> = { end_date: [c.end_date, end] };
      await writeAudit(trx, { actorId: null, action: 'renew', object: def.name, recordId: c.id, changes });
      await writeEvents(trx, [{ type: 'updated', object: def.name, id: c.id, actorId: null, changes }]);
      await emitTimeline(trx, { occurredAt: new Date(), kind: 'contract_renewed', title: row.number, body: `${c.end_date} → ${end}`, targets: timelineTargets(def, row), actorId: null });
    }
    return due.length;
  });
}

async function expire(db: Kysely<DB>, today: string): Promise<number> {
  return batches(db, async (trx) => {
    const due = await contractsPastEnd(trx, today, false, BATCH);
    for (const c of due) {
      const row = await setExpired(trx, c.id);
      await writeStageHistory({ trx, actor: SYSTEM, def }, [{ row, existing: c, input: {} }]);
      const changes: Record<string, [unknown, unknown]> = { status: ['active', 'expired'] };
      await writeAudit(trx, { actorId: null, action: 'expire', object: def.name, recordId: c.id, changes });
      await writeEvents(trx, [{ type: 'updated', object: def.name, id: c.id, actorId: null, changes }]);
    }
    return due.length;
  });
}

/** One daily run for `day` (YYYY-MM-DD; by default today in the organisation's zone); answers what it did. */
export async function runContractsDaily(db: Kysely<DB>, day?: string) {
  const today = day ?? (await orgToday(db));
  const overdue = await db.transaction().execute((trx) => markOverdue(trx, today));
  // Renewed first: a new period whose notice window has come gets its task in the same run.
  const renewed = await autoRenew(db, today);
  const expired = await expire(db, today);
  const tasks = await renewalTasks(db, today);
  if (tasks || renewed || expired) deliverSoon();
  return { overdue, tasks, renewed, expired };
}
