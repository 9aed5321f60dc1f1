import { AppError } from '../../http/errors.ts';
import type { Row } from '../../records/types.ts';

// The quote's status flow (issue 13):
//   draft → (pending_approval → approved | approval_rejected) → sent → accepted | rejected | expired
//   withdrawn, and superseded when a revision replaces it.
// Moves that mean something (submitting, deciding an approval, sending, the customer's answer,
// revising) happen only through their POST actions (quotes.actions.ts), which check the rules and
// write the evidence; a plain PATCH may only make the moves below, which carry no evidence.

export const QUOTE_STATUSES = [
  'draft', 'pending_approval', 'approved', 'approval_rejected', 'sent', 'accepted', 'rejected', 'expired', 'withdrawn', 'superseded',
] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

/** Only these may have their fields or lines changed; anything later is changed by a revision. */
export const EDITABLE: readonly string[] = ['draft', 'approval_rejected'];

/** Moves a plain PATCH of `status` may make: back to draft to edit again, withdrawing, expiring. */
const PATCH_MOVES: Record<string, readonly string[]> = {
  pending_approval: ['draft', 'withdrawn'],
  approved: ['draft', 'withdrawn'],
  approval_rejected: ['draft', 'withdrawn'],
  draft: ['withdrawn'],
  sent: ['expired', 'withdrawn'],
};

/** The action that makes a move a PATCH may not (for the error's details). */
function actionFor(to: string): string | undefined {
  return ({ pending_approval: 'submit', approved: 'approve', approval_rejected: 'reject-approval', sent: 'send', accepted: 'accept', rejected: 'reject', superseded: 'revise' } as Record<string, string>)[to];
}

export function notEditable(status: string): AppError {
  return new AppError('quote_not_editable', `A ${status} quote cannot be changed; revise it to make a new version`, { reason: 'quote_not_editable', status });
}

/**
 * The quote's own rule on every write path (beforeWrite): a new quote starts as a draft; an
 * existing one past draft refuses any change of its fields; a status change is one of the PATCH
 * moves. The actions write their columns beside the input (updateRecord `systemColumns`), so
 * they pass here with nothing in `values`.
 */
export function checkQuoteWrite(values: Row, existing: Row | null): void {
  if (!existing) {
    if (values.status !== undefined && values.status !== 'draft') throw moveRefused('draft', String(values.status));
    return;
  }
  const from = String(existing.status);
  const to = values.status === undefined ? from : String(values.status);
  const others = Object.keys(values).filter((k) => k !== 'status');
  if (to !== from) {
    if (!PATCH_MOVES[from]?.includes(to)) throw moveRefused(from, to);
    // Moving and editing in one write is refused unless the quote was editable before.
    if (others.length && !EDITABLE.includes(from)) throw notEditable(from);
    return;
  }
  if (others.length && !EDITABLE.includes(from)) throw notEditable(from);
}

function moveRefused(from: string, to: string): AppError {
  const action = actionFor(to);
  return new AppError('transition_not_allowed', action ? `A quote becomes ${to} through POST /quotes/{id}/${action}` : `A quote cannot move from ${from} to ${to}`, {
    reason: 'transition_not_allowed', field: 'status', from, to, allowed: [...(PATCH_MOVES[from] ?? [])], ...(action ? { action } : {}),
  });
}
