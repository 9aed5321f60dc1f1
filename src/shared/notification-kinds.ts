// Kinds of notification (no zod here: the web imports this without the contracts' runtime).
// `escalation` has no producer in the core yet: SLA modules call notify() with it.
// Approvals and customers' answers: quotes (modules/quotes); any document needing approval may reuse them.
// `expired`: a document of the owner ran past its validity (quotes.expiry.ts); others may reuse it.
export const NOTIFICATION_KINDS = ['assigned', 'mentioned', 'reminder', 'escalation', 'approval_requested', 'approved', 'approval_rejected', 'customer_accepted', 'customer_rejected', 'expired'] as const;
