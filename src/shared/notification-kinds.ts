// Kinds of notification (no zod here: the web imports this without the contracts' runtime).
// `escalation` has no producer in the core yet: SLA modules call notify() with it.
// Approvals and customers' answers: quotes (modules/quotes); any document needing approval may reuse them.
export const NOTIFICATION_KINDS = ['assigned', 'mentioned', 'reminder', 'escalation', 'approval_requested', 'approved', 'approval_rejected', 'customer_accepted', 'customer_rejected'] as const;
