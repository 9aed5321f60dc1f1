// The approval actions and the answers a user records for the customer: submit, approve,
// reject-approval, accept, reject (quotes.status.ts has the flow). Each goes through runAction
// (quotes.write.ts): locked, version-checked, audited, on the timeline, or nothing written.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { requireDo, type Actor } from '../../core/access.ts';
import { orgToday } from '../../core/org-time.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { getObject } from '../../records/registry.ts';
import { lineMoneyHidden } from '../../records/line-items.ts';
import { loadVisible } from '../../records/service.ts';
import type { Row } from '../../records/types.ts';
import type { NotificationKind } from '../../../shared/contracts/notifications.ts';
import { notify } from '../notifications/notifications.service.ts';
import { approvalReasons, mayApprove } from './quotes.approval.ts';
import { approvalHistory, approverIds, insertApprovalStep } from './quotes.repo.ts';
import { getQuoteSettings } from './quotes.settings.ts';
import { EDITABLE } from './quotes.status.ts';
import { notOpen, runAction } from './quotes.write.ts';

type Body = { version?: number; comment?: string; reason?: string; name?: string };

async function tell(trx: Transaction<DB>, quote: Row, userIds: number[], kind: NotificationKind, actorId: number | null, cause: string, detail?: string | null) {
  await notify(trx, {
    userIds, kind, object: 'quotes', recordId: Number(quote.id), actorId, dedupeKey: `quote:${quote.id}:${cause}:v${quote.version}`,
    title: String(quote.number), ...(detail ? { params: { detail } } : {}),
  });
}

/** Owner's side: asks for approval when the settings say so, else approves at once (recorded as automatic). */
export async function submitQuote(db: Kysely<DB>, actor: Actor, id: number, body: Body): Promise<Row> {
  return runAction(db, actor, id, 'submit', body.version, async (trx, q) => {
    if (!EDITABLE.includes(q.status)) throw notOpen(q, 'submitted');
    const reasons = await approvalReasons(trx, q, await getQuoteSettings(trx));
    const now = new Date();
    if (!reasons.length) {
      return {
        set: { status: 'approved', submitted_at: now, approved_at: now, approved_by: null, approval_comment: null },
        after: (t) => insertApprovalStep(t, { quoteId: id, step: 'not_required', actorId: actor.id }),
      };
    }
    return {
      set: { status: 'pending_approval', submitted_at: now, approved_at: null, approved_by: null, approval_comment: null },
      timeline: { kind: 'quote_submitted' },
      after: async (t, updated) => {
        await insertApprovalStep(t, { quoteId: id, step: 'submitted', actorId: actor.id, reasons });
        const ownerId = updated.owner_id === null ? null : Number(updated.owner_id);
        await tell(t, updated, await approverIds(t, ownerId), 'approval_requested', actor.id, 'submitted', reasons.map((r) => `${r.code} ${r.value}% / ${r.limit}%`).join(', '));
      },
    };
  });
}

async function decide(db: Kysely<DB>, actor: Actor, id: number, body: Body, approve: boolean): Promise<Row> {
  const comment = body.comment?.trim() || null;
  if (!approve && !comment) throw invalid([{ field: 'comment', message: 'Say why the quote is not approved', code: 'required' }]);
  return runAction(db, actor, id, approve ? 'approve' : 'reject_approval', body.version, async (trx, q) => {
    if (q.status !== 'pending_approval') throw notOpen(q, approve ? 'approved' : 'rejected', 'Only a quote waiting for approval can be approved or rejected');
    if (!(await mayApprove(trx, actor, q))) throw new AppError('forbidden', 'Only an administrator or the manager of the owner’s team approves this quote', { reason: 'not_an_approver' });
    return {
      set: approve
        ? { status: 'approved', approved_by: actor.id, approved_at: new Date(), approval_comment: comment }
        : { status: 'approval_rejected', approved_by: actor.id, approved_at: new Date(), approval_comment: comment },
      timeline: { kind: approve ? 'quote_approved' : 'quote_approval_rejected', body: comment },
      after: async (t, updated) => {
        await insertApprovalStep(t, { quoteId: id, step: approve ? 'approved' : 'rejected', actorId: actor.id, comment });
        const ownerId = updated.owner_id === null ? null : Number(updated.owner_id);
        const people = [...(ownerId ? [ownerId] : []), ...(await approverIds(t, ownerId))];
        await tell(t, updated, people, approve ? 'approved' : 'approval_rejected', actor.id, approve ? 'approved' : 'rejected', comment);
      },
    };
  });
}

export const approveQuote = (db: Kysely<DB>, actor: Actor, id: number, body: Body) => decide(db, actor, id, body, true);
export const rejectQuoteApproval = (db: Kysely<DB>, actor: Actor, id: number, body: Body) => decide(db, actor, id, body, false);

/** Checks shared by the customer's answer, whoever records it: only a sent quote still valid on `today` (the organisation's day, orgToday). */
export function assertAnswerable(q: Row, today: string): void {
  if (q.status === 'accepted' || q.status === 'rejected') throw new AppError('quote_not_open', 'This quote has already been answered', { reason: 'already_decided', status: q.status });
  if (q.status !== 'sent') throw new AppError('quote_not_open', `A ${q.status} quote cannot be answered`, { reason: q.status, status: q.status });
  if (q.valid_until && String(q.valid_until instanceof Date ? q.valid_until.toISOString() : q.valid_until).slice(0, 10) < today) {
    throw new AppError('quote_not_open', 'This quote is no longer valid', { reason: 'expired', status: q.status });
  }
}

/** The customer's answer as recorded by a user (by phone, on paper); the public link records its own. */
export async function answerQuote(db: Kysely<DB>, actor: Actor, id: number, body: Body, accept: boolean): Promise<Row> {
  const name = body.name?.trim();
  if (accept && !name) throw invalid([{ field: 'name', message: 'The name of who accepted is required', code: 'required' }]);
  return runAction(db, actor, id, accept ? 'accept' : 'reject', body.version, async (trx, q) => {
    assertAnswerable(q, await orgToday(trx));
    return answerColumns(accept, { name: name ?? null, reason: body.reason ?? null, ip: null });
  });
}

export function answerColumns(accept: boolean, e: { name: string | null; reason: string | null; ip: string | null }) {
  return accept
    ? { set: { status: 'accepted', accepted_by_name: e.name, accepted_at: new Date(), accepted_ip: e.ip }, timeline: { kind: 'quote_accepted', body: e.name } }
    : { set: { status: 'rejected', rejected_at: new Date(), rejection_reason: e.reason?.trim() || null }, timeline: { kind: 'quote_rejected', body: e.reason?.trim() || null } };
}

/** GET /quotes/{id}/approval: whether it needs approval now, why, whether the caller may decide, and the history. */
export async function quoteApproval(db: Kysely<DB>, actor: Actor, id: number) {
  const def = getObject('quotes');
  requireDo(actor, def, 'read');
  const q = await loadVisible(db, def, actor, id);
  // A margin is computed from amounts: a role whose field rules hide them learns only that there is one.
  const hide = lineMoneyHidden(actor, def);
  const reasons = (await approvalReasons(db, q, await getQuoteSettings(db))).map((r) => (hide && r.code === 'margin' ? { ...r, value: '', limit: '' } : r));
  return {
    required: reasons.length > 0,
    reasons,
    can_approve: q.status === 'pending_approval' && (await mayApprove(db, actor, q)),
    history: await approvalHistory(db, id),
  };
}

export { tell };
