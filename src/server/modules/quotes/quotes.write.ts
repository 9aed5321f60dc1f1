// How every quote action writes: one transaction with the quote locked, the caller's version
// checked, the action's own checks, its columns written, the audit entry (`quote.<action>`),
// the `updated` record event and a timeline entry on the quote, its account and contact — all
// committed together, or nothing when any check refuses.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { requireDo, type Actor } from '../../core/access.ts';
import { diff, writeAudit } from '../../core/audit.ts';
import { deliverSoon, writeEvents } from '../../core/events.ts';
import { emitTimeline, timelineTargets } from '../../core/timeline.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { getObject } from '../../records/registry.ts';
import { loadVisible, present } from '../../records/service.ts';
import { assertVersion } from '../../records/versions.ts';
import type { Row } from '../../records/types.ts';
import { mailSoon } from '../mail/mail.service.ts';
import { quoteById, setQuoteColumns } from './quotes.repo.ts';

export interface ActionResult {
  /** Columns to write on the quote (status and its evidence). */
  set: Row;
  /** The timeline entry's body (the accepting name, a comment); its title is the quote number. */
  timeline?: { kind: string; body?: string | null };
  /** Runs after the update in the same transaction (notifications, approval history). */
  after?: (trx: Transaction<DB>, updated: Row) => Promise<void>;
}

export type Step = (trx: Transaction<DB>, existing: Row) => Promise<ActionResult>;

/** The quote is not in a status this action works from (409 quote_not_open, its status in details). */
export function notOpen(existing: Row, action: string, message?: string): AppError {
  return new AppError('quote_not_open', message ?? `A ${existing.status} quote cannot be ${action}`, { reason: 'quote_not_open', status: existing.status, action });
}

/**
 * A user's action on a quote they may see and update (a hidden quote is not_found like a
 * missing one). `version`: the version they read (stale: 409 conflict, nothing written).
 */
export async function runAction(db: Kysely<DB>, actor: Actor, id: number, name: string, version: number | undefined, step: Step): Promise<Row> {
  const def = getObject('quotes');
  requireDo(actor, def, 'update');
  const updated = await db.transaction().execute(async (trx) => {
    const existing = await loadVisible(trx, def, actor, id, true);
    if (version !== undefined) await assertVersion(trx, def, actor, existing, version);
    return applyAction(trx, existing, actor.id, name, await step(trx, existing));
  });
  deliverSoon();
  mailSoon();
  return present(db, def, actor, updated);
}

/** The customer's answer through the signed link: no user, the quote named by the token. */
export async function runPublicAction(db: Kysely<DB>, id: number, name: string, step: Step): Promise<Row> {
  const updated = await db.transaction().execute(async (trx) => {
    const existing = await quoteById(trx, id, true);
    if (!existing) throw notFound('quote');
    return applyAction(trx, existing, null, name, await step(trx, existing));
  });
  deliverSoon();
  mailSoon();
  return updated;
}

export async function applyAction(trx: Transaction<DB>, existing: Row, actorId: number | null, name: string, r: ActionResult): Promise<Row> {
  const def = getObject('quotes');
  const updated = await setQuoteColumns(trx, Number(existing.id), r.set);
  const changes = diff(existing, r.set);
  await writeAudit(trx, { actorId, action: `quote.${name}`, object: 'quotes', recordId: updated.id, changes });
  await writeEvents(trx, [{ type: 'updated', object: 'quotes', id: Number(updated.id), actorId, changes }]);
  if (r.timeline) {
    await emitTimeline(trx, {
      occurredAt: new Date(), kind: r.timeline.kind, title: String(updated.number), body: r.timeline.body ?? null, actorId,
      targets: [{ object: 'quotes', id: Number(updated.id) }, ...timelineTargets(def, updated)],
    });
  }
  await r.after?.(trx, updated);
  return updated;
}
