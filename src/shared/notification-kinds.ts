// Kinds of notification (no zod here: the web imports this without the contracts' runtime).
// `escalation` has no producer in the core yet: SLA modules call notify() with it.
export const NOTIFICATION_KINDS = ['assigned', 'mentioned', 'reminder', 'escalation'] as const;
